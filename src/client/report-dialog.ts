// Ctrl+Enter (⌘+Enter on a Mac) on text selected in the page's main content opens a dialog to report the
// error. Progressive enhancement only: the "Report an error on this page" link and its form work without
// this file. Every word of the dialog comes from the server in the page's language
// (`/{locale}/report/dialog`), fetched on first use with the CSRF token for this browser, so content pages
// stay free of tokens and cacheable.

const CONTEXT_CHARS = 100;
const flat = (text: string) => text.replace(/\s+/g, ' ');

type TSelected = Readonly<{ text: string; before: string; after: string; lang: string }>;

// Text of different blocks (a heading, then a paragraph) is read with a space between them.
const BLOCKS =
  'p,li,dt,dd,h1,h2,h3,h4,h5,h6,td,th,caption,blockquote,figcaption,pre,div,section,header,footer';

/** The text of `scope` before and after `range`, with a space where one block ends and another begins. */
const textAround = (scope: Element, range: Range): { before: string; after: string } => {
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  let before = '';
  let after = '';
  let lastBlock: Element | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const block = node.parentElement?.closest(BLOCKS) ?? null;
    const gap = lastBlock !== null && block !== lastBlock ? ' ' : '';
    lastBlock = block;
    const isStart = node === range.startContainer;
    const isEnd = node === range.endContainer;
    if (isStart || isEnd) {
      if (isStart) before += gap + node.data.slice(0, range.startOffset);
      if (isEnd) after += (isStart ? '' : gap) + node.data.slice(range.endOffset);
    } else if (range.comparePoint(node, 0) < 0) {
      before += gap + node.data;
    } else if (range.comparePoint(node, node.data.length) > 0) {
      after += gap + node.data;
      if (after.length > CONTEXT_CHARS * 4) break;
    }
  }
  return { before: flat(before), after: flat(after) };
};

/** The selection and some text either side of it, within the article (or the main content). */
const selectedIn = (main: HTMLElement): TSelected | undefined => {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!main.contains(range.commonAncestorContainer)) return undefined;
  const text = flat(selection.toString()).trim();
  if (text === '') return undefined;
  const start =
    range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const { before, after } = textAround(start?.closest('article') ?? main, range);
  return {
    text,
    before: before.slice(Math.max(0, before.length - CONTEXT_CHARS)),
    after: after.slice(0, CONTEXT_CHARS),
    // A page in one language may quote, or fall back to, text in the other.
    lang: start?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang,
  };
};

