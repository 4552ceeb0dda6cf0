import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { BASE_CSP_DIRECTIVES, browserHostCsp, parseCsp, rendererCsp } from '../../main/host/csp';

const LOOPBACK_SOCKETS = ['ws://127.0.0.1:*', 'ws://localhost:*'];

function metaPolicy(): Map<string, string[]> {
  const html = readFileSync('renderer/index.html', 'utf8');
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error('renderer/index.html has no CSP meta tag');
  return parseCsp(m[1]);
}

describe('renderer CSP', () => {
  it('index.html carries the same base policy as the shells send, plus loopback sockets only', () => {
    const meta = metaPolicy();
    const base = new Map(BASE_CSP_DIRECTIVES.map(([n, s]) => [n, [...s]]));
    expect([...meta.keys()].sort()).toEqual([...base.keys()].sort());
    for (const [name, sources] of base) {
      const expected = name === 'connect-src' ? [...sources, ...LOOPBACK_SOCKETS] : sources;
      expect(meta.get(name)?.slice().sort(), name).toEqual(expected.slice().sort());
    }
  });

  it('never allows inline or eval script, and forbids plugins and framing', () => {
    const policy = parseCsp(browserHostCsp(4321));
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4321', 'ws://localhost:4321']);
    expect(rendererCsp()).not.toMatch(/unsafe-(inline|eval)|\*/);
  });
});
