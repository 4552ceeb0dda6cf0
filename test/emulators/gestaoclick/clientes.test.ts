import { afterEach, describe, expect, it } from 'vitest';
import { CNPJ, CPF, startGestaoClick, type GcHarness } from './test-kit';

let h: GcHarness;
afterEach(() => h?.emu.close());

const ada = {
  tipo_pessoa: 'PF',
  nome: 'Ada Lovelace',
  cpf: '79272748054',
  email: 'ada@example.com',
  telefone: '(11) 3522-8899',
  contatos: [{ contato: { nome: 'Byron', contato: 'byron@example.com', cargo: 'Pai', observacao: '' } }],
  enderecos: [{ endereco: { cep: '31260-210', logradouro: 'Rua Cassiano Campolina', numero: '10', bairro: 'Dona Clara', cidade_id: '1411', nome_cidade: 'Belo Horizonte', estado: 'MG' } }],
};

describe('clientes', () => {
  it('creates with 200 and answers the full record: string id, formatted CPF, wrapped lists', async () => {
    h = await startGestaoClick();
    const res = await h.call('POST', '/api/clientes', ada);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 200, status: 'success' });
    expect(res.body.data).toMatchObject({
      id: '1',
      tipo_pessoa: 'PF',
      nome: 'Ada Lovelace',
      cpf: CPF.ada,
      cnpj: null,
      razao_social: null,
      ativo: '1',
      contatos: [{ contato: { nome: 'Byron', contato: 'byron@example.com', cargo: 'Pai', observacao: '' } }],
      enderecos: [{ endereco: { cep: '31260-210', estado: 'MG', complemento: null } }],
    });
    expect(res.body.data.contatos[0].contato).not.toHaveProperty('tipo_id');
    expect((await h.call('GET', '/clientes/1')).body.data).toEqual(res.body.data);
  });

  it('requires tipo_pessoa (PF, PJ or ES) and nome, naming each missing field', async () => {
    h = await startGestaoClick();
    const res = await h.call('POST', '/api/clientes', { email: 'x@example.com' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 400,
      status: 'error',
      data: { mensagem: expect.any(String), erros: { tipo_pessoa: 'O campo tipo_pessoa é obrigatório.', nome: 'O campo nome é obrigatório.' } },
    });
    expect((await h.call('POST', '/api/clientes', { tipo_pessoa: 'PX', nome: 'X' })).body.data.erros).toHaveProperty('tipo_pessoa');
    expect((await h.call('POST', '/api/clientes', { tipo_pessoa: 'PF', nome: '  ' })).body.data.erros).toHaveProperty('nome');
    expect((await h.call('POST', '/api/clientes', [1, 2])).status).toBe(400);
    expect(await h.records('clientes')).toEqual([]);
  });

  it('checks CPF and CNPJ check digits and keeps only the document of the person type', async () => {
    h = await startGestaoClick();
    expect((await h.call('POST', '/api/clientes', { tipo_pessoa: 'PF', nome: 'X', cpf: '111.111.111-11' })).body.data.erros).toHaveProperty('cpf');
    expect((await h.call('POST', '/api/clientes', { tipo_pessoa: 'PF', nome: 'X', cpf: '792.727.480-55' })).status).toBe(400);
    expect((await h.call('POST', '/api/clientes', { tipo_pessoa: 'PJ', nome: 'X', cnpj: '36.058.120/0001-98' })).body.data.erros).toHaveProperty('cnpj');
    const pj = await h.call('POST', '/api/clientes', { tipo_pessoa: 'PJ', nome: 'Acme', razao_social: 'Acme Ltda', cnpj: '36058120000197', cpf: CPF.ada });
    expect(pj.body.data).toMatchObject({ cnpj: CNPJ.acme, cpf: null, razao_social: 'Acme Ltda' });
    const es = await h.call('POST', '/api/clientes', { tipo_pessoa: 'ES', nome: 'Foreigner', cpf: CPF.ada });
    expect(es.body.data).toMatchObject({ cpf: null, cnpj: null });
    const blank = await h.call('POST', '/api/clientes', { tipo_pessoa: 'PF', nome: 'No doc', cpf: '' });
    expect(blank.body.data.cpf).toBeNull();
  });

  it('edits with PUT (tipo_pessoa and nome required): fields left out stay, lists sent replace', async () => {
    h = await startGestaoClick({ seed: { clientes: [ada] } });
    expect((await h.call('PUT', '/api/clientes/1', { email: 'new@example.com' })).status).toBe(400);
    const res = await h.call('PUT', '/api/clientes/1', { tipo_pessoa: 'PF', nome: 'Ada King', enderecos: [], ativo: 0 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ nome: 'Ada King', email: 'ada@example.com', cpf: CPF.ada, enderecos: [], ativo: '0' });
    expect(res.body.data.contatos).toHaveLength(1);
    const switched = await h.call('PUT', '/api/clientes/1', { tipo_pessoa: 'PJ', nome: 'Ada Ltd', cnpj: CNPJ.other });
    expect(switched.body.data).toMatchObject({ cpf: null, cnpj: CNPJ.other });
  });

  it('deletes for good with a message, then answers 404', async () => {
    h = await startGestaoClick({ seed: { clientes: [ada] } });
    const res = await h.call('DELETE', '/api/clientes/1');
    expect(res.body).toEqual({ code: 200, status: 'success', data: 'Cliente excluido com sucesso' });
    const gone = await h.call('GET', '/api/clientes/1');
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 404, status: 'error' });
    expect((await h.call('DELETE', '/api/clientes/1')).status).toBe(404);
    expect((await h.call('GET', '/api/clientes/abc')).status).toBe(404);
    expect(await h.records('clientes')).toEqual([]);
  });

  it('filters by tipo_pessoa, nome, cpf_cnpj, telefone, email, situacao and estado', async () => {
    const seed = [
      ada,
      { tipo_pessoa: 'PF', nome: 'João Carlos', cpf: CPF.grace, email: 'joao@example.com', celular: '(96) 9 9194-9455', ativo: '0' },
      { tipo_pessoa: 'PJ', nome: 'Acme', cnpj: CNPJ.acme, enderecos: [{ endereco: { estado: 'SP' } }] },
    ];
    h = await startGestaoClick({ seed: { clientes: seed } });
    const names = async (q: string) => (await h.call('GET', `/api/clientes?${q}`)).body.data.map((c: { nome: string }) => c.nome);
    expect(await names('tipo_pessoa=PJ')).toEqual(['Acme']);
    expect(await names('nome=joao')).toEqual(['João Carlos']);
    expect(await names(`cpf_cnpj=${CPF.ada}`)).toEqual(['Ada Lovelace']);
    expect(await names('cpf_cnpj=36058120000197')).toEqual(['Acme']);
    expect(await names('telefone=991949455')).toEqual(['João Carlos']);
    expect(await names('email=ADA@')).toEqual(['Ada Lovelace']);
    expect(await names('situacao=0')).toEqual(['João Carlos']);
    expect(await names('situacao=1')).toEqual(['Ada Lovelace', 'Acme']);
    expect(await names('estado=mg')).toEqual(['Ada Lovelace']);
    expect(await names('cidade_id=1411')).toEqual(['Ada Lovelace']);
  });
});
