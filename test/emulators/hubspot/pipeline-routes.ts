import { json, type EmuRequest, type Router } from '../common/http';
import { guard, objectTypeParam, scopeByParam, type ApiContext } from './api';
import { HubApiError, validationError } from './errors';
import { DEAL_PIPELINES, dealPipeline, pipelineStage, type PipelineDef, type StageDef } from './pipeline-data';

const DEFINED_AT = '2019-08-06T02:41:09.148Z';

function toApiStage(stage: StageDef) {
  return {
    id: stage.id,
    label: stage.label,
    displayOrder: stage.displayOrder,
    // HubSpot sends metadata values as strings.
    metadata: { isClosed: String(stage.isClosed), probability: stage.probability.toFixed(1) },
    createdAt: DEFINED_AT,
    updatedAt: DEFINED_AT,
    archived: false,
    writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
  };
}

function toApiPipeline(pipeline: PipelineDef) {
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    stages: pipeline.stages.map(toApiStage),
    createdAt: DEFINED_AT,
    updatedAt: DEFINED_AT,
    archived: false,
  };
}

/** Only deals have pipelines here (HubSpot also has them for tickets and some newer objects). */
function dealsOnly(req: EmuRequest): void {
  const type = objectTypeParam(req.params);
  if (type !== 'deals') throw validationError(`Object type ${type} does not have pipelines.`);
}

function requirePipeline(id: string): PipelineDef {
  const pipeline = dealPipeline(id);
  if (!pipeline) throw new HubApiError(404, 'OBJECT_NOT_FOUND', `Pipeline ${id} does not exist.`, { context: { pipelineId: [id] } });
  return pipeline;
}

function requireStage(pipeline: PipelineDef, id: string): StageDef {
  const stage = pipelineStage(pipeline, id);
  if (!stage) throw new HubApiError(404, 'OBJECT_NOT_FOUND', `Stage ${id} does not exist in pipeline ${pipeline.id}.`, { context: { stageId: [id] } });
  return stage;
}

/** Read-only CRM pipelines v3: the deal pipelines and their stages. */
export function registerPipelineRoutes(router: Router, ctx: ApiContext): void {
  const read = { scopes: scopeByParam('read'), limit: 'general' as const };
  const base = '/crm/v3/pipelines/:objectType';
  router
    .on(
      'GET',
      base,
      guard(ctx, read, (req) => {
        dealsOnly(req);
        return json(200, { results: DEAL_PIPELINES.map(toApiPipeline) });
      }),
    )
    .on(
      'GET',
      `${base}/:pipelineId`,
      guard(ctx, read, (req) => {
        dealsOnly(req);
        return json(200, toApiPipeline(requirePipeline(req.params.pipelineId)));
      }),
    )
    .on(
      'GET',
      `${base}/:pipelineId/stages`,
      guard(ctx, read, (req) => {
        dealsOnly(req);
        return json(200, { results: requirePipeline(req.params.pipelineId).stages.map(toApiStage) });
      }),
    )
    .on(
      'GET',
      `${base}/:pipelineId/stages/:stageId`,
      guard(ctx, read, (req) => {
        dealsOnly(req);
        return json(200, toApiStage(requireStage(requirePipeline(req.params.pipelineId), req.params.stageId)));
      }),
    );
}
