import type { AppServices } from '../../services/app-services';
import { UserFacingError, type DomainHandlers } from '../dispatcher';
import { createImportService, ImportUsageError, type ImportService } from '../../import/service';
import { ImportFileError } from '../../import/source/csv-file';
import { UploadError } from '../../import/uploads';

/** Errors about the file or the request are the user's to act on; show them as they are. */
async function userFacing<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ImportFileError || err instanceof ImportUsageError || err instanceof UploadError) throw new UserFacingError(err.message);
    throw err;
  }
}

export const importHandlers = (s: AppServices, service: ImportService = createImportService(s)): DomainHandlers<'import'> => ({
  'import:upload': (req) => userFacing(() => service.upload(req)),
  'import:discard': ({ uploadId }) => userFacing(() => ({ ok: service.discard(uploadId) })),
  'import:preview': ({ uploadId, read, preset }) => userFacing(() => service.preview(uploadId, read, preset)),
  'import:run': ({ uploadId, read, mapping, dryRun }) => userFacing(() => service.runUpload(uploadId, mapping, read, dryRun)),
  'import:cancel': ({ runId }) => ({ cancelled: service.cancel(runId) }),
  'import:history': ({ limit }) => service.history(limit),
  'import:rejects': ({ runId, offset }) => userFacing(() => service.rejects(runId, offset)),
  'import:presets': () => service.presets(),
  'import:savePreset': ({ name, label, mapping }) => userFacing(() => service.savePreset(name, label, mapping)),
  'import:deletePreset': ({ name }) => ({ deleted: service.deletePreset(name) }),
});
