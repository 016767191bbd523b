/**
 * The shared corpus of hostile input: every form, JSON body and query parameter is run through it, and
 * must answer 2xx or 4xx with nothing stored — never 500. Strings only: callers put them where they fit
 * (query, form field, JSON value); `FUZZ_JSON_VALUES` adds wrong types for JSON bodies.
 */
export const FUZZ_STRINGS: readonly (readonly [name: string, value: string])[] = [
  ['empty', ''],
  ['spaces', '   '],
  ['1 MB', 'a'.repeat(1024 * 1024)],
  ['64 KB of CJK', '深圳专利'.repeat(16 * 1024)],
  ['NUL byte', 'a\u0000b'],
  ['control characters', '\u0001\u0002\u001b[31m\u007f'],
  ['lone surrogate', 'x\ud800y'],
  ['replacement character', '\ufffd\ufffd'],
  ['right-to-left override', 'abc\u202Egpj.exe'],
  ['zero-width joiner', 'a\u200Db\u200Bc\ufeff'],
  ['HTML', '<b>bold</b><img src=x onerror=alert(1)>'],
  ['script', '<script>alert(document.cookie)</script>'],
  ['attribute break', '" onmouseover="alert(1)'],
  ['javascript URL', 'javascript:alert(1)'],
  ['SQL quote', "' OR '1'='1"],
  ['SQL comment', "'; DROP TABLE cms_news_article; --"],
  ['LIKE wildcards', '%_%\\'],
  ['path traversal', '../../../../etc/passwd'],
  ['percent-encoded', '%2e%2e%2f%00'],
  ['CRLF injection', 'a\r\nSet-Cookie: x=1'],
  ['emoji', '👩🏽‍🔬🚀🇨🇳'],
  ['CJK', '广州创新生态圈'],
  ['mixed scripts', 'GAC 广汽 Ａｕｔｏ'],
  ['negative number', '-1'],
  ['huge number', '99999999999999999999999999'],
  ['float', '1.5e308'],
  ['NaN', 'NaN'],
  ['boolean', 'true'],
  ['null text', 'null'],
  ['JSON object text', '{"$gt":""}'],
  ['array syntax', 'a[]=1&a[]=2'],
  ['format string', '%s%s%s%n'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection probe, on purpose
  ['template', '${7*7}{{7*7}}'],
];

/** Values of the wrong type for JSON bodies. */
export const FUZZ_JSON_VALUES: readonly (readonly [name: string, value: unknown])[] = [
  ...FUZZ_STRINGS.filter(([name]) => name !== '1 MB').map(([n, v]) => [n, v] as const),
  ['null', null],
  ['number', 42],
  ['negative', -1],
  ['huge', 1e308],
  ['boolean', false],
  ['array', ['a', 'b']],
  ['object', { nested: { deep: true } }],
];
