import type { ProviderDefaults } from '../../sync/mapping/defaults/types';

const trim = [{ kind: 'trim' as const }];

/** Person type from a custom column of the export (PF/PJ/ES, F/J/E, or words); blank: the client decides from the document. */
const personType = {
  values: { F: 'F', J: 'J', E: 'E', PF: 'F', PJ: 'J', ES: 'E', pf: 'F', pj: 'J', es: 'E', individual: 'F', company: 'J', foreign: 'E', 'pessoa física': 'F', 'pessoa jurídica': 'J', estrangeiro: 'E' },
  fallback: 'F',
};

/**
 * Order status → the account's sale status, by name (Bling's status ids differ per account;
 * these are its standard names). Rename here when the account uses others.
 */
const saleStatus = {
  values: { paid: 'Atendido', pending: 'Em aberto', cancelled: 'Cancelado', refunded: 'Cancelado', partially_refunded: 'Atendido' },
  fallback: 'Atendido',
};

/** Bling defaults, keyed by object name. Companies are contatos of type J, so there is no separate company mapping. */
export const blingDefaults: ProviderDefaults = {
  contatos: {
    object: 'contatos',
    localKind: 'person',
    // No unique field: the client looks the contact up by e-mail, then by the CPF/CNPJ pushed with it.
    matchKeys: [{ kind: 'email', crm: 'email', local: 'email' }],
    fields: [
      { crm: 'nome', local: 'fullName', direction: 'push', transforms: trim },
      { crm: 'celular', local: 'phone', direction: 'both', transforms: trim },
      { crm: 'tipo', local: 'custom.tipo_pessoa', direction: 'push', transforms: trim, valueMap: personType },
      { crm: 'numeroDocumento', local: 'custom.CPF', direction: 'push', transforms: trim, optional: true },
      { crm: 'fantasia', local: 'company', direction: 'push', transforms: trim, optional: true },
      { crm: 'endereco.geral.endereco', template: '{addressLine1} {addressLine2}', direction: 'push', optional: true },
      { crm: 'endereco.geral.municipio', local: 'city', direction: 'push', optional: true },
      { crm: 'endereco.geral.uf', local: 'region', direction: 'push', transforms: [{ kind: 'trim' }, { kind: 'upper' }], optional: true },
      { crm: 'endereco.geral.cep', local: 'postalCode', direction: 'push', optional: true },
    ],
  },
  pedidos: {
    object: 'pedidos',
    localKind: 'order',
    // The store order number carries the ticketing order key: Bling lists orders by it, so a
    // first push finds an order made before instead of creating it twice.
    matchKeys: [{ kind: 'crmId', findBy: 'numeroLoja' }],
    fields: [
      { crm: 'contato.id', lookup: { object: 'contatos', localKind: 'person', localField: 'personId' }, direction: 'push' },
      { crm: 'numeroLoja', local: 'orderKey', direction: 'push' },
      { crm: 'data', local: 'orderedAt', direction: 'push' },
      { crm: 'situacao.nome', local: 'status', direction: 'push', valueMap: saleStatus },
      { crm: 'observacoes', template: '{eventName}', direction: 'push', optional: true },
      { crm: 'item.descricao', template: '{ticketType} · {eventName}', direction: 'push', optional: true },
      { crm: 'item.quantidade', local: 'quantity', direction: 'push', optional: true },
      { crm: 'item.valorTotal', local: 'total', direction: 'push', optional: true },
    ],
  },
};
