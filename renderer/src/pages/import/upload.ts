import { UPLOAD_CHUNK_BYTES } from '../../../../shared/ipc/channels/import';
import { api } from '../../api';

/** One slice of the file as base64 (FileReader does the encoding natively, without a huge string on the JS side). */
function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends a dropped or picked file to main in 1 MiB chunks: a browser page cannot hand main a
 * path, and a 50 MB export must not travel as one message. The same path works in Electron.
 */
export async function uploadFile(file: File, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    if (signal?.aborted) throw new DOMException('Upload cancelled', 'AbortError');
    const part = file.slice(offset, offset + UPLOAD_CHUNK_BYTES);
    const data = await readBase64(part);
    const done = offset + part.size >= file.size;
    const r = await api.import.upload({ uploadId, fileName: file.name.slice(0, 255) || 'import.csv', offset, data, done });
    uploadId = r.uploadId;
    offset = r.size;
    onProgress(offset);
  } while (offset < file.size);
  return uploadId;
}

/** Saves a run's rejected rows, fetched in pieces, as a CSV download. */
export async function downloadRejects(runId: number): Promise<void> {
  const parts: string[] = [];
  let fileName = 'rejected-rows.csv';
  let offset: number | null = 0;
  while (offset !== null) {
    const piece = await api.import.rejects({ runId, offset });
    parts.push(piece.text);
    fileName = piece.fileName;
    offset = piece.nextOffset;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
