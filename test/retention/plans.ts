import type { Db } from '../../main/store/db';

export interface ExplainedStatement {
  sql: string;
  plan: string[];
}

type Stmt = ReturnType<Db['prepare']>;
const RUNNERS = ['run', 'get', 'all', 'iterate'] as const;

/**
 * Runs `fn` and answers the query plan of every statement it executed, with the arguments it
 * bound: the plans of the app's real queries, not of copies that could drift from them.
 */
export function explainCalls(db: Db, fn: () => void): ExplainedStatement[] {
  const seen: Array<{ sql: string; args: unknown[] }> = [];
  const prepare = db.prepare.bind(db);
  const spy = ((sql: string) => {
    const stmt = prepare(sql) as Stmt;
    for (const name of RUNNERS) {
      const original = (stmt[name] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        seen.push({ sql, args });
        return original(...args);
      };
    }
    return stmt;
  }) as Db['prepare'];
  db.prepare = spy;
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return seen.map(({ sql, args }) => ({
    sql: sql.replace(/\s+/g, ' ').trim(),
    plan: (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail),
  }));
}

/** Plan lines that read a whole table without an index. */
export const fullScans = (plan: string[], table: string): string[] =>
  plan.filter((line) => new RegExp(`^SCAN ${table}\\b`).test(line) && !/USING (COVERING )?INDEX|INTEGER PRIMARY KEY/.test(line));
