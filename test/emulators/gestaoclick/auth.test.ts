import { afterEach, describe, expect, it } from 'vitest';
import { createGestaoClickBackend } from './backend';
import { SECRET, startGestaoClick, TOKEN, type GcHarness } from './test-kit';

let h: GcHarness;
afterEach(() => h?.emu.close());

const denied = { code: 401, status: 'error', data: { mensagem: 'Acesso negado: access-token e secret-access-token inválidos.' } };

describe('token auth', () => {
  it('answers with both headers right, under /api/<resource> and /<resource>', async () => {
    h = await startGestaoClick();
    for (const path of ['/api/clientes', '/clientes']) {
      const res = await h.call('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.body).toMatchObject({ code: 200, status: 'success', data: [] });
    }
  });

  it('answers 401 when a header is missing or wrong', async () => {
    h = await startGestaoClick();
    const cases: Record<string, string>[] = [
      {},
      { 'access-token': TOKEN },
      { 'secret-access-token': SECRET },
      { 'access-token': TOKEN, 'secret-access-token': 'x'.repeat(40) },
      { 'access-token': SECRET, 'secret-access-token': TOKEN },
    ];
    for (const headers of cases) {
      const res = await h.raw('GET', '/api/clientes', headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body).toEqual(denied);
    }
  });

  it('authenticates unknown paths before answering 404 in the same envelope', async () => {
    h = await startGestaoClick();
    expect((await h.raw('GET', '/api/nada')).status).toBe(401);
    const res = await h.call('GET', '/api/nada');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 404, status: 'error' });
  });

  it('accepts no pair when started without tokens, and refuses half a pair', async () => {
    h = await startGestaoClick({ token: undefined, secret: undefined });
    expect((await h.call('GET', '/api/clientes')).status).toBe(401);
    expect(() => createGestaoClickBackend({ token: TOKEN })).toThrow(/--secret/);
  });
});