const isEditable = (el: Element | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

export const enhanceReportDialog = (): void => {
  const link = document.querySelector<HTMLAnchorElement>('a[data-report-link]');
  const main = document.getElementById('main');
  const source = link?.dataset.reportDialog;
  if (!link || !main || !source) return;
  const hint = document.querySelector<HTMLElement>('[data-report-hint]');
  if (hint) hint.hidden = false;
  const page = `${location.pathname}${location.search}`;

  let dialog: HTMLDialogElement | undefined;
  let loading: Promise<HTMLDialogElement> | undefined;
  let opener: HTMLElement | null = null;

  const load = (): Promise<HTMLDialogElement> => {
    loading ??= (async () => {
      const res = await fetch(source, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!res.ok) throw new Error(`dialog: HTTP ${res.status}`);
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const found = doc.querySelector<HTMLDialogElement>('dialog#report-dialog');
      if (!found) throw new Error('dialog: not in the answer');
      const d = document.importNode(found, true);
      document.body.append(d);
      wire(d);
      dialog = d;
      return d;
    })();
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };

  const parts = (d: HTMLDialogElement) => ({
    form: d.querySelector('form[data-report-form]') as HTMLFormElement,
    context: d.querySelector('[data-report-context]') as HTMLElement,
    status: d.querySelector('[data-report-status]') as HTMLElement,
    done: d.querySelector('[data-report-done]') as HTMLElement,
    submit: d.querySelector('form[data-report-form] button[type=submit]') as HTMLButtonElement,
  });

  const clearErrors = (d: HTMLDialogElement) => {
    for (const el of d.querySelectorAll<HTMLElement>('[data-error-for]')) {
      el.hidden = true;
      el.textContent = '';
      const field = d.querySelector<HTMLElement>(`#rd-${el.dataset.errorFor}`);
      field?.removeAttribute('aria-invalid');
      if (field) field.setAttribute('aria-describedby', `${field.id}-hint`);
      field?.closest('.field')?.classList.remove('field-error');
    }
  };

  const showTemplate = (d: HTMLDialogElement, name: string) => {
    const template = d.querySelector<HTMLTemplateElement>(`template[data-report-${name}]`);
    const { status } = parts(d);
    status.replaceChildren(...(template ? [template.content.cloneNode(true)] : []));
    const formLink = status.querySelector<HTMLAnchorElement>('a[data-report-form-link]');
    if (formLink) formLink.href = link.href;
  };

  const wire = (d: HTMLDialogElement) => {
    const { form, status, done, submit } = parts(d);
    for (const button of d.querySelectorAll<HTMLButtonElement>('[data-report-close]')) {
      button.addEventListener('click', () => d.close());
    }
    d.addEventListener('close', () => {
      if (opener?.isConnected) opener.focus();
      opener = null;
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(d);
      submit.disabled = true;
      status.textContent = d.dataset.sending ?? '';
      const body = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value);
      try {
        const res = await fetch(form.action, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
            'x-csrf-token': String(body.get('_csrf') ?? ''),
          },
          body,
        });
        if (res.status === 422) {
          const { errors } = (await res.json()) as { errors: Record<string, string> };
          status.textContent = '';
          let first: HTMLElement | null = null;
          for (const [name, message] of Object.entries(errors)) {
            const line = d.querySelector<HTMLElement>(`[data-error-for="${name}"]`);
            if (!line) continue;
            line.textContent = message;
            line.hidden = false;
            const field = d.querySelector<HTMLElement>(`#rd-${name}`);
            if (field) {
              field.setAttribute('aria-invalid', 'true');
              field.setAttribute('aria-describedby', `${field.id}-hint ${field.id}-error`);
              field.closest('.field')?.classList.add('field-error');
              first ??= field;
            }
          }
          // The selection has no field of its own: its message is read out with the status.
          if (!first) status.textContent = Object.values(errors).join(' ');
          first?.focus();
          return;
        }
        if (!res.ok) throw new Error(`report: HTTP ${res.status}`);
        form.hidden = true;
        done.hidden = false;
        showTemplate(d, 'sent');
        done.querySelector<HTMLButtonElement>('button')?.focus();
      } catch {
        showTemplate(d, 'failed');
      } finally {
        submit.disabled = false;
      }
    });
  };

  const open = async (selected: TSelected) => {
    let d: HTMLDialogElement;
    try {
      d = dialog ?? (await load());
    } catch {
      // No dialog to be had (offline, or the server refused): the plain form still works.
      location.assign(link.href);
      return;
    }
    if (d.open) return;
    const { form, context, status, done } = parts(d);
    form.reset();
    form.hidden = false;
    done.hidden = true;
    status.replaceChildren();
    clearErrors(d);
    const set = (name: string, value: string) => {
      const input = form.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = value;
    };
    set('page', page);
    set('selection', selected.text);
    set('contextBefore', selected.before);
    set('contextAfter', selected.after);
    const mark = document.createElement('mark');
    mark.textContent = selected.text;
    context.replaceChildren(
      document.createTextNode(selected.before),
      mark,
      document.createTextNode(selected.after),
    );
    context.lang = selected.lang;
    d.showModal();
  };

  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.repeat) return;
    if (dialog?.open || isEditable(document.activeElement)) return;
    const selected = selectedIn(main);
    if (!selected) return;
    e.preventDefault();
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void open(selected);
  });
};

enhanceReportDialog();
