import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createBlingBackend } from './backend';
import { startBling, type BlingHarness } from './test-kit';

let h: BlingHarness | undefined;
afterEach(() => h?.emu.close());

const example = JSON.parse(readFileSync(new URL('./seed.example.json', import.meta.url), 'utf8'));

describe('seed file', () => {
  it('loads the example: settings, records with their ids and times, links resolved', async () => {
    h = await startBling({ seed: example });
    const pedido = (await h.call('GET', '/pedidos/vendas/17520000001')).body.data;
    expect(pedido).toMatchObject({ numero: 1001, total: 240, contato: { nome: 'Ana Beatriz Souza', numeroDocumento: '792.727.480-54' }, situacao: { id: 9, valor: 1 } });
    expect((await h.call('GET', '/contatos')).body.data.map((c: { id: number }) => c.id)).toEqual([16842381880, 16842381881]);
    expect((await h.call('GET', '/contatos?dataAlteracaoInicial=2026-02-01 18:30:00')).body.data).toHaveLength(2);
    expect((await h.call('GET', '/contatos?dataAlteracaoFinal=2026-02-01 18:29:59')).body.data).toHaveLength(0);
    expect((await h.call('POST', '/contatos', { nome: 'Next' })).body.data.id).toBe(17_000_000_001);
  });

  it('registers the seed apps: other client ids are refused', async () => {
    h = await startBling({ seed: example });
    expect((await h.raw('/Api/v3/oauth/authorize?response_type=code&client_id=ticket-crm-sync&state=s')).status).toBe(200);
    expect((await h.raw('/Api/v3/oauth/authorize?response_type=code&client_id=other&state=s')).status).toBe(400);
  });

  it('lists every stored record at /__admin/records with the emulator times, and empties them on reset', async () => {
    h = await startBling({ seed: example });
    const contatos = await h.records('contatos');
    expect(contatos).toHaveLength(3);
    expect(contatos[0]).toMatchObject({ id: 16842381880, situacao: 'A', dataInclusao: '2026-01-10 10:00:00', dataAlteracao: '2026-02-01 18:30:00' });
    expect(contatos[2].situacao).toBe('E');
    expect((await h.records('pedidos'))[0]).toMatchObject({ numeroLoja: 'TCS-1001', itens: [{ descricao: 'Ingresso Pista' }] });
    await fetch(`${h.emu.url}/__admin/reset`, { method: 'POST' });
    expect(await h.records('contatos')).toEqual([]);
    expect(await h.records('pedidos')).toEqual([]);
    expect((await h.call('GET', '/situacoes/modulos/98310')).body.data).toHaveLength(4);
  });

  it('rejects malformed seeds with a message naming the problem', () => {
    expect(() => createBlingBackend({ seed: { colour: 'blue' } })).toThrow(/invalid Bling seed/);
    expect(() => createBlingBackend({ seed: { contatos: [{ email: 'x@example.com' }] } })).toThrow(/contatos\[0\]: nome/);
    expect(() => createBlingBackend({ seed: { contatos: [{ nome: 'X', tipo: 'F', numeroDocumento: '123' }] } })).toThrow(/numeroDocumento/);
    expect(() => createBlingBackend({ seed: { pedidos: [{ data: '2026-01-01', contato: { id: 5 } }] } })).toThrow(/pedidos\[0\]: contato.id/);
    expect(() => createBlingBackend({ seed: { contatos: [{ nome: 'X', dataAlteracao: 'yesterday' }] } })).toThrow(/dataAlteracao/);
  });
});
