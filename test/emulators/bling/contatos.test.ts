import { afterEach, describe, expect, it } from 'vitest';
import { CNPJ, CPF, createContato, startBling, TOKEN, type BlingHarness } from './test-kit';

let h: BlingHarness;
afterEach(() => h?.emu.close());

const ada = {
  nome: 'Ada Lovelace',
  tipo: 'F',
  numeroDocumento: '79272748054',
  email: 'ada@example.com',
  celular: '(11) 99999-0001',
  endereco: { geral: { endereco: 'Rua A', numero: '10', cep: '01001-000', bairro: 'Sé', municipio: 'São Paulo', uf: 'SP' } },
  tiposContato: [{ id: 14573501 }],
};

describe('API auth', () => {
  it('answers invalid_token 401 for a missing or unknown token, and invalid_request 400 for a malformed header', async () => {
    h = await startBling();
    const missing = await h.raw('/Api/v3/contatos');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error: { type: 'invalid_token', message: 'invalid_token', description: 'The access token provided is invalid' } });
    expect((await h.raw('/Api/v3/contatos', { headers: { authorization: `Bearer ${'0'.repeat(40)}` } })).status).toBe(401);
    const malformed = await h.raw('/Api/v3/contatos', { headers: { authorization: TOKEN } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.type).toBe('invalid_request');
  });

  it('authenticates unknown API paths before answering RESOURCE_NOT_FOUND', async () => {
    h = await startBling();
    expect((await h.raw('/Api/v3/nada')).status).toBe(401);
    const res = await h.call('GET', '/nada');
    expect(res.status).toBe(404);
    expect(res.body.error.type).toBe('RESOURCE_NOT_FOUND');
  });
});

