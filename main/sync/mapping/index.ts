/** Mapping model, validation against CRM metadata, apply functions and default mappings. */
export * from './model';
export { localFields, localField, type LocalField, type LocalRecord, type LocalType } from './local-fields';
export { validateMapping } from './validate';
export { applyPush, type PushContext, type PushPayload, type LookupResolver } from './apply-push';
export { applyPull, pullFields, type PullUpdates } from './apply-pull';
export { findUnmappedPicklistValues, type UnmappedValue } from './picklists';
export { resolveConflict, type ConflictSides } from './conflict';
export { hasErrors, type MappingIssue } from './issues';
export { splitFullName } from './transforms';
export { toCrmValue, toLocalValue } from './coerce';
export { defaultMappings, defaultObjects, defaultMappingFor, materializeDefault, type DefaultObjectMapping, type ProviderDefaults, type DefaultField } from './defaults';
