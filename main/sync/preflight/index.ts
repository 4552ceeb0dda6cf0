/** Permission preflight: what the connected user may not do that the mappings need, with the fix. */
export { permissionIssues, type PermissionFacts } from './check-mapping';
export { permissionCheck } from './mapping-check';
export { assertPushAllowed, PushRefusedError, type PermissionProblem, type PushGateContext } from './push-gate';
export { preflightReport, type PreflightDeps } from './report';
export { crmName, grantsOf, permissionFacts } from './facts';
