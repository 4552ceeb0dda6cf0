import type { RemoteRecord } from '../provider';

type Raw = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);

/** Nested objects → dotted paths (`contato.id`); lists stay whole; `item.*` is the first order line. */
export function toFields(record: Raw): Raw {
  const out: Raw = {};
  const walk = (obj: Raw, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      if (isPlainObject(v)) walk(v, `${prefix}${k}.`);
      else out[`${prefix}${k}`] = v;
    }
  };
  walk(record, '');
  const first = Array.isArray(record.itens) ? (record.itens[0] as Raw | undefined) : undefined;
  if (first) {
    for (const [k, v] of Object.entries(first)) if (!isPlainObject(v)) out[`item.${k}`] = v;
    const total = Number(first.quantidade) * Number(first.valor) * (1 - Number(first.desconto ?? 0) / 100);
    if (Number.isFinite(total)) out['item.valorTotal'] = Math.round(total * 100) / 100;
  }
  return out;
}

export const toRemote = (record: Raw): RemoteRecord => ({ id: String(record.id), fields: toFields(record), ...(record.situacao === 'E' ? { deleted: true } : {}) });

/** Bling ids are JSON numbers (above 2^32, below 2^53); ids arrive here as text. */
const idValue = (key: string, v: unknown): unknown => (key === 'id' && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);

function setPath(target: Raw, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Raw;
  }
  const last = path[path.length - 1];
  node[last] = idValue(last, value);
}

/** A line from `item.*`: a line total becomes the unit price for the quantity, or one line of the whole amount. */
function orderLine(flat: Raw, current: Raw | undefined): Raw {
  const line: Raw = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(flat)) if (k !== 'valorTotal') line[k] = v;
  const total = flat.valorTotal === undefined || flat.valorTotal === null ? undefined : Number(flat.valorTotal);
  if (total !== undefined && Number.isFinite(total) && flat.valor === undefined) {
    const qty = Number(line.quantidade ?? 1) || 1;
    const unit = Math.round((total / qty) * 100) / 100;
    if (Math.abs(unit * qty - total) < 0.005) line.valor = unit;
    else {
      line.descricao = `${qty} × ${String(line.descricao ?? '')}`.trim();
      line.quantidade = 1;
      line.valor = total;
    }
    line.desconto = 0;
  }
  line.quantidade ??= 1;
  return line;
}

/**
 * Mapping fields → a POST/PUT body over `current` (Bling's PUT replaces the record whole, so an
 * update starts from the stored record): dotted paths become nested objects, `item.*` the first
 * order line (other lines kept).
 */
export function toBody(fields: Raw, current?: Raw): Raw {
  const body: Raw = structuredClone(current ?? {});
  const item: Raw = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('item.')) item[k.slice(5)] = v;
    else setPath(body, k.split('.'), v);
  }
  if (Object.keys(item).length && fields.itens === undefined) {
    const lines = Array.isArray(body.itens) ? (body.itens as Raw[]) : [];
    body.itens = [orderLine(item, lines[0]), ...lines.slice(1)];
  }
  return body;
}
