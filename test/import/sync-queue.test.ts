import { describe, it, expect, afterEach } from 'vitest';
import { sandbox, buyersCsv, count, type Sandbox } from './helpers';

function connect(s: Sandbox, id: string, provider: string): void {
  s.db
    .prepare(`INSERT INTO connections (id, provider, label, auth_kind, created_at, updated_at) VALUES (?, ?, ?, 'oauth', 'now', 'now')`)
    .run(id, provider, `${provider} test`);
}

const openItems = (s: Sandbox) =>
  s.db.prepare(`SELECT connection_id, object, local_kind, local_id, operation, direction, state FROM sync_queue ORDER BY connection_id, local_id`).all();

describe('queueing pushes after an import', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('queues nothing when there are no connections', async () => {
    s = sandbox();
    const r = await s.imports.importFile(s.file('a.csv', buyersCsv([{ email: 'a@example.com', orderId: 'O1' }])), {});
    expect(r.queuedForPush).toBe(0);
    expect(count(s.db, 'sync_queue')).toBe(0);
  });

  it('queues an upsert push of each created or changed person per connection, and repeats coalesce', async () => {
    s = sandbox();
    connect(s, 'sf-1', 'salesforce');
    connect(s, 'hs-1', 'hubspot');
    const v1 = buyersCsv([
      { email: 'a@example.com', first: 'A', orderId: 'O1' },
      { email: 'b@example.com', first: 'B', orderId: 'O2' },
    ]);
    const r1 = await s.imports.importFile(s.file('v1.csv', v1), {});
    expect(r1.queuedForPush).toBe(4);
    const ids = s.db.prepare('SELECT id FROM people ORDER BY id').pluck().all() as number[];
    expect(openItems(s)).toEqual(
      ['hs-1', 'sf-1'].flatMap((c) => ids.map((id) => ({ connection_id: c, object: 'person', local_kind: 'person', local_id: id, operation: 'upsert', direction: 'push', state: 'pending' }))),
    );
    // Same file again: nothing changed, nothing queued.
    const r2 = await s.imports.importFile(s.file('v1.csv', v1), {});
    expect(r2.queuedForPush).toBe(0);
    expect(count(s.db, 'sync_queue')).toBe(4);
    // One person changes while their push is still pending: it coalesces onto the open item.
    await s.imports.importFile(s.file('v2.csv', buyersCsv([{ email: 'a@example.com', first: 'Ann', orderId: 'O1' }, { email: 'b@example.com', first: 'B', orderId: 'O2' }])), {});
    expect(count(s.db, 'sync_queue')).toBe(4);
    // Once those pushes are done, the next change queues new items for that person only.
    s.db.prepare(`UPDATE sync_queue SET state = 'done'`).run();
    await s.imports.importFile(s.file('v3.csv', buyersCsv([{ email: 'a@example.com', first: 'Anna', orderId: 'O1' }])), {});
    expect(count(s.db, 'sync_queue', "state = 'pending'")).toBe(2);
    expect(s.db.prepare(`SELECT DISTINCT local_id FROM sync_queue WHERE state = 'pending'`).pluck().all()).toEqual([ids[0]]);
  });

  it('records each import in the history and the audit log', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('a.csv', buyersCsv([{ email: 'a@example.com', orderId: 'O1' }, { email: 'bad', orderId: 'O2' }])), {});
    const [run] = s.imports.history(10);
    expect(run).toMatchObject({ fileName: 'a.csv', status: 'completed', rows: 2, created: 1, rejected: 1, rejectsAvailable: true });
    const audit = s.db.prepare(`SELECT kind, action, outcome, summary FROM audit_log WHERE kind = 'import'`).all();
    expect(audit).toEqual([{ kind: 'import', action: 'import', outcome: 'warning', summary: 'Imported a.csv: 2 rows, 1 created, 0 updated, 0 unchanged, 1 rejected' }]);
    expect(count(s.db, 'import_undo')).toBe(0);
  });
});
