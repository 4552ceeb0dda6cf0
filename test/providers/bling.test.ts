import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { RateLimitError, ValidationError } from '../../main/providers/errors';
import { mapBlingError } from '../../main/providers/bling/errors';
import { currentWindow, decodeWindow, formatBling, parseBling } from '../../main/providers/bling/change-windows';
import type { Provider, RateInfo, WriteResult } from '../../main/providers/provider';
import { startEmulator, type Emulator } from '../emulators/index';
import { makeApp, stats, type TestApp } from '../connections/helpers';

const TOKEN = '7f3e9a1c5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const idOf = (r: WriteResult) => (r.ok ? r.id : `failed: ${r.error.message}`);

describe('Bling change windows', () => {
  it('ends a window a moment before the server clock, and cuts a long gap into windows under a year', () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0);
    expect(currentWindow({}, now)).toEqual({ until: '2026-11-25 08:59:58', page: 1, more: false });
    expect(currentWindow({ since: '2026-11-25 08:00:00' }, now)).toMatchObject({ since: '2026-11-25 08:00:00', until: '2026-11-25 08:59:58', more: false });
    const long = currentWindow({ since: '2024-06-01 00:00:00' }, now);
    expect(parseBling(long.until)! - parseBling('2024-06-01 00:00:00')!).toBe(360 * 86_400_000);
    expect(long.more).toBe(true);
    expect(currentWindow({ since: '2026-01-01 00:00:00', until: '2026-01-02 00:00:00', page: 4 }, now)).toMatchObject({ page: 4, more: true });
    expect(decodeWindow('not a cursor')).toEqual({});
    expect(decodeWindow('2026-01-01 10:00:00')).toEqual({ since: '2026-01-01 10:00:00' });
    expect(formatBling(Date.UTC(2026, 0, 1, 3, 0, 0))).toBe('2026-01-01 00:00:00');
  });

  it('waits for midnight in Brasília after the daily allowance, a second after the per-second one', () => {
    const body = (period: string) => ({ error: { type: 'TOO_MANY_REQUESTS', message: 'Limite de requisições atingido.', limit: 3, period } });
    const daily = mapBlingError({ status: 429, headers: {}, body: body('day') }) as RateLimitError;
    const second = mapBlingError({ status: 429, headers: {}, body: body('second') }) as RateLimitError;
    expect(daily).toBeInstanceOf(RateLimitError);
    expect(daily.retryAfterMs).toBeGreaterThan(1000);
    expect(daily.retryAfterMs).toBeLessThanOrEqual(86_400_000);
    expect(second.retryAfterMs).toBe(1000);
    const invalid = mapBlingError({ status: 400, headers: {}, body: { error: { type: 'VALIDATION_ERROR', message: 'Não foi possível salvar', fields: [{ code: 1, msg: 'obrigatório', element: 'nome', namespace: 'CONTATOS', collection: [] }] } } });
    expect(invalid).toMatchObject({ kind: 'validation', fields: ['nome'] });
  });
});

