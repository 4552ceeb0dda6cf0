import type { EmulatorKind, EmulatorOptions } from '../emulators/index';
import type { NativeQuery, Provider } from '../../main/providers/provider';

/**
 * What the provider contract suite needs to know about one provider: how to start its emulator
 * and connect with a static token, what a valid and an invalid person look like, how to make a
 * deal, and where to see the deal's link to a person. Everything else the suite learns from the
 * provider itself (objectRoles, capabilities, describe).
 */
export interface ContractFixture {
  id: string;
  emulator: EmulatorKind;
  emulatorOptions: EmulatorOptions;
  /** The static-token connect input (without provider and loginUrl). */
  connect: { token: string; secret?: string; domain?: string };
  person: {
    /** The upsert key the app's default mapping matches on. */
    matchField: string;
    /** A valid person; `n` keeps records apart. */
    make(n: number, email: string): Record<string, unknown>;
    /** A text field the suite edits and reads back. */
    editField: string;
    /** A person the CRM refuses (a required field missing, a bad value). */
    bad: Record<string, unknown>;
  };
  /** A deal (order) for the person; providers that need a customer on create get one. */
  makeDeal(personId: string): Record<string, unknown>;
  /** The person ids a deal is linked to, read back from the CRM. */
  linkedPeople(provider: Provider, dealId: string, emulatorUrl: string, token: string): Promise<string[]>;
  /** The provider's own query for the person with this e-mail. */
  queryByEmail(email: string): NativeQuery;
  /** Smallest page `read` honours (Salesforce batches are at least 200 records). */
  minPageSize?: number;
  /** How long a change takes to show in `changes()` (Bling's windows end a moment in the past). */
  settleMs?: number;
}

async function collectRows(provider: Provider, q: NativeQuery): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for await (const page of provider.query(q)) rows.push(...page.rows);
  return rows;
}

async function linkedField(provider: Provider, object: string, id: string, field: string): Promise<string[]> {
  const [deal] = await provider.getByIds(object, [id], [field]);
  const v = deal?.fields[field];
  return v === undefined || v === null ? [] : [String(v)];
}

/** Valid CPFs (check digits right) for Brazilian providers that check them. */
const CPFS = ['792.727.480-54', '529.982.247-25', '111.444.777-35', '935.411.347-80'];

export const fixtures: ContractFixture[] = [
  {
    id: 'salesforce',
    emulator: 'salesforce',
    emulatorOptions: {},
    connect: { token: '00D000000000001!AQ.contract-static-session' },
    person: {
      matchField: 'Ticket_Buyer_Id__c',
      make: (n, email) => ({ LastName: `Person ${n}`, Email: email, Ticket_Buyer_Id__c: `B-${n}` }),
      editField: 'LastName',
      bad: { FirstName: 'No last name' },
    },
    makeDeal: () => ({ Name: 'Group sale', StageName: 'Prospecting', CloseDate: '2030-01-01' }),
    linkedPeople: async (p, dealId) =>
      (await collectRows(p, { language: 'soql', soql: `SELECT ContactId FROM OpportunityContactRole WHERE OpportunityId = '${dealId}'` })).map((r) => String(r.ContactId)),
    queryByEmail: (email) => ({ language: 'soql', soql: `SELECT Id, Email FROM Contact WHERE Email = '${email}'` }),
    minPageSize: 200,
  },
  {
    id: 'hubspot',
    emulator: 'hubspot',
    emulatorOptions: {},
    connect: { token: 'pat-na1-11111111-2222-3333-4444-00000000c0de' },
    person: {
      matchField: 'email',
      make: (n, email) => ({ email, firstname: `Person ${n}` }),
      editField: 'firstname',
      bad: { email: 'bad-stage@example.com', lifecyclestage: 'not-a-stage' },
    },
    makeDeal: () => ({ dealname: 'Group sale', pipeline: 'default', dealstage: 'closedwon', amount: '100' }),
    linkedPeople: async (_p, dealId, url, token) => {
      const res = await fetch(`${url}/crm/v4/objects/deals/${dealId}/associations/contacts`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { results?: Array<{ toObjectId: number }> };
      return (body.results ?? []).map((r) => String(r.toObjectId));
    },
    queryByEmail: (email) => ({ language: 'hubspot-search', object: 'contacts', body: { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: email }] }], properties: ['email'] } }),
  },
  {
    id: 'pipedrive',
    emulator: 'pipedrive',
    emulatorOptions: {},
    connect: { token: 'aaaabbbbccccddddeeeeffff000011112222c0de', domain: 'acme' },
    person: {
      matchField: 'email',
      make: (n, email) => ({ name: `Person ${n}`, email }),
      editField: 'name',
      bad: { email: 'noname@example.com' },
    },
    makeDeal: () => ({ title: 'Group sale' }),
    linkedPeople: (p, dealId) => linkedField(p, 'deals', dealId, 'person_id'),
    queryByEmail: (email) => ({ language: 'pipedrive-filter', object: 'persons', term: email }),
  },
  {
    id: 'gestaoclick',
    emulator: 'gestaoclick',
    emulatorOptions: { secret: 'f'.repeat(40) },
    connect: { token: 'e'.repeat(40), secret: 'f'.repeat(40) },
    person: {
      matchField: 'email',
      make: (n, email) => ({ nome: `Pessoa ${n}`, email, ...(n < CPFS.length ? { cpf: CPFS[n] } : {}) }),
      editField: 'nome',
      bad: { email: 'semnome@example.com' },
    },
    makeDeal: (personId) => ({ cliente_id: personId, data: '2026-03-01', 'servico.nome_servico': 'Pista', 'servico.quantidade': 2, 'servico.valor_total': 240 }),
    linkedPeople: (p, dealId) => linkedField(p, 'vendas', dealId, 'cliente_id'),
    queryByEmail: (email) => ({ language: 'list-filter', object: 'clientes', filters: [{ name: 'email', value: email }] }),
  },
  {
    id: 'bling',
    emulator: 'bling',
    emulatorOptions: {},
    connect: { token: '0123456789abcdef0123456789abcdef0123c0de' },
    person: {
      matchField: 'email',
      make: (n, email) => ({ nome: `Pessoa ${n}`, email, ...(n < CPFS.length ? { numeroDocumento: CPFS[n] } : {}) }),
      editField: 'nome',
      bad: { email: 'semnome@example.com', tipo: 'F' },
    },
    makeDeal: (personId) => ({ 'contato.id': personId, data: '2026-03-01', numeroLoja: `contract:${personId}`, 'item.descricao': 'Pista', 'item.quantidade': 2, 'item.valorTotal': 240 }),
    linkedPeople: (p, dealId) => linkedField(p, 'pedidos', dealId, 'contato.id'),
    queryByEmail: (email) => ({ language: 'list-filter', object: 'contatos', filters: [{ name: 'pesquisa', value: email }], fields: ['id', 'nome', 'email'] }),
    settleMs: 3000,
  },
];
