import { afterEach, describe, expect, it } from 'vitest';
import { startBling, type BlingHarness } from './test-kit';

let h: BlingHarness;
afterEach(() => h?.emu.close());

const ids = async (path: string) => (await h.call('GET', path)).body.data.map((r: { id: number }) => r.id);

describe('incremental change listing (dataAlteracaoInicial / dataAlteracaoFinal)', () => {
  it('lists contacts changed in a window, in Brasília time, both ends inclusive', async () => {
    h = await startBling({
      seed: {
        contatos: [
          { id: 1, nome: 'Old', dataInclusao: '2026-01-05 09:00:00' },
          { id: 2, nome: 'Edited', dataInclusao: '2026-01-05 09:00:00', dataAlteracao: '2026-02-10 14:30:00' },
          { id: 3, nome: 'New', dataInclusao: '2026-02-11 00:00:00' },
        ],
      },
    });
    expect(await ids('/contatos?dataAlteracaoInicial=2026-02-10 14:30:00')).toEqual([2, 3]);
    expect(await ids('/contatos?dataAlteracaoInicial=2026-02-10 14:30:01')).toEqual([3]);
    expect(await ids('/contatos?dataAlteracaoInicial=2026-02-01&dataAlteracaoFinal=2026-02-10')).toEqual([2]);
    expect(await ids('/contatos?dataInclusaoInicial=2026-02-11')).toEqual([3]);
  });

  it('stamps creates, PUTs, situação changes and deletes with the time of the change', async () => {
    h = await startBling();
    h.clock.t = Date.parse('2026-03-02T12:00:00Z'); // 09:00 in Brasília
    const id = (await h.call('POST', '/contatos', { nome: 'Ada' })).body.data.id;
    const contato = (await h.call('POST', '/contatos', { nome: 'Grace' })).body.data.id;
    const pedido = (await h.call('POST', '/pedidos/vendas', { data: '2026-03-02', contato: { id: contato } })).body.data.id;
    h.clock.advance(3600_000);
    const since = '2026-03-02 09:30:00';
    expect(await ids(`/contatos?dataAlteracaoInicial=${since}`)).toEqual([]);
    await h.call('PUT', `/contatos/${id}`, { nome: 'Ada King' });
    await h.call('PATCH', `/pedidos/vendas/${pedido}/situacoes/9`);
    expect(await ids(`/contatos?dataAlteracaoInicial=${since}`)).toEqual([id]);
    expect(await ids(`/pedidos/vendas?dataAlteracaoInicial=${since}`)).toEqual([pedido]);
    const records = await h.records('contatos');
    expect(records.find((r) => r.id === id)).toMatchObject({ dataInclusao: '2026-03-02 09:00:00', dataAlteracao: '2026-03-02 10:00:00' });
    await h.call('DELETE', `/contatos/${contato}`);
    expect(await ids(`/contatos?criterio=2&dataAlteracaoInicial=${since}`)).toEqual([contato]);
  });

  it('refuses periods over one year and malformed bounds', async () => {
    h = await startBling();
    const long = await h.call('GET', '/contatos?dataAlteracaoInicial=2025-01-01&dataAlteracaoFinal=2026-01-02');
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ type: 'VALIDATION_ERROR', description: 'O período informado não pode ser superior a um ano.' });
    expect((await h.call('GET', '/contatos?dataAlteracaoInicial=2025-01-01&dataAlteracaoFinal=2026-01-01')).status).toBe(200);
    expect((await h.call('GET', '/contatos?dataAlteracaoInicial=2025-01-01 00:00:00&dataAlteracaoFinal=2026-01-01 00:00:00')).status).toBe(200);
    expect((await h.call('GET', '/contatos?dataAlteracaoInicial=02/03/2026')).status).toBe(400);
  });
});
