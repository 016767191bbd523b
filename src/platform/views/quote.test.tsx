import { describe, expect, it } from 'vitest';
import { Quote } from './quote.tsx';

describe('Quote', () => {
  it('quotes each line as an escaped paragraph, with the class and language only when given', () => {
    expect(String(<Quote text={'first\n<b>second</b>'} />)).toBe(
      '<blockquote><p>first</p><p>&lt;b&gt;second&lt;/b&gt;</p></blockquote>',
    );
    expect(String(<Quote text="留言" class="message" lang="zh-CN" />)).toBe(
      '<blockquote class="message" lang="zh-CN"><p>留言</p></blockquote>',
    );
  });
});
