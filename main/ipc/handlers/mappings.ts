import type { AppServices } from '../../services/app-services';
import { UserFacingError, type DomainHandlers } from '../dispatcher';
import { isProviderError } from '../../providers/errors';
import { MappingUserError } from '../../sync/mapping/service';
import { issueView } from '../../sync/mapping/editor/views';
import type { ObjectMapping } from '../../sync/mapping/model';
import type { ObjectMappingDraft } from '../../../shared/ipc/channels/mappings';

// The wire shape in shared/ is written by hand (shared/ may not import main): keep it equal to the model.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const wireMatchesModel: Same<ObjectMapping, ObjectMappingDraft> = true;
void wireMatchesModel;

/** CRM refusals and editor mistakes keep their message; the dispatcher logs and redacts anything else. */
async function userFacing<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof MappingUserError) throw new UserFacingError(err.message, 'MAPPING');
    if (isProviderError(err)) throw new UserFacingError(err.message, err.code);
    throw err;
  }
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (err) {
    throw new MappingUserError(`The file is not JSON: ${err instanceof Error ? err.message : String(err)}.`);
  }
}

export const mappingHandlers = (s: AppServices): DomainHandlers<'mappings'> => ({
  'mappings:objects': ({ connectionId }) => userFacing(() => s.mappings.objects(connectionId)),
  'mappings:get': ({ connectionId, object, refresh }) => userFacing(() => s.mappings.get(connectionId, object, refresh)),
  'mappings:validate': ({ connectionId, object, mapping }) => userFacing(async () => ({ issues: (await s.mappings.validate(connectionId, object, mapping)).map(issueView) })),
  'mappings:save': ({ connectionId, object, mapping }) => userFacing(() => s.mappings.save(connectionId, object, mapping)),
  'mappings:reset': ({ connectionId, object }) => userFacing(() => s.mappings.reset(connectionId, object)),
  'mappings:preview': ({ connectionId, object, ...opts }) => userFacing(() => s.mappings.preview(connectionId, object, opts)),
  'mappings:unmappedValues': ({ connectionId, object, mapping }) => userFacing(() => s.mappings.unmappedValues(connectionId, object, mapping)),
  'mappings:localValues': ({ localKind, localField, transforms, limit }) => userFacing(() => s.mappings.localValues(localKind, localField, transforms, limit)),
  'mappings:export': ({ connectionId }) => userFacing(() => s.mappings.exportFile(connectionId)),
  'mappings:import': ({ connectionId, content }) => userFacing(() => s.mappings.importDoc(connectionId, parseJson(content))),
  'mappings:refreshMetadata': ({ connectionId, object }) => userFacing(() => s.mappings.refresh(connectionId, object)),
});
