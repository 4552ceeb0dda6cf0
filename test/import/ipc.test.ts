import { describe, it, expect, afterEach } from 'vitest';
import { createHandlers } from '../../main/ipc/handlers';
import { importHandlers } from '../../main/ipc/handlers/import';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatcher';
import { createImportService } from '../../main/import/service';
import { UPLOAD_CHUNK_BYTES, type ImportPreview, type ImportProgress, type ImportResult } from '../../shared/ipc/channels/import';
import { sandbox, buyersCsv, count, type Sandbox } from './helpers';

async function call<T>(dispatch: Dispatch, channel: string, payload: unknown): Promise<T> {
  const res = await dispatch(channel, payload);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

/** Sends a file the way the renderer does: base64 chunks of at most 1 MiB. */
async function upload(dispatch: Dispatch, fileName: string, content: Buffer): Promise<string> {
  let uploadId: string | undefined;
  for (let offset = 0; offset < content.length || offset === 0; offset += UPLOAD_CHUNK_BYTES) {
    const part = content.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
    const done = offset + part.length >= content.length;
    const r = await call<{ uploadId: string; size: number }>(dispatch, 'import:upload', { uploadId, fileName, offset, data: part.toString('base64'), done });
    uploadId = r.uploadId;
    expect(r.size).toBe(offset + part.length);
    if (done) break;
  }
  return uploadId!;
}

describe('import IPC channels', () => {
  let s: Sandbox;
  let dispatch: Dispatch;
  afterEach(async () => s?.close());

  const setup = (tuning?: { chunkRows?: number; progressEveryMs?: number; inline?: boolean }) => {
    s = sandbox();
    const service = createImportService({ db: s.db, dataDir: s.services.dataDir, events: s.services.events, tuning });
    dispatch = createDispatcher({ ...createHandlers(s.services), ...importHandlers(s.services, service) }, s.services.logger, { checkResponses: true });
  };

  it('uploads in chunks, previews, runs with progress events, and serves history, rejects and presets', async () => {
    setup();
    const rows = Array.from({ length: 3000 }, (_, i) => ({ email: i % 1000 === 7 ? 'broken' : `p${i}@example.com`, orderId: `O${i}`, total: '1.50', first: 'x'.repeat(400) }));
    const content = Buffer.from(buyersCsv(rows));
    expect(content.length).toBeGreaterThan(UPLOAD_CHUNK_BYTES);
    const uploadId = await upload(dispatch, 'buyers.csv', content);

    const preview = await call<ImportPreview>(dispatch, 'import:preview', { uploadId });
    expect(preview).toMatchObject({ fileName: 'buyers.csv', preset: 'generic', size: content.length });
    expect(preview.summary).toMatchObject({ rows: 3000, invalidEmails: 3 });

    const progress: ImportProgress[] = [];
    const stop = s.services.events.subscribe((name, payload) => name === 'importProgress' && progress.push(payload as ImportProgress));
    const result = await call<ImportResult>(dispatch, 'import:run', { uploadId, mapping: preview.mapping });
    stop();
    expect(result).toMatchObject({ status: 'completed', rows: 3000, created: 2997, rejectedCount: 3, rejectsAvailable: true });
    expect(progress[0]).toMatchObject({ phase: 'reading', runId: result.runId, totalBytes: content.length });
    expect(progress.at(-1)).toMatchObject({ phase: 'done', rows: 3000, created: 2997 });

    const history = await call<Array<{ id: number; status: string }>>(dispatch, 'import:history', {});
    expect(history[0]).toMatchObject({ id: result.runId, status: 'completed' });
    const rejects = await call<{ fileName: string; text: string; nextOffset: number | null }>(dispatch, 'import:rejects', { runId: result.runId });
    expect(rejects.fileName).toBe('buyers-rejected.csv');
    expect(rejects.nextOffset).toBeNull();
    expect(rejects.text.split('\r\n').filter(Boolean)).toHaveLength(4);
    const presets = await call<Array<{ name: string; builtIn: boolean }>>(dispatch, 'import:presets', {});
    expect(presets.filter((p) => p.builtIn).map((p) => p.name)).toEqual(['eventbrite', 'tito', 'tickettailor', 'generic']);
    const saved = await call<{ name: string }>(dispatch, 'import:savePreset', { name: 'mine', mapping: preview.mapping });
    expect(saved.name).toBe('mine');
    // The upload is gone once imported.
    const gone = await dispatch('import:preview', { uploadId });
    expect(gone).toMatchObject({ ok: false, error: { message: 'That upload is gone; choose the file again.' } });
  });

  it('validates every request: sizes, ids, unknown keys, offsets', async () => {
    setup();
    const tooBig = await dispatch('import:upload', { fileName: 'a.csv', offset: 0, data: 'A'.repeat(2_000_000), done: false });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dispatch('import:preview', { uploadId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dispatch('import:history', { limit: 5, extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dispatch('import:savePreset', { name: 'x'.repeat(101), mapping: { preset: null, columns: [], dateOrder: 'MDY', decimal: '.' } })).toMatchObject({ ok: false });
    const { uploadId } = await call<{ uploadId: string }>(dispatch, 'import:upload', { fileName: 'a.csv', offset: 0, data: Buffer.from('Email\n').toString('base64'), done: false });
    expect(await dispatch('import:upload', { uploadId, fileName: 'a.csv', offset: 99, data: 'QQ==', done: true })).toMatchObject({
      ok: false,
      error: { message: 'Chunk at offset 99 but 6 bytes arrived so far.' },
    });
    const bad = await call<{ uploadId: string }>(dispatch, 'import:upload', { fileName: 'x.csv', offset: 0, data: Buffer.from([0, 0, 0, 1, 2, 0]).toString('base64'), done: true });
    expect(await dispatch('import:preview', { uploadId: bad.uploadId })).toMatchObject({ ok: false, error: { code: 'FAILED', message: expect.stringMatching(/looks binary/) } });
  });

  it('import:cancel stops a running import and leaves the store as it was', async () => {
    setup({ chunkRows: 50, progressEveryMs: 0, inline: true });
    const uploadId = await upload(dispatch, 'b.csv', Buffer.from(buyersCsv(Array.from({ length: 3000 }, (_, i) => ({ email: `p${i}@example.com`, orderId: `O${i}` })))));
    const preview = await call<ImportPreview>(dispatch, 'import:preview', { uploadId });
    let runId: number | null = null;
    const stop = s.services.events.subscribe((name, payload) => {
      const p = payload as ImportProgress;
      if (name === 'importProgress' && p.phase === 'reading' && p.rows >= 200 && runId === null) {
        runId = p.runId;
        void dispatch('import:cancel', { runId });
      }
    });
    const result = await call<ImportResult>(dispatch, 'import:run', { uploadId, mapping: preview.mapping });
    stop();
    expect(runId).not.toBeNull();
    expect(result).toMatchObject({ status: 'cancelled', error: 'Import cancelled; nothing was changed.' });
    expect(count(s.db, 'people')).toBe(0);
    expect(count(s.db, 'orders')).toBe(0);
  });
});

describe('a long import does not hold up other requests', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('answers other channels while rows are being written', async () => {
    s = sandbox();
    const dispatch = createDispatcher(createHandlers(s.services), s.services.logger);
    const rows = Array.from({ length: 120_000 }, (_, i) => ({ email: `p${i}@example.com`, orderId: `O${i}`, total: '1' }));
    const uploadId = await upload(dispatch, 'long.csv', Buffer.from(buyersCsv(rows)));
    const preview = await call<ImportPreview>(dispatch, 'import:preview', { uploadId });
    let writing = false;
    let done = false;
    const stop = s.services.events.subscribe((name, payload) => {
      const p = payload as ImportProgress;
      if (name !== 'importProgress') return;
      if (p.phase === 'reading' && p.rows > 0) writing = true;
      if (p.phase === 'done') done = true;
    });
    const running = call<ImportResult>(dispatch, 'import:run', { uploadId, mapping: preview.mapping });
    await expect.poll(() => writing, { timeout: 30_000, interval: 5 }).toBe(true);
    const counts = await call<{ people: number }>(dispatch, 'app:counts', {});
    expect(done).toBe(false);
    expect(counts.people).toBeGreaterThan(0);
    expect(counts.people).toBeLessThan(120_000);
    expect((await running).created).toBe(120_000);
    stop();
  }, 120_000);
});
