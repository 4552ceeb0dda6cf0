import { z } from 'zod';
import { parseCliente } from './clientes-input';
import type { Ctx } from './context';
import { GcError } from './errors';
import { parseProduto } from './produtos';
import { insertProduto } from './routes-produtos';
import { newHash } from './routes-vendas';
import { parseVenda } from './vendas-input';

const body = z.record(z.string(), z.unknown());
const withId = body.and(z.object({ id: z.number().int().positive().optional() }));

/**
 * The seed file: account settings and records. Records use the same fields as the API's POST
 * bodies (plus an optional `id`), and go through the same validation.
 */
export const SeedSchema = z
  .object({
    loja: z.object({ id: z.number().int().positive(), nome: z.string().min(1) }).optional(),
    situacoesVendas: z
      .array(z.object({ id: z.number().int().positive(), nome: z.string().min(1), padrao: z.enum(['0', '1']).default('0'), tipo_lancamento: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).default(0) }))
      .min(1)
      .optional(),
    formasPagamento: z.array(z.object({ id: z.number().int().positive(), nome: z.string().min(1) })).min(1).optional(),
    rateLimits: z.object({ perSecond: z.number().int().positive(), perDay: z.number().int().positive() }).partial().optional(),
    clientes: z.array(withId).optional(),
    produtos: z.array(withId).optional(),
    vendas: z.array(withId).optional(),
  })
  .strict();

export type Seed = z.infer<typeof SeedSchema>;

export function parseSeed(raw: unknown): Seed {
  if (raw === undefined) return {};
  const parsed = SeedSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid GestãoClick seed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function seedError(where: string, err: unknown): Error {
  if (!(err instanceof GcError)) return err as Error;
  const detail = err.erros ? Object.entries(err.erros).map(([k, v]) => `${k}: ${v}`).join('; ') : err.message;
  return new Error(`invalid GestãoClick seed: ${where}: ${detail}`);
}

const idOf = (rec: Record<string, unknown>) => rec.id as number | undefined;

/** Clientes and produtos first, then vendas, so links resolve. */
export function applySeedRecords(ctx: Ctx, seed: Seed): void {
  const stamp = ctx.now();
  const times = { cadastrado_em: stamp, modificado_em: stamp };
  const each = (list: Record<string, unknown>[] | undefined, what: string, insert: (rec: Record<string, unknown>) => void) =>
    (list ?? []).forEach((rec, i) => {
      try {
        insert(rec);
      } catch (err) {
        throw seedError(`${what}[${i}]`, err);
      }
    });
  each(seed.clientes, 'clientes', (rec) => ctx.clientes.insert({ ...parseCliente(rec), ...times, id: idOf(rec) }));
  each(seed.produtos, 'produtos', (rec) => insertProduto(ctx, { ...parseProduto(rec), id: idOf(rec) }));
  each(seed.vendas, 'vendas', (rec) => ctx.vendas.insert({ ...parseVenda(ctx, rec), hash: newHash(), ...times, id: idOf(rec) }));
}
