import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, rmSync, existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../shared/ipc/channels/import';

export class UploadError extends Error {}

const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Files sent from the renderer in chunks (a browser cannot hand main a path), kept in the data
 * folder until imported or a day old. Ids are random UUIDs; names never come from the renderer.
 */
export class UploadStore {
  constructor(private dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private paths(id: string): { data: string; meta: string } {
    if (!/^[a-f0-9-]{36}$/.test(id)) throw new UploadError('Not an upload id.');
    return { data: join(this.dir, `${id}.csv`), meta: join(this.dir, `${id}.json`) };
  }

  /** Appends one chunk; `offset` must be the size so far, so a lost or repeated chunk is caught. */
  write(req: { uploadId?: string; fileName: string; offset: number; data: Buffer }): { uploadId: string; size: number } {
    const id = req.uploadId ?? randomUUID();
    const p = this.paths(id);
    if (!req.uploadId) {
      if (req.offset !== 0) throw new UploadError('A new upload starts at offset 0.');
      writeFileSync(p.meta, JSON.stringify({ fileName: req.fileName }));
      writeFileSync(p.data, '');
    } else if (!existsSync(p.data)) throw new UploadError('That upload is gone; choose the file again.');
    const size = statSync(p.data).size;
    if (req.offset !== size) throw new UploadError(`Chunk at offset ${req.offset} but ${size} bytes arrived so far.`);
    if (size + req.data.length > MAX_UPLOAD_BYTES) throw new UploadError(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    appendFileSync(p.data, req.data);
    return { uploadId: id, size: size + req.data.length };
  }

  get(id: string): { path: string; fileName: string } {
    const p = this.paths(id);
    if (!existsSync(p.data) || !existsSync(p.meta)) throw new UploadError('That upload is gone; choose the file again.');
    const meta = JSON.parse(readFileSync(p.meta, 'utf8')) as { fileName: string };
    return { path: p.data, fileName: meta.fileName };
  }

  discard(id: string): boolean {
    const p = this.paths(id);
    const had = existsSync(p.data);
    rmSync(p.data, { force: true });
    rmSync(p.meta, { force: true });
    return had;
  }

  /** Best effort: an upload nobody imported within a day is deleted. */
  sweep(now = Date.now()): void {
    for (const name of readdirSync(this.dir)) {
      const file = join(this.dir, name);
      try {
        if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
      } catch {
        // raced with another sweep or a discard
      }
    }
  }
}
