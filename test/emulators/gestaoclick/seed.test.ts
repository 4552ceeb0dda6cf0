import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createGestaoClickBackend } from './backend';
import { startGestaoClick, type GcHarness } from './test-kit';

let h: GcHarness | undefined;
afterEach(() => h?.emu.close());

const example = JSON.parse(readFileSync(new URL('./seed.example.json', import.meta.url), 'utf8'));

describe('seed file', () => {
  it('loads the example: settings, records with their ids, links resolved', async () => {
    h = await startGestaoClick({ seed: example });
    const venda = (await h.call('GET', '/api/vendas/505')).body.data;
    expect(venda).toMatchObject({ codigo: '795', nome_cliente: 'Ana Beatriz Souza', nome_situacao: 'Confirmado', nome_loja: 'Bilheteria Central', valor_total: '240.00' });
    expect(venda.pagamentos[0].pagamento.nome_forma_pagamento).toBe('PIX');
    expect((await h.call('GET', '/api/clientes/9')).body.data.cnpj).toBe('36.058.120/0001-97');
    expect((await h.call('GET', '/api/situacoes_vendas')).body.data.map((s: { nome: string }) => s.nome)).toEqual(['Em aberto', 'Confirmado', 'Cancelado']);
    const created = await h.call('POST', '/api/clientes', { tipo_pessoa: 'ES', nome: 'Next' });
    expect(created.body.data.id).toBe('10');
  });

  it('empties the records on /__admin/reset and keeps the settings', async () => {
    h = await startGestaoClick({ seed: example });
    await fetch(`${h.emu.url}/__admin/reset`, { method: 'POST' });
    expect(await h.records('clientes')).toEqual([]);
    expect(await h.records('vendas')).toEqual([]);
    expect((await h.call('GET', '/api/situacoes_vendas')).body.data).toHaveLength(3);
  });

  it('lists every stored record with all fields at /__admin/records', async () => {
    h = await startGestaoClick({ seed: example });
    const clientes = await h.records('clientes');
    expect(clientes.map((c) => c.id)).toEqual(['8', '9']);
    expect(clientes[0]).toMatchObject({ cpf: '792.727.480-54', cadastrado_em: '2026-03-02 12:00:00' });
    expect((await h.records('vendas'))[0]).toMatchObject({ id: '505', tipo: 'produto' });
    expect((await fetch(`${h.emu.url}/__admin/records/nope`)).status).toBe(404);
  });

  it('rejects malformed seeds with a message naming the problem', () => {
    expect(() => createGestaoClickBackend({ seed: { colour: 'blue' } })).toThrow(/invalid GestãoClick seed/);
    expect(() => createGestaoClickBackend({ seed: { clientes: [{ nome: 'X' }] } })).toThrow(/clientes\[0\]: tipo_pessoa/);
    expect(() => createGestaoClickBackend({ seed: { clientes: [{ tipo_pessoa: 'PF', nome: 'X', cpf: '123' }] } })).toThrow(/cpf/);
    expect(() => createGestaoClickBackend({ seed: { vendas: [{ cliente_id: 1, situacao_id: 3150, data: '2026-01-01' }] } })).toThrow(/vendas\[0\]: cliente_id/);
  });
});
