// ECharts' server-side SVG goes into pages as raw HTML, so it is rebuilt here from an allow list rather
// than trusted. zrender escapes text but writes attribute values as they are; a label can only ever reach
// a text node, but a parser that refuses anything unexpected keeps it that way whatever a future version
// emits. The same pass fits the SVG to the site's Content-Security-Policy (`style-src 'self'`, no
// 'unsafe-inline'): inline `style="font-size:…"` attributes and the `<style>` element (hover cursors only)
// would be refused by the browser, with a console error each, and the text would lose its size. Font
// properties become SVG presentation attributes, which CSP does not govern; the `<style>` element goes.

const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'defs',
  'clipPath',
  'linearGradient',
  'radialGradient',
  'stop',
]);
// Attributes dropped outright: styling hooks for the dropped <style>, and zrender's hydration metadata.
const DROPPED = /^(class|ecmeta_.*|style)$/;
const FONT_PROPERTIES = new Set(['font-size', 'font-family', 'font-style', 'font-weight']);

export class UnsafeSvgError extends Error {}

const escapeAttr = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `font-size:12px;font-family:sans-serif;` or `font: bold 12px sans-serif` → presentation attributes. */
const fontAttributes = (style: string): [string, string][] => {
  const out: [string, string][] = [];
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const prop = decl.slice(0, i).trim().toLowerCase();
    const value = decl.slice(i + 1).trim();
    if (FONT_PROPERTIES.has(prop) && value) out.push([prop, value]);
    else if (prop === 'font') {
      const m = /^((?:(?:italic|oblique|normal|bold|bolder|lighter|\d{3})\s+)*)([\d.]+px)\s+(.+)$/.exec(
        value,
      );
      if (!m) continue;
      for (const word of (m[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
        out.push([/^(italic|oblique)$/.test(word) ? 'font-style' : 'font-weight', word]);
      }
      out.push(['font-size', m[2] as string], ['font-family', m[3] as string]);
    }
  }
  return out;
};

const ATTR = /\s*([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/y;

const rebuildAttributes = (raw: string, idPrefix: string): string => {
  const out: string[] = [];
  ATTR.lastIndex = 0;
  const rename = (v: string) => v.replace(/\bzr\d+-/g, `${idPrefix}-`);
  while (ATTR.lastIndex < raw.length) {
    const start = ATTR.lastIndex;
    const m = ATTR.exec(raw);
    if (!m || ATTR.lastIndex === start) {
      if (raw.slice(start).trim() === '') break;
      throw new UnsafeSvgError(`unexpected attribute text: ${raw.slice(start, start + 40)}`);
    }
    const name = m[1] as string;
    const value = m[2] ?? '';
    const lower = name.toLowerCase();
    if (lower.startsWith('on')) throw new UnsafeSvgError(`event handler attribute ${name}`);
    if ((lower === 'href' || lower === 'xlink:href') && !value.startsWith('#')) {
      throw new UnsafeSvgError(`link attribute ${name}`);
    }
    if (/url\(\s*(?!#)/i.test(value)) throw new UnsafeSvgError(`external url() in ${name}`);
    if (lower === 'style') {
      for (const [k, v] of fontAttributes(value)) out.push(`${k}="${escapeAttr(v)}"`);
      continue;
    }
    if (DROPPED.test(lower)) continue;
    out.push(m[2] === undefined ? name : `${name}="${escapeAttr(rename(value))}"`);
  }
  return out.length > 0 ? ` ${out.join(' ')}` : '';
};

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*?)(\/?)>|([^<]+)/y;

/**
 * Rebuilds zrender's SVG string from allow-listed elements and attributes: no scripts, no event handlers,
 * no external references, no inline styles; element ids are prefixed with `idPrefix` (unique per chart,
 * and stable, unlike zrender's per-process counters). Throws UnsafeSvgError on anything unexpected.
 */
export const sanitizeSvg = (svg: string, idPrefix: string): string => {
  if (!/^[a-z][a-z0-9-]*$/.test(idPrefix)) throw new UnsafeSvgError('bad id prefix');
  const out: string[] = [];
  const open: string[] = [];
  let skippingStyle = false;
  TOKEN.lastIndex = 0;
  const src = svg.trim();
  while (TOKEN.lastIndex < src.length) {
    if (skippingStyle) {
      const end = src.indexOf('</style>', TOKEN.lastIndex);
      if (end < 0) throw new UnsafeSvgError('unterminated <style>');
      TOKEN.lastIndex = end + '</style>'.length;
      skippingStyle = false;
      continue;
    }
    const m = TOKEN.exec(src);
    if (!m)
      throw new UnsafeSvgError(`unexpected markup near ${src.slice(TOKEN.lastIndex, TOKEN.lastIndex + 40)}`);
    const [, closing, tag, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      // zrender escapes text; a stray '>' or '&' that is not an entity is still refused.
      if (/>|&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/.test(text)) throw new UnsafeSvgError('unescaped text');
      if (open.length === 0 && text.trim() !== '') throw new UnsafeSvgError('text outside the SVG');
      // Whitespace between elements is dropped; inside <text> it is content.
      if (text.trim() !== '' || open.at(-1) === 'text' || open.at(-1) === 'tspan') out.push(text);
      continue;
    }
    const name = tag as string;
    if (name === 'style' && !closing) {
      skippingStyle = selfClosing !== '/';
      continue;
    }
    if (!ELEMENTS.has(name)) throw new UnsafeSvgError(`element <${name}> is not allowed`);
    if (closing) {
      if (open.pop() !== name) throw new UnsafeSvgError(`mismatched </${name}>`);
      out.push(`</${name}>`);
      continue;
    }
    if (open.length === 0 && (name !== 'svg' || out.length > 0))
      throw new UnsafeSvgError('not one <svg> root');
    out.push(`<${name}${rebuildAttributes(attrs ?? '', idPrefix)}${selfClosing ? '/' : ''}>`);
    if (!selfClosing) open.push(name);
  }
  if (open.length > 0 || out.length === 0) throw new UnsafeSvgError('unbalanced SVG');
  return out.join('');
};
