import { z } from 'zod';
import { parseContato } from './contatos-input';
import type { Ctx } from './context';
import { BlingError } from './errors';
import { parsePedido } from './pedidos-input';
import { parseBound } from './time';

const localTime = z.string().refine((s) => parseBound(s, false) !== undefined, 'expected YYYY-MM-DD HH:MM:SS (Brasília time)');
const record = z.record(z.string(), z.unknown()).and(
  z.object({ id: z.number().int().positive().optional(), dataInclusao: localTime.optional(), dataAlteracao: localTime.optional() }),
);

/**
 * The seed file: account settings, registered apps and records. Records use the API's own POST
 * fields (plus an optional `id` and, for incremental-sync tests, `dataInclusao`/`dataAlteracao`)
 * and go through the same validation.
 */
export const SeedSchema = z
  .object({
    accountName: z.string().min(1).optional(),
    situacoesVendas: z
      .array(z.object({ id: z.number().int().positive(), nome: z.string().min(1), valor: z.number().int().min(0).max(12), cor: z.string().default('#CCCCCC') }))
      .min(1)
      .optional(),
    tiposContato: z.array(z.object({ id: z.number().int().positive(), descricao: z.string().min(1) })).optional(),
    formasPagamento: z.array(z.object({ id: z.number().int().positive(), descricao: z.string().min(1) })).optional(),
    rateLimits: z.object({ perSecond: z.number().int().positive(), perDay: z.number().int().positive() }).partial().optional(),
    oauthClients: z.array(z.object({ client_id: z.string().min(1), client_secret: z.string().min(1), redirect_uri: z.url().optional() })).optional(),
    contatos: z.array(record).optional(),
    pedidos: z.array(record).optional(),
  })
  .strict();

export type Seed = z.infer<typeof SeedSchema>;

export function parseSeed(raw: unknown): Seed {
  if (raw === undefined) return {};
  const parsed = SeedSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid Bling seed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function seedError(where: string, err: unknown): Error {
  if (!(err instanceof BlingError)) return err as Error;
  const detail = err.fields?.length ? err.fields.map((f) => `${f.element}: ${f.msg}`).join('; ') : err.description;
  return new Error(`invalid Bling seed: ${where}: ${detail}`);
}

type SeedRecord = z.infer<typeof record>;

/** Contatos first, then pedidos, so links resolve. */
export function applySeedRecords(ctx: Ctx, seed: Seed): void {
  const times = (r: SeedRecord) => {
    const incluidoEm = r.dataInclusao ? parseBound(r.dataInclusao, false)! : ctx.now();
    return { incluidoEm, alteradoEm: r.dataAlteracao ? parseBound(r.dataAlteracao, false)! : incluidoEm };
  };
  const each = (list: SeedRecord[] | undefined, what: string, insert: (r: SeedRecord) => void) =>
    (list ?? []).forEach((r, i) => {
      try {
        insert(r);
      } catch (err) {
        throw seedError(`${what}[${i}]`, err);
      }
    });
  each(seed.contatos, 'contatos', (r) => ctx.contatos.insert({ ...parseContato(ctx, r), ...times(r), id: r.id }));
  each(seed.pedidos, 'pedidos', (r) => ctx.pedidos.insert({ ...parsePedido(ctx, r).fields, ...times(r), id: r.id }));
}
