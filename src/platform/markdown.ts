import MarkdownIt from 'markdown-it';

// Markdown for editor-written content (news bodies, help answers, audience pages), rendered to HTML that is
// safe by construction rather than cleaned afterwards:
// - raw HTML is never passed through: `<script>`, `<iframe>`, `onerror=` and friends come out as text;
// - links go only to http(s), mailto, a path on this site or a fragment; anything else (`javascript:`,
//   `data:`, `vbscript:`, `//host`, encoded or mixed-case variants) stays plain text;
// - images come only from this site (the CSP allows no other) and must have alt text — the editor is told
//   at save time (`markdownProblems`), and an image that slipped through without one renders as its link;
// - headings start at h2, since the page's title is the h1.

const SAFE_LINK = /^(?:https?:\/\/[^\s/]|mailto:[^\s@]+@[^\s@]|\/(?![/\\])|#)/i;
const SAME_SITE = /^\/(?![/\\])/;

// Markdown-it percent-encodes and entity-decodes before this check, so the URL is what the browser gets.
// Control characters and whitespace inside the scheme are refused outright.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
/** True for a URL an editor's link may point to. */
export const isSafeLink = (url: string): boolean => !CONTROL.test(url) && SAFE_LINK.test(url.trim());

const build = (validate: (url: string) => boolean) => {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = validate;
  return md;
};

const md = build(isSafeLink);

md.renderer.rules.heading_open = (tokens, idx) => {
  const level = Math.min(6, Number(tokens[idx]?.tag.slice(1)) + 1);
  return `<h${level}>`;
};
md.renderer.rules.heading_close = (tokens, idx) => {
  const level = Math.min(6, Number(tokens[idx]?.tag.slice(1)) + 1);
  return `</h${level}>\n`;
};

const escapeAttr = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (!token) return '';
  const src = String(token.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
  // Only same-site images with alt text are shown; others become a plain link, so nothing is lost.
  if (!SAME_SITE.test(src) || !alt) {
    const label = alt || src;
    return `<a href="${escapeAttr(src)}">${md.utils.escapeHtml(label)}</a>`;
  }
  const title = token.attrGet('title') == null ? '' : String(token.attrGet('title'));
  return `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}"${title ? ` title="${escapeAttr(title)}"` : ''} loading="lazy">`;
};

/** Markdown → HTML that carries no script, frame, event handler or unsafe URL. */
export const renderMarkdown = (source: string): string => md.render(source);

/** Markdown → plain text (for summaries, feeds and search snippets). */
export const markdownText = (source: string): string =>
  md
    .render(source)
    // Block tags separate words; inline ones (a, em, strong, code) do not.
    .replace(/<\/?(?:p|h\d|li|ul|ol|blockquote|pre|hr|br|table|thead|tbody|tr|th|td)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();

export type TMarkdownProblem = Readonly<{ kind: 'image-alt' | 'image-src' | 'link-unsafe'; target: string }>;

// A permissive twin, used only to find what the safe renderer would refuse, so the editor can be told.
const inspector = build(() => true);

/** What an editor should fix before saving: images without alt text or from elsewhere, unsafe links. */
export const markdownProblems = (source: string): TMarkdownProblem[] => {
  const problems: TMarkdownProblem[] = [];
  const walk = (tokens: ReturnType<typeof inspector.parse>) => {
    for (const t of tokens) {
      if (t.type === 'image') {
        const src = String(t.attrGet('src') ?? '');
        const alt = (t.children ?? [])
          .map((c) => c.content)
          .join('')
          .trim();
        if (!alt) problems.push({ kind: 'image-alt', target: src });
        if (!SAME_SITE.test(src) || !isSafeLink(src)) problems.push({ kind: 'image-src', target: src });
      } else if (t.type === 'link_open') {
        const href = String(t.attrGet('href') ?? '');
        if (!isSafeLink(href)) problems.push({ kind: 'link-unsafe', target: href });
      }
      if (t.children) walk(t.children);
    }
  };
  walk(inspector.parse(source, {}));
  return problems;
};
