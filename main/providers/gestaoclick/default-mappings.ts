import type { ProviderDefaults } from '../../sync/mapping/defaults/types';

const trim = [{ kind: 'trim' as const }];

/** Person type from a custom column of the export (PF/PJ/ES, or words for them); blank: the client decides from the document. */
const personType = {
  values: { PF: 'PF', PJ: 'PJ', ES: 'ES', pf: 'PF', pj: 'PJ', es: 'ES', individual: 'PF', company: 'PJ', foreign: 'ES', 'pessoa física': 'PF', 'pessoa jurídica': 'PJ', estrangeiro: 'ES' },
  fallback: 'PF',
};

/**
 * Order status → the account's sale status, by name (GestãoClick's status ids differ per
 * account; these are its default names). Rename here when the account uses others.
 */
const saleStatus = {
  values: { paid: 'Confirmado', pending: 'Em aberto', cancelled: 'Cancelado', refunded: 'Cancelado', partially_refunded: 'Confirmado' },
  fallback: 'Confirmado',
};

/** GestãoClick defaults, keyed by resource name. Companies are clientes of type PJ, so there is no separate company mapping. */
export const gestaoClickDefaults: ProviderDefaults = {
  clientes: {
    object: 'clientes',
    localKind: 'person',
    // No unique field: the client looks the customer up by e-mail, then by the CPF/CNPJ pushed with it.
    matchKeys: [{ kind: 'email', crm: 'email', local: 'email' }],
    fields: [
      { crm: 'nome', local: 'fullName', direction: 'push', transforms: trim },
      { crm: 'telefone', local: 'phone', direction: 'both', transforms: trim },
      { crm: 'tipo_pessoa', local: 'custom.tipo_pessoa', direction: 'push', transforms: trim, valueMap: personType },
      { crm: 'cpf', local: 'custom.CPF', direction: 'push', transforms: trim, optional: true },
      { crm: 'cnpj', local: 'custom.CNPJ', direction: 'push', transforms: trim, optional: true },
      { crm: 'razao_social', local: 'company', direction: 'push', transforms: trim, optional: true },
      { crm: 'endereco.logradouro', template: '{addressLine1} {addressLine2}', direction: 'push', optional: true },
      { crm: 'endereco.nome_cidade', local: 'city', direction: 'push', optional: true },
      { crm: 'endereco.estado', local: 'region', direction: 'push', transforms: [{ kind: 'trim' }, { kind: 'upper' }], optional: true },
      { crm: 'endereco.cep', local: 'postalCode', direction: 'push', optional: true },
    ],
  },
  vendas: {
    object: 'vendas',
    localKind: 'order',
    // GestãoClick cannot search sales by a reference: the stored link finds a sale again, and
    // before a first create the notes carrying the order key are looked for.
    matchKeys: [{ kind: 'crmId', findBy: 'observacoes' }],
    fields: [
      { crm: 'cliente_id', lookup: { object: 'clientes', localKind: 'person', localField: 'personId' }, direction: 'push' },
      { crm: 'data', local: 'orderedAt', direction: 'push' },
      { crm: 'nome_situacao', local: 'status', direction: 'push', valueMap: saleStatus },
      { crm: 'observacoes', template: 'Pedido {orderKey} · {eventName}', direction: 'push' },
      { crm: 'servico.nome_servico', template: '{ticketType} · {eventName}', direction: 'push', optional: true },
      { crm: 'servico.quantidade', local: 'quantity', direction: 'push', optional: true },
      { crm: 'servico.valor_total', local: 'total', direction: 'push', optional: true },
    ],
  },
};
