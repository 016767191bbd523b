import { describe, expect, it } from 'vitest';
import { isSafeLink, markdownProblems, markdownText, renderMarkdown } from './markdown.ts';

// What an attacker (or a careless paste) could put in an editor's Markdown, from the usual XSS cheat sheets.
const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<iframe src="https://evil.example"></iframe>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](//evil.example/path)',
  '[click](/\\evil.example)',
  '[click](file:///etc/passwd)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x" onerror="alert(1)](/a.png)',
  '![x](/a.png "t\\" onload=\\"alert(1)")',
  '[x](/ok "title\\" onclick=\\"alert(1)")',
  '<object data="x.swf"></object>',
  '<embed src="x.swf">',
  '<form action="https://evil.example"><input name=x></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<style>body{display:none}</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '[a](https://ok.example)<img src=x onerror=alert(1)>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '<!-- <script>alert(1)</script> -->',
  '<details open ontoggle=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[x](https://ok.example" onclick="alert(1))',
  'https://ok.example/"><script>alert(1)</script>',
];

const ALLOWED_TAGS = new Set([
  'p',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  's',
]);
const ALLOWED_ATTRS = new Set(['href', 'src', 'alt', 'title', 'class', 'start', 'style', 'loading']);

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');

/** Every tag and attribute in the output is on the allow list, and every URL is safe. */
const problemsIn = (html: string): string[] => {
  const found: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    const tag = (m[1] as string).toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) found.push(`tag ${tag}`);
    for (const a of (m[2] as string).matchAll(/([a-zA-Z-:]+)\s*=\s*"([^"]*)"/g)) {
      const name = (a[1] as string).toLowerCase();
      const value = decode(a[2] as string);
      if (!ALLOWED_ATTRS.has(name)) found.push(`attribute ${name}`);
      if ((name === 'href' || name === 'src') && !isSafeLink(value)) found.push(`url ${value}`);
      if (name === 'style' && !/^text-align:(left|right|center)$/.test(value)) found.push(`style ${value}`);
    }
    // Anything that is not name="value" inside a tag would be an injected attribute.
    const rest = (m[2] as string).replace(/\s*[a-zA-Z-:]+\s*=\s*"[^"]*"/g, '').trim();
    if (rest && rest !== '/') found.push(`stray ${rest}`);
  }
  return found;
};

describe('renderMarkdown', () => {
  it('renders the usual Markdown, with headings starting at h2', () => {
    const html = renderMarkdown(
      '# Title\n\nSome *emphasis*, **strong** and [a link](https://gz.gov.cn/).\n\n- one\n- two\n\n| a | b |\n|--:|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<em>emphasis</em>');
    expect(html).toContain('<a href="https://gz.gov.cn/">a link</a>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td style="text-align:right">1</td>');
    expect(problemsIn(html)).toEqual([]);
  });

  it('keeps Chinese text and site paths', () => {
    const html = renderMarkdown('广州创新生态圈。[统计](/zh/statistics)');
    expect(html).toBe('<p>广州创新生态圈。<a href="/zh/statistics">统计</a></p>\n');
  });

  it.each(XSS_CORPUS)('neutralises %s', (input) => {
    const html = renderMarkdown(input);
    expect(problemsIn(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg|<form|<style|<meta|<base|<link/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=\s*"/i);
  });

  it('keeps the text of a refused link, so nothing the editor wrote disappears', () => {
    expect(renderMarkdown('[click me](javascript:alert(1))')).toContain('click me');
    expect(renderMarkdown('<script>alert(1)</script>')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows same-site images with alt text, and turns others into links', () => {
    expect(renderMarkdown('![Map of the districts](/assets/map.png)')).toContain(
      '<img src="/assets/map.png" alt="Map of the districts" loading="lazy">',
    );
    expect(renderMarkdown('![](/assets/map.png)')).toBe(
      '<p><a href="/assets/map.png">/assets/map.png</a></p>\n',
    );
    expect(renderMarkdown('![Logo](https://evil.example/pixel.gif)')).toBe(
      '<p><a href="https://evil.example/pixel.gif">Logo</a></p>\n',
    );
  });
});

describe('markdownProblems', () => {
  it('names images without alt text, images from elsewhere and unsafe links', () => {
    expect(
      markdownProblems('![](/a.png) ![ok](https://x.example/b.png) [x](javascript:alert(1)) [y](/fine)'),
    ).toEqual([
      { kind: 'image-alt', target: '/a.png' },
      { kind: 'image-src', target: 'https://x.example/b.png' },
      { kind: 'link-unsafe', target: 'javascript:alert(1)' },
    ]);
  });

  it('finds nothing wrong in clean text', () => {
    expect(markdownProblems('Plain **text** with [a link](https://gz.gov.cn) and ![a map](/m.png).')).toEqual(
      [],
    );
  });
});

describe('markdownText', () => {
  it('gives the words without markup', () => {
    expect(markdownText('## Title\n\nSome *emphasis* & [a link](/x).')).toBe('Title Some emphasis & a link.');
  });
});
