import { afterEach, describe, expect, it } from 'vitest';
import { startBling, type BlingHarness } from './test-kit';

let h: BlingHarness;
afterEach(() => h?.emu.close());

const contatos = (n: number) => Array.from({ length: n }, (_, i) => ({ nome: `Contato ${String(i + 1).padStart(3, '0')}` }));
const names = (res: { body: { data: { nome: string }[] } }) => res.body.data.map((c) => c.nome);

describe('pagina / limite paging', () => {
  it('answers data only, 100 per page by default; clients stop on a short or empty page', async () => {
    h = await startBling({ seed: { contatos: contatos(150) } });
    const first = await h.call('GET', '/contatos');
    expect(Object.keys(first.body)).toEqual(['data']);
    expect(first.body.data).toHaveLength(100);
    const second = await h.call('GET', '/contatos?pagina=2');
    expect(second.body.data).toHaveLength(50);
    expect(names(second)[0]).toBe('Contato 101');
    expect((await h.call('GET', '/contatos?pagina=3')).body.data).toEqual([]);
  });

  it('walks small pages to the end, each record once, ending on an empty page after a full one', async () => {
    h = await startBling({ seed: { contatos: contatos(6) } });
    const seen: string[] = [];
    for (let pagina = 1; ; pagina++) {
      const res = await h.call('GET', `/contatos?pagina=${pagina}&limite=3`);
      if (!res.body.data.length) break;
      seen.push(...names(res));
    }
    expect(seen).toEqual(contatos(6).map((c) => c.nome));
  });

  it('caps limite at 100 and refuses a non-positive pagina or limite', async () => {
    h = await startBling({ seed: { contatos: contatos(120) } });
    expect((await h.call('GET', '/contatos?limite=500')).body.data).toHaveLength(100);
    for (const q of ['pagina=0', 'limite=0', 'pagina=abc', 'limite=-5']) {
      const res = await h.call('GET', `/contatos?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.type).toBe('VALIDATION_ERROR');
    }
  });
});
