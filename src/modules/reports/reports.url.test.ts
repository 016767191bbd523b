import { describe, expect, it } from 'vitest';
import { cleanPagePath, isTokenLike, pageKeyOf } from './reports.url.ts';

describe('the address of a reported page', () => {
  it('keeps ordinary paths and queries as they are', () => {
    expect(cleanPagePath('/en/news/guangzhou-innovative-ecosphere-gaining-momentum')).toBe(
      '/en/news/guangzhou-innovative-ecosphere-gaining-momentum',
    );
    expect(cleanPagePath('/zh/')).toBe('/zh/');
    expect(cleanPagePath('/en')).toBe('/en');
    expect(cleanPagePath('/en/news?page=2&category=policy')).toBe('/en/news?page=2&category=policy');
    expect(cleanPagePath('/zh/search?q=%E5%B9%BF%E5%B7%9E')).toBe('/zh/search?q=%E5%B9%BF%E5%B7%9E');
    expect(cleanPagePath('/en/directory/gac-group#contact')).toBe('/en/directory/gac-group');
  });

  it('drops parameters named like secrets, and values that look like an e-mail address or a token', () => {
    expect(cleanPagePath(`/en/news?token=${'a1B2c3D4'.repeat(5)}&email=a@b.cn&q=x`)).toBe('/en/news?q=x');
    for (const name of [
      'token',
      'access_token',
      'apiKey',
      'key',
      'code',
      'session',
      'SESSIONID',
      'password',
      'client_secret',
      'email',
      'e-mail',
      'auth',
      'sig',
      'otp',
    ]) {
      expect(cleanPagePath(`/en/news?${name}=1&page=2`), name).toBe('/en/news?page=2');
    }
    expect(cleanPagePath('/en/search?q=li.lei%40example.org')).toBe('/en/search');
    expect(cleanPagePath('/en/search?q=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA')).toBe('/en/search');
    expect(cleanPagePath(`/en/search?ref=${'0123456789abcdef'.repeat(2)}`)).toBe('/en/search');
    expect(cleanPagePath('/en/search?q=guangzhou-innovative-ecosphere-2017')).toBe(
      '/en/search?q=guangzhou-innovative-ecosphere-2017',
    );
  });

  it('blanks path segments that look like an e-mail address or a token, keeping the rest', () => {
    expect(cleanPagePath(`/en/invitations/${'Qx7_kLm2'.repeat(5)}`)).toBe('/en/invitations/redacted');
    expect(cleanPagePath('/en/people/li.lei@example.org/profile')).toBe('/en/people/redacted/profile');
    expect(cleanPagePath('/en/people/li.lei%40example.org')).toBe('/en/people/redacted');
  });

  it('refuses anything that is not a path of this site', () => {
    for (const bad of [
      '',
      'en/news',
      'https://evil.example/en/news',
      '//evil.example/en/news',
      '/\\evil.example',
      'javascript:alert(1)',
      '/fr/news',
      '/english',
      '/api/v1/openapi.json',
      '/en/../etc/passwd',
      '/en/%2e%2e/admin',
      '/en/news\u0000',
      '/en/news\r\nSet-Cookie: x=1',
      `/en/${'a'.repeat(1200)}`,
    ]) {
      expect(cleanPagePath(bad), JSON.stringify(bad.slice(0, 40))).toBeUndefined();
    }
  });

  it('names the page without its query or trailing slash', () => {
    expect(pageKeyOf('/en/news?page=2')).toBe('/en/news');
    expect(pageKeyOf('/en/news/')).toBe('/en/news');
    expect(pageKeyOf('/en/')).toBe('/en');
  });

  it('tells tokens from words', () => {
    expect(isTokenLike('guangzhou')).toBe(false);
    expect(isTokenLike('2017')).toBe(false);
    expect(isTokenLike('innovation-ecosystem-report-2017-annual')).toBe(false);
    expect(isTokenLike('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig')).toBe(true);
    expect(isTokenLike('3f2b9c0e4a6d8b1f3f2b9c0e4a6d8b1f')).toBe(true);
  });
});