describe('contatos', () => {
  it('creates with 201 and the id only; ids exceed 32 bits', async () => {
    h = await startBling();
    const res = await h.call('POST', '/contatos', ada);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { id: 17_000_000_001 } });
    expect(res.body.data.id).toBeGreaterThan(2 ** 32);
  });

  it('reads the whole contact by id and lists only the summary fields', async () => {
    h = await startBling();
    const id = await createContato(h, ada);
    const full = (await h.call('GET', `/contatos/${id}`)).body.data;
    expect(full).toMatchObject({
      id,
      nome: 'Ada Lovelace',
      tipo: 'F',
      situacao: 'A',
      numeroDocumento: CPF.ada,
      indicadorIe: 9,
      email: 'ada@example.com',
      endereco: { geral: { municipio: 'São Paulo', uf: 'SP', complemento: '' }, cobranca: { endereco: '' } },
      vendedor: { id: 0 },
      dadosAdicionais: { dataNascimento: '', sexo: '' },
      tiposContato: [{ id: 14573501, descricao: 'Cliente' }],
    });
    expect(full).not.toHaveProperty('incluidoEm');
    const list = (await h.call('GET', '/contatos')).body.data;
    expect(list).toEqual([{ id, nome: 'Ada Lovelace', codigo: '', situacao: 'A', numeroDocumento: CPF.ada, telefone: '', celular: '(11) 99999-0001' }]);
    expect((await h.call('GET', `/contatos/${id}/tipos`)).body.data).toEqual([{ id: 14573501, descricao: 'Cliente' }]);
    expect((await h.call('GET', '/contatos/tipos')).body.data.map((t: { descricao: string }) => t.descricao)).toContain('Fornecedor');
  });

  it('answers validation errors in Bling shape, naming every field', async () => {
    h = await startBling();
    const empty = await h.call('POST', '/contatos', {});
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ error: { type: 'MISSING_REQUIRED_FIELD_ERROR', message: 'Não foi possível executar a operação', description: 'Nenhum dado foi informado na requisição.' } });
    const bad = await h.call('POST', '/contatos', { email: 'x@example.com', tipo: 'X', numeroDocumento: '123', endereco: { geral: { uf: 'São Paulo' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ type: 'VALIDATION_ERROR', message: 'Não foi possível salvar o contato', description: expect.any(String) });
    expect(bad.body.error.fields.map((f: { element: string }) => f.element).sort()).toEqual(['endereco.geral.uf', 'nome', 'numeroDocumento', 'tipo']);
    expect(bad.body.error.fields[0]).toEqual({ code: expect.any(Number), msg: expect.any(String), element: expect.any(String), namespace: 'CONTATOS', collection: [] });
    const cpf = await h.call('POST', '/contatos', { nome: 'X', tipo: 'F', numeroDocumento: '111.111.111-11' });
    expect(cpf.body.error.fields).toMatchObject([{ element: 'numeroDocumento' }]);
    const cnpj = await h.call('POST', '/contatos', { nome: 'Acme', tipo: 'J', numeroDocumento: '36058120000197' });
    expect(cnpj.status).toBe(201);
    expect((await h.call('GET', `/contatos/${cnpj.body.data.id}`)).body.data.numeroDocumento).toBe(CNPJ.acme);
    expect((await h.call('POST', '/contatos', { nome: 'X', tiposContato: [{ id: 1 }] })).body.error.fields[0].element).toBe('tiposContato[0].id');
  });

  it('replaces the whole contact on PUT (204): fields left out go blank, situação stays', async () => {
    h = await startBling();
    const id = await createContato(h, { ...ada, situacao: 'I' });
    const res = await h.call('PUT', `/contatos/${id}`, { nome: 'Ada King', tipo: 'F' });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const after = (await h.call('GET', `/contatos/${id}`)).body.data;
    expect(after).toMatchObject({ nome: 'Ada King', email: '', numeroDocumento: '', situacao: 'I', tiposContato: [] });
    expect((await h.call('PUT', '/contatos/123', { nome: 'X' })).status).toBe(404);
  });

  it('soft-deletes to situação E (still readable, listed with criterio=2); a second delete removes it', async () => {
    h = await startBling();
    const id = await createContato(h, ada);
    const other = await createContato(h, { nome: 'Grace Hopper', numeroDocumento: CPF.grace });
    expect((await h.call('DELETE', `/contatos/${id}`)).status).toBe(204);
    expect((await h.call('GET', `/contatos/${id}`)).body.data.situacao).toBe('E');
    const ids = async (q: string) => (await h.call('GET', `/contatos${q}`)).body.data.map((c: { id: number }) => c.id);
    expect(await ids('')).toEqual([other]);
    expect(await ids('?criterio=2')).toEqual([id]);
    expect((await h.call('DELETE', `/contatos/${id}`)).status).toBe(204);
    expect((await h.call('GET', `/contatos/${id}`)).status).toBe(404);
    expect((await h.call('GET', '/contatos?criterio=9')).status).toBe(400);
  });

  it('deletes many by idsContatos[] (204, or 200 with alertas for ids not found) and changes situação by PATCH', async () => {
    h = await startBling();
    const a = await createContato(h, ada);
    const b = await createContato(h, { nome: 'Grace' });
    expect((await h.call('DELETE', `/contatos?idsContatos[]=${a}&idsContatos[]=${b}`)).status).toBe(204);
    expect((await h.records('contatos')).map((c) => c.situacao)).toEqual(['E', 'E']);
    const partial = await h.call('DELETE', `/contatos?idsContatos[]=${a}&idsContatos[]=999`);
    expect(partial.status).toBe(200);
    expect(partial.body.data.alertas[0].collection).toMatchObject([{ index: 1, element: 'idsContatos' }]);
    expect((await h.call('PATCH', `/contatos/${b}/situacoes`, { situacao: 'A' })).status).toBe(204);
    expect((await h.call('GET', `/contatos/${b}`)).body.data.situacao).toBe('A');
    expect((await h.call('PATCH', `/contatos/${b}/situacoes`, { situacao: 'Z' })).status).toBe(400);
  });

  it('filters by pesquisa, numeroDocumento, tipoPessoa, telefone, uf, idTipoContato and idsContatos[]', async () => {
    h = await startBling();
    const a = await createContato(h, ada);
    const g = await createContato(h, { nome: 'Grace Hopper', fantasia: 'Amazing Grace', numeroDocumento: CPF.grace, telefone: '(21) 3333-4444' });
    const j = await createContato(h, { nome: 'Acme Eventos', tipo: 'J', numeroDocumento: CNPJ.acme, email: 'compras@acme.example' });
    const ids = async (q: string) => (await h.call('GET', `/contatos?${q}`)).body.data.map((c: { id: number }) => c.id);
    expect(await ids('pesquisa=amazing')).toEqual([g]);
    expect(await ids('pesquisa=ACME.example')).toEqual([j]);
    expect(await ids('pesquisa=79272748054')).toEqual([a]);
    expect(await ids(`numeroDocumento=${encodeURIComponent(CPF.grace)}`)).toEqual([g]);
    expect(await ids('numeroDocumento=36058120000197')).toEqual([j]);
    expect(await ids('tipoPessoa=2')).toEqual([j]);
    expect(await ids('tipoPessoa=1')).toEqual([a, g]);
    expect(await ids('telefone=33334444')).toEqual([g]);
    expect(await ids('uf=sp')).toEqual([a]);
    expect(await ids('idTipoContato=14573501')).toEqual([a]);
    expect(await ids(`idsContatos[]=${a}&idsContatos[]=${j}`)).toEqual([a, j]);
    expect(await ids('criterio=3')).toEqual([j, g, a]);
    expect((await h.call('GET', '/contatos?tipoPessoa=F')).status).toBe(400);
  });
});
