import { invalidProperties } from './errors';
import type { ObjectType } from './object-types';
import { dealPipeline, DEFAULT_PIPELINE_ID } from './pipeline-data';
import type { Changes } from './records';
import type { StoredRecord } from './store';

/**
 * A deal's stage must be a stage of its own pipeline. The enumeration check already knows every stage of
 * every pipeline; this catches a stage of the wrong pipeline, on create and on any change to either value.
 */
export function checkDealStage(type: ObjectType, changes: Changes, current?: StoredRecord): void {
  if (type !== 'deals' || (!changes.has('dealstage') && !changes.has('pipeline'))) return;
  const stage = changes.has('dealstage') ? changes.get('dealstage') : current?.properties.dealstage;
  if (stage === null || stage === undefined) return;
  const pipelineId = (changes.has('pipeline') ? changes.get('pipeline') : current?.properties.pipeline) ?? DEFAULT_PIPELINE_ID;
  const pipeline = dealPipeline(pipelineId);
  if (!pipeline || pipeline.stages.some((s) => s.id === stage)) return;
  const allowed = pipeline.stages.map((s) => s.id).join(', ');
  throw invalidProperties([
    { name: 'dealstage', error: 'INVALID_OPTION', message: `${stage} is not a valid stage of pipeline ${pipelineId}; allowed stages: [${allowed}]` },
  ]);
}
