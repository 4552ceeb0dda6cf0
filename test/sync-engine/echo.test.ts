import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../main/store/db';
import { adminEmail, adminRecords, buyers, liveRecords, ROLES, startHarness, type Harness, type Kind } from './helpers';

/**
 * Issue 11 point 1: the engine's own writes never come back as CRM edits. A pull right after a
 * push reports no updates and no conflicts; a push right after a pull sends nothing.
 */
describe.each<Kind>(['salesforce', 'hubspot'])('%s: no echoes', (kind) => {
  let h: Harness;
  const roles = ROLES[kind];
  const rows = buyers(8, { companyEvery: 3, prefix: `echo-${kind}-` });
  const snapshot = async () => JSON.stringify(await Promise.all([roles.person, roles.company, roles.deal].map((o) => adminRecords(h.emu, o))));
  /** `seen`: the records the pull read back (the engine's own writes), each found unchanged. */
  const quietPull = async (seen: number) => {
    const run = await h.sync.pull({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run).toMatchObject({ created: 0, updated: 0, conflicts: 0, deleted: 0, failed: 0 });
    expect(run.unchanged).toBe(seen);
  };
  const quietPush = async () => {
    const before = await snapshot();
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(run).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await snapshot()).toBe(before);
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    expect((await h.importRows(rows)).created).toBe(rows.length);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('a pull right after the first push reports no updates and no conflicts', async () => {
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.failed, run.message ?? '').toBe(0);
    expect(run.created).toBeGreaterThan(rows.length);
    await quietPull(rows.length);
    await quietPush();
  }, 60_000);

  it('a pull right after a push of local edits reports nothing; a push after it sends nothing', async () => {
    h.app.db.prepare('UPDATE people SET first_name = ?, phone = ?, updated_at = ? WHERE email = ?').run('Edited', '+1 555 0101010', nowIso(), rows[2].email);
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(run).toMatchObject({ updated: 1, failed: 0 });
    await quietPull(1);
    await quietPush();
  }, 60_000);

  it('a push right after a pull of a CRM edit sends nothing; the next pull reports nothing', async () => {
    const person = (await liveRecords(h, roles.person)).find((p) => adminEmail(kind, p) === rows[4].email)!;
    const provider = await h.provider();
    const id = String(kind === 'hubspot' ? person.id : person.Id);
    const edit = await provider.write(roles.person, 'update', [{ id, fields: { [roles.last]: 'CrmEdited' } }]);
    expect(edit.every((r) => r.ok)).toBe(true);
    const pulled = await h.sync.pull({ connectionId: h.connectionId, trigger: 'test' });
    expect(pulled).toMatchObject({ updated: 1, conflicts: 0 });
    expect(h.app.db.prepare('SELECT last_name FROM people WHERE email = ?').pluck().get(rows[4].email)).toBe('CrmEdited');
    await quietPush();
    await quietPull(0);
  }, 60_000);
});
