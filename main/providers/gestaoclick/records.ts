import type { RemoteRecord } from '../provider';

/** Lists GestãoClick wraps one key deep (`enderecos: [{ endereco: {...} }]`), by list name. */
export const WRAPPED: Record<string, string> = {
  contatos: 'contato',
  enderecos: 'endereco',
  pagamentos: 'pagamento',
  produtos: 'produto',
  servicos: 'servico',
};

/** The flattened first-line fields: `endereco.cep` is `cep` of the first entry of `enderecos`. */
const FLAT_PREFIX: Record<string, string> = { endereco: 'enderecos', servico: 'servicos' };

const unwrapList = (list: unknown, key: string): Array<Record<string, unknown>> =>
  Array.isArray(list) ? list.map((e) => (e && typeof e === 'object' && key in e ? (e as Record<string, unknown>)[key] : e) as Record<string, unknown>) : [];

/** An answered record → plain fields: lists unwrapped, first address and service line flattened. */
export function toFields(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = WRAPPED[k] ? unwrapList(v, WRAPPED[k]) : v;
  for (const [prefix, list] of Object.entries(FLAT_PREFIX)) {
    const first = (out[list] as Array<Record<string, unknown>> | undefined)?.[0];
    if (!first) continue;
    for (const [k, v] of Object.entries(first)) out[`${prefix}.${k}`] = v;
  }
  return out;
}

export const toRemote = (record: Record<string, unknown>): RemoteRecord => ({ id: String(record.id), fields: toFields(record) });

const wrap = (list: unknown, key: string): unknown =>
  Array.isArray(list) ? list.map((e) => (e && typeof e === 'object' && key in e ? e : { [key]: e })) : list;

/** Money as GestãoClick writes it: two decimals. */
const money = (n: number): string => (Math.round(n * 100) / 100).toFixed(2);

/**
 * A service line from `servico.*`: a line total becomes the unit price for the quantity, or one
 * line of the whole amount when the total does not divide into cents ("3 × Pista").
 */
function serviceLine(flat: Record<string, unknown>, current: Record<string, unknown> | undefined): Record<string, unknown> {
  const line: Record<string, unknown> = { ...(current ?? {}) };
  // The answered line total is computed by GestãoClick, never sent back.
  delete line.valor_total;
  for (const [k, v] of Object.entries(flat)) if (k !== 'valor_total') line[k] = v;
  const total = flat.valor_total === undefined || flat.valor_total === null ? undefined : Number(flat.valor_total);
  if (total !== undefined && Number.isFinite(total) && flat.valor_venda === undefined) {
    const qty = Number(line.quantidade ?? 1) || 1;
    const unit = Math.round((total / qty) * 100) / 100;
    if (Math.abs(unit * qty - total) < 0.005) line.valor_venda = money(unit);
    else {
      line.nome_servico = `${qty} × ${String(line.nome_servico ?? '')}`.trim();
      line.quantidade = 1;
      line.valor_venda = money(total);
    }
  }
  line.quantidade ??= 1;
  return line;
}

/**
 * Mapping fields → a POST/PUT body: lists wrapped again, `endereco.*` / `servico.*` merged into
 * the first entry of their list (the other entries of `current` kept, since PUT replaces lists).
 */
export function toBody(fields: Record<string, unknown>, current?: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const flat: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(fields)) {
    const dot = k.indexOf('.');
    if (dot > 0 && FLAT_PREFIX[k.slice(0, dot)]) (flat[k.slice(0, dot)] ??= {})[k.slice(dot + 1)] = v;
    else body[k] = WRAPPED[k] ? wrap(v, WRAPPED[k]) : v;
  }
  for (const [prefix, values] of Object.entries(flat)) {
    const list = FLAT_PREFIX[prefix];
    if (body[list] !== undefined) continue;
    const existing = current ? unwrapList(current[list], prefix) : [];
    const first = prefix === 'servico' ? serviceLine(values, existing[0]) : { ...(existing[0] ?? {}), ...values };
    body[list] = wrap([first, ...existing.slice(1)], prefix);
  }
  return body;
}
