import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageCache } from './page-cache.ts';

const page = (html: string) => ({ parts: [Buffer.from(html)] });

afterEach(() => {
  vi.useRealTimers();
});

describe('createPageCache', () => {
  it('keeps a page until its time is up', () => {
    vi.useFakeTimers();
    const cache = createPageCache(10_000);
    cache.set('/en/', page('<p>a</p>'));
    vi.advanceTimersByTime(9_999);
    expect(cache.get('/en/')).toEqual(page('<p>a</p>'));
    vi.advanceTimersByTime(1);
    expect(cache.get('/en/')).toBeUndefined();
  });

  it('drops the oldest entries past its size, and clear() forgets everything', () => {
    const cache = createPageCache(60_000, 2);
    cache.set('a', page('1'));
    cache.set('b', page('2'));
    cache.set('c', page('3'));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toEqual(page('3'));
    expect(cache.size()).toBe(2);
    cache.clear();
    expect(cache.size()).toBe(0);
  });

  it('keeps nothing when disabled', () => {
    const cache = createPageCache(0);
    cache.set('a', page('1'));
    expect(cache.get('a')).toBeUndefined();
  });
});
