import { describe, expect, it } from 'vitest';
import { Router, json, parseBody } from './http';

const handler = () => json(200, {});

describe('Router', () => {
  it('matches params and an optional trailing slash, decoding segments', () => {
    const r = new Router().on('GET', '/crm/v3/objects/:type/:id', handler);
    const m = r.match('GET', '/crm/v3/objects/contacts/a%20b/');
    expect(m).toMatchObject({ params: { type: 'contacts', id: 'a b' } });
    expect(r.match('GET', '/crm/v3/objects/contacts')).toBeUndefined();
  });

  it('matches the rest of the path with *', () => {
    const r = new Router().on('GET', '/files/*', handler);
    expect(r.match('GET', '/files/a/b/c.txt')).toMatchObject({ params: { rest: 'a/b/c.txt' } });
  });

  it('tells a wrong method apart from an unknown path, and is case-insensitive on methods', () => {
    const r = new Router().on('post', '/things', handler);
    expect(r.match('GET', '/things')).toBe('method-not-allowed');
    expect(r.match('GET', '/other')).toBeUndefined();
    expect(r.match('POST', '/things')).not.toBe('method-not-allowed');
  });

  it('tries routes in order, so specific paths registered first win over params', () => {
    const search = () => json(200, 'search');
    const byId = () => json(200, 'id');
    const r = new Router().on('GET', '/persons/search', search).on('GET', '/persons/:id', byId);
    expect((r.match('GET', '/persons/search') as { handler: unknown }).handler).toBe(search);
    expect((r.match('GET', '/persons/7') as { handler: unknown }).handler).toBe(byId);
  });

  it('escapes regex characters in literal segments and survives malformed escapes', () => {
    const r = new Router().on('GET', '/a.b/:id', handler);
    expect(r.match('GET', '/axb/1')).toBeUndefined();
    expect(r.match('GET', '/a.b/%E0%A4%A')).toMatchObject({ params: { id: '%E0%A4%A' } });
  });
});

describe('parseBody', () => {
  it('parses JSON, form-encoded bodies, and leaves empty or broken bodies undefined', () => {
    expect(parseBody('{"a":1}', 'application/json')).toEqual({ a: 1 });
    expect(parseBody('a=1&b=x%20y', 'application/x-www-form-urlencoded; charset=utf-8')).toEqual({ a: '1', b: 'x y' });
    expect(parseBody('', 'application/json')).toBeUndefined();
    expect(parseBody('{nope', 'application/json')).toBeUndefined();
  });
});
