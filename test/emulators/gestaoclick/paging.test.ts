import { afterEach, describe, expect, it } from 'vitest';
import { startGestaoClick, type GcHarness } from './test-kit';

let h: GcHarness;
afterEach(() => h?.emu.close());

const clientes = (n: number) => Array.from({ length: n }, (_, i) => ({ tipo_pessoa: 'ES', nome: `Cliente ${String(i + 1).padStart(3, '0')}` }));
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((r) => Number(r.id));

describe('pagina / limite paging', () => {
  it('pages 20 at a time by default with the clientes meta', async () => {
    h = await startGestaoClick({ seed: { clientes: clientes(45) } });
    const first = await h.call('GET', '/api/clientes');
    expect(first.body.data).toHaveLength(20);
    expect(first.body.meta).toEqual({
      total_registros: 45,
      total_da_pagina: 20,
      pagina_atual: 1,
      limite_por_pagina: 20,
      pagina_anterior: null,
      url_anterior: null,
      proxima_pagina: 2,
      proxima_url: '/api/clientes?pagina=2',
    });
    const last = await h.call('GET', '/api/clientes?pagina=3');
    expect(ids(last)).toEqual([41, 42, 43, 44, 45]);
    expect(last.body.meta).toMatchObject({ total_da_pagina: 5, pagina_anterior: 2, url_anterior: '/api/clientes?pagina=2', proxima_pagina: null, proxima_url: null });
  });

  it('follows proxima_url (keeping the filters) to the end, each record once', async () => {
    h = await startGestaoClick({ seed: { clientes: clientes(7) } });
    const seen: number[] = [];
    let url: string | null = '/api/clientes?limite=3&tipo_pessoa=ES';
    while (url) {
      const res = await h.call('GET', url);
      seen.push(...ids(res));
      url = res.body.meta.proxima_url;
      if (url) expect(url).toContain('tipo_pessoa=ES');
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('caps limite at 100 and ends exactly on a full last page', async () => {
    h = await startGestaoClick({ seed: { clientes: clientes(200) } });
    const big = await h.call('GET', '/api/clientes?limite=500');
    expect(big.body.data).toHaveLength(100);
    expect(big.body.meta).toMatchObject({ limite_por_pagina: 100, proxima_pagina: 2 });
    const second = await h.call('GET', '/api/clientes?limite=100&pagina=2');
    expect(second.body.meta).toMatchObject({ total_da_pagina: 100, proxima_pagina: null });
  });

  it('answers an empty page past the end and 400 for a bad pagina', async () => {
    h = await startGestaoClick({ seed: { clientes: clientes(3) } });
    const past = await h.call('GET', '/api/clientes?pagina=9');
    expect(past.status).toBe(200);
    expect(past.body.data).toEqual([]);
    expect(past.body.meta).toMatchObject({ total_registros: 3, total_da_pagina: 0, proxima_pagina: null });
    for (const bad of ['0', '-1', 'abc', '1.5']) {
      const res = await h.call('GET', `/api/clientes?pagina=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.status).toBe('error');
    }
  });

  it('sorts by ordenacao/direcao and rejects unknown fields and directions', async () => {
    h = await startGestaoClick({ seed: { clientes: clientes(3) } });
    const desc = await h.call('GET', '/api/clientes?ordenacao=nome&direcao=desc');
    expect(desc.body.data.map((c: { nome: string }) => c.nome)).toEqual(['Cliente 003', 'Cliente 002', 'Cliente 001']);
    expect((await h.call('GET', '/api/clientes?ordenacao=nope')).status).toBe(400);
    expect((await h.call('GET', '/api/clientes?ordenacao=nome&direcao=up')).status).toBe(400);
  });

  it('uses the produtos meta (total_paginas, total_registros_pagina) for produtos', async () => {
    const produtos = Array.from({ length: 3 }, (_, i) => ({ nome: `P${i}`, codigo_interno: `C${i}`, valor_custo: 1 }));
    h = await startGestaoClick({ seed: { produtos } });
    const res = await h.call('GET', '/api/produtos?limite=2');
    expect(res.body.meta).toEqual({
      total_registros: 3,
      total_paginas: 2,
      total_registros_pagina: 2,
      pagina_atual: 1,
      limite_por_pagina: 2,
      pagina_anterior: null,
      url_anterior: null,
      proxima_pagina: 2,
      proxima_url: '/api/produtos?limite=2&pagina=2',
    });
  });
});
