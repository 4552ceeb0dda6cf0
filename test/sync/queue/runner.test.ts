import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { enqueueMany, QueueRunner, queueCounts, getItem, type JobDefinition, type BatchSummary } from '../../../main/sync/queue';
import { ValidationError } from '../../../main/providers/errors';
import { memoryDb, item } from './helpers';

const Payload = z.object({ email: z.string().email() });

function job(seen: string[], over: Partial<JobDefinition<z.infer<typeof Payload>>> = {}): JobDefinition<z.infer<typeof Payload>> {
  return {
    name: 'test-push',
    scope: { connectionId: 'hs', object: 'contacts' },
    parsePayload: (raw) => Payload.parse(raw),
    async run(batch) {
      return batch.map((j) => {
        seen.push(j.data.email);
        return j.data.email.startsWith('bad')
          ? { id: j.id, ok: false as const, failure: { kind: 'permanent' as const, message: 'invalid', code: 'VALIDATION_ERROR', field: 'email' } }
          : { id: j.id, ok: true as const };
      });
    },
    ...over,
  };
}

describe('QueueRunner', () => {
  it('runs batches, settles each item on its own, and dead-letters unreadable payloads', async () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [
      item(1, { payload: { email: 'a@x.io' } }),
      item(2, { payload: { email: 'bad@x.io' } }),
      item(3, { payload: { nope: true } }),
      item(4, { payload: { email: 'b@x.io' }, object: 'companies' }),
    ], { returnIds: true });
    const seen: string[] = [];
    const summaries: BatchSummary[] = [];
    const runner = new QueueRunner(db, job(seen), { batchSize: 10, onSettled: (s) => summaries.push(s) });
    expect(await runner.runOnce()).toBe(3);
    expect(await runner.runOnce()).toBe(0);
    expect(seen.sort()).toEqual(['a@x.io', 'bad@x.io']);
    expect(getItem(db, ids[0])!.state).toBe('done');
    expect(getItem(db, ids[1])).toMatchObject({ state: 'dead', errorField: 'email' });
    expect(getItem(db, ids[2])).toMatchObject({ state: 'dead', errorCode: 'BAD_PAYLOAD' });
    expect(getItem(db, ids[3])!.state).toBe('pending');
    expect(summaries[0].done).toEqual([ids[0]]);
    expect(summaries[0].failed.get(ids[1])).toBe('dead');
  });

  it('fails the whole batch by the error kind when the job throws', async () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1, { payload: { email: 'a@x.io' } }), item(2, { payload: { email: 'c@x.io' } })], { returnIds: true });
    const runner = new QueueRunner(db, job([], { run: async () => { throw new ValidationError('no', { code: 'INVALID_FIELD', fields: ['foo'] }); } }));
    await runner.runOnce();
    expect(ids.map((id) => getItem(db, id)!.state)).toEqual(['dead', 'dead']);
    expect(getItem(db, ids[0])!.errorCode).toBe('INVALID_FIELD');
  });

  it('works through the queue until stopped, and drains the batch in hand', async () => {
    const db = memoryDb();
    enqueueMany(db, Array.from({ length: 25 }, (_, i) => item(i + 1, { payload: { email: `p${i}@x.io` } })));
    const seen: string[] = [];
    const runner = new QueueRunner(db, job(seen), { batchSize: 10, idleMs: 20 });
    runner.start();
    await new Promise((r) => setTimeout(r, 150));
    enqueueMany(db, [item(100, { payload: { email: 'late@x.io' } })]);
    runner.poke();
    await new Promise((r) => setTimeout(r, 100));
    await runner.stop();
    expect(queueCounts(db)).toMatchObject({ done: 26, pending: 0, running: 0 });
    expect(seen).toContain('late@x.io');
  });

  it('stop without draining hands unsettled items back without using an attempt', async () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1, { payload: { email: 'a@x.io' } }), item(2, { payload: { email: 'b@x.io' } })], { returnIds: true });
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const runner = new QueueRunner(db, job([], {
      run: (batch, { signal }) =>
        new Promise((resolve) => {
          started();
          // Settles the first item, then gives up on the rest when aborted.
          signal.addEventListener('abort', () => resolve([{ id: batch[0].id, ok: true }]));
        }),
    }), { idleMs: 10 });
    runner.start();
    await running;
    await runner.stop({ drain: false });
    expect(getItem(db, ids[0])!.state).toBe('done');
    expect(getItem(db, ids[1])).toMatchObject({ state: 'pending', attempts: 0 });
  });
});
