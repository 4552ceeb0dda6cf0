import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/store/audit-log';
import { buyers, startHarness, type Harness } from './helpers';

/** The scheduler's SyncRunner (services.syncRunner) runs the engine and reports counts. */
describe('the engine behind services.syncRunner', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('hubspot');
    await h.importRows(buyers(3, { prefix: 'sched', companyEvery: 0 }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is registered, pushes and pulls, and answers counts the scheduler understands', async () => {
    expect(h.app.syncRunner.available).toBe(true);
    const push = await h.app.syncRunner.run(h.connectionId, 'push', { trigger: 'schedule' });
    expect(push).toMatchObject({ succeeded: 6, failed: 0, cancelled: false });
    expect(h.sync.getRun(Number(push.runId))).toMatchObject({ kind: 'push', trigger: 'schedule', status: 'ok', created: 6 });
    const pull = await h.app.syncRunner.run(h.connectionId, 'pull', { trigger: 'schedule' });
    expect(pull).toMatchObject({ failed: 0, cancelled: false });
    expect(pull.summary).toMatch(/Pulled from .*: 0 created, 0 updated, 3 unchanged/);
  });

  it('stops at once when the scheduler aborts, leaving the work queued', async () => {
    await h.importRows(buyers(2, { prefix: 'late', companyEvery: 0 }));
    const controller = new AbortController();
    controller.abort();
    const run = await h.app.syncRunner.run(h.connectionId, 'push', { trigger: 'schedule', signal: controller.signal });
    expect(run.cancelled).toBe(true);
    expect(h.sync.queueOverview({ connectionId: h.connectionId }).counts.pending).toBeGreaterThan(0);
  });

  it('writes a dry run to the audit log too', async () => {
    await h.sync.dryRun({ connectionId: h.connectionId });
    const [entry] = listAudit(h.app.db, { limit: 1, kind: 'sync' }).entries;
    expect(entry).toMatchObject({ action: 'dry-run' });
    expect(entry.summary).toMatch(/contacts: 2 create/);
  });
});
