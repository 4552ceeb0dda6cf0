import type { MappingCheck } from '../mapping/service';
import { permissionIssues } from './check-mapping';
import { permissionFacts } from './facts';

/**
 * The preflight as one of the mapping service's extra checks: the Mappings page shows what the
 * connected user may not do next to the fields it concerns, and saving waits for the fix.
 */
export const permissionCheck: MappingCheck = async (mapping, meta, provider) => permissionIssues(mapping, meta, await permissionFacts(provider));