describe('Bling provider specifics against its emulator (documented limits: 3 requests per second)', () => {
  let emu: Emulator;
  let app: TestApp;
  let bling: Provider;

  beforeAll(async () => {
    emu = await startEmulator('bling', {
      token: TOKEN,
      seed: {
        contatos: [
          { id: 16000000001, nome: 'Antigo', tipo: 'F', dataInclusao: '2024-01-10 10:00:00', dataAlteracao: '2024-03-01 10:00:00' },
          { id: 16000000002, nome: 'Alterado em 2025', tipo: 'F', dataInclusao: '2024-01-10 10:00:00', dataAlteracao: '2025-08-01 10:00:00' },
        ],
      },
    });
    app = makeApp({ secrets: new MemorySecretStore() });
    await app.services.connections.connectWithToken({ provider: 'bling', loginUrl: emu.url, token: TOKEN });
    bling = await app.services.connections.provider('bling');
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('labels fields as Bling names them, with an English hint, and offers the account sale statuses', async () => {
    const contatos = await bling.describe('contatos');
    expect(contatos.fields.find((f) => f.name === 'tipo')).toMatchObject({ label: 'Tipo de pessoa (person type)' });
    expect(contatos.fields.find((f) => f.name === 'endereco.geral.municipio')?.label).toBe('Endereço: município (city)');
    const pedidos = await bling.describe('pedidos');
    expect(pedidos.fields.find((f) => f.name === 'situacao.id')!.picklist!.map((o) => o.label)).toEqual(expect.arrayContaining(['Em aberto', 'Atendido', 'Cancelado']));
    expect(app.services.connections.providers().find((p) => p.id === 'bling')).toMatchObject({ changeTracking: 'incremental', queryLanguage: 'list-filter' });
  });

  it('matches a contact by e-mail, then by the CPF/CNPJ it carries; a CNPJ makes a company', async () => {
    const [first] = await bling.write('contatos', 'upsert', [{ fields: { nome: 'Beatriz', email: 'bia@example.com', numeroDocumento: '52998224725' } }], { matchField: 'email' });
    expect(first).toMatchObject({ ok: true, created: true });
    const [byDoc] = await bling.write('contatos', 'upsert', [{ fields: { nome: 'Beatriz Costa', email: 'beatriz@example.com', numeroDocumento: '529.982.247-25' } }], { matchField: 'email' });
    expect(byDoc).toMatchObject({ ok: true, created: false, id: idOf(first) });
    const [company] = await bling.write('contatos', 'create', [{ fields: { nome: 'Produtora Ltda', numeroDocumento: '36058120000197' } }]);
    expect((await bling.getByIds('contatos', [idOf(company)], []))[0].fields).toMatchObject({ tipo: 'J', numeroDocumento: '36.058.120/0001-97' });
  });

  it("an update keeps what the mapping leaves out (Bling's PUT replaces the whole contact)", async () => {
    const [c] = await bling.write('contatos', 'create', [{ fields: { nome: 'Davi', email: 'davi@example.com', fantasia: 'Davi Shows', 'endereco.geral.municipio': 'Recife', 'endereco.geral.uf': 'PE' } }]);
    await bling.write('contatos', 'update', [{ id: idOf(c), fields: { celular: '81 99999-0000' } }]);
    const [after] = await bling.getByIds('contatos', [idOf(c)], []);
    expect(after.fields).toMatchObject({ nome: 'Davi', email: 'davi@example.com', fantasia: 'Davi Shows', celular: '81 99999-0000', 'endereco.geral.municipio': 'Recife', 'endereco.geral.uf': 'PE' });
  });

  it('writes orders with the status by name, finds them by store order number, and refuses an unknown status', async () => {
    const [bia] = await bling.findBy('contatos', 'email', ['beatriz@example.com'], []);
    const [o1] = await bling.write('pedidos', 'create', [{ fields: { 'contato.id': bia.id, data: '2026-03-01', numeroLoja: 'eb:1', 'situacao.nome': 'atendido', 'item.descricao': 'Pista', 'item.quantidade': 2, 'item.valorTotal': 240 } }]);
    const [o2] = await bling.write('pedidos', 'create', [{ fields: { 'contato.id': bia.id, data: '2026-03-02', numeroLoja: 'eb:2' } }]);
    const found = await bling.findBy('pedidos', 'numeroLoja', ['eb:1', 'eb:2', 'eb:3'], []);
    expect(found.map((r) => r.id).sort()).toEqual([idOf(o1), idOf(o2)].sort());
    const [order] = await bling.getByIds('pedidos', [idOf(o1)], []);
    expect(order.fields).toMatchObject({ 'situacao.valor': 1, total: 240, 'item.quantidade': 2, 'item.valor': 120, 'contato.id': Number(bia.id) });
    const [bad] = await bling.write('pedidos', 'create', [{ fields: { 'contato.id': bia.id, data: '2026-03-03', 'situacao.nome': 'Pago' } }]);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', fields: ['situacao.nome'] } });
  });

  it('pulls changes by dataAlteracao windows, more than one when the cursor is over a year old', async () => {
    const pages = await collect(bling.changes('contatos', { fields: ['nome'], cursor: JSON.stringify({ since: '2024-06-01 00:00:00' }) }));
    const names = pages.flatMap((p) => p.records.map((r) => r.fields.nome));
    expect(names).toContain('Alterado em 2025');
    expect(names).not.toContain('Antigo');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.map((p) => p.done)).toEqual([...pages.slice(1).map(() => false), true]);
    expect(parseBling(JSON.parse(pages.at(-1)!.cursor).since)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('queries the list endpoints with their own filters (array filters in brackets)', async () => {
    const rows = (await collect(bling.query({ language: 'list-filter', object: 'pedidos', filters: [{ name: 'numerosLojas', value: ['eb:2'] }] }))).flatMap((p) => p.rows);
    expect(rows.map((r) => r.numeroLoja)).toEqual(['eb:2']);
    const err = await collect(bling.query({ language: 'list-filter', object: 'contatos', filters: [{ name: 'email', value: 'x' }] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
  });

  it('stays within 3 requests per second however many calls run at once, and tells the limiter so', async () => {
    const seen: RateInfo[] = [];
    const stop = bling.onRateInfo((i) => seen.push(i));
    const before = (await stats(emu)).byStatus['429'] ?? 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: 9 }, () => bling.getByIds('contatos', ['16000000001'], [])));
    stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect((await stats(emu)).byStatus['429'] ?? 0).toBe(before);
    expect(seen.at(-1)).toMatchObject({ max: 3, windowMs: 1100 });
  });
}, 120_000);
