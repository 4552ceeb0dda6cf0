/** One stage of a deal pipeline; deals carry its id in `dealstage`. */
export interface StageDef {
  id: string;
  label: string;
  displayOrder: number;
  /** HubSpot's stage metadata: win probability 0..1 and whether the stage closes the deal. */
  probability: number;
  isClosed: boolean;
}

export interface PipelineDef {
  id: string;
  label: string;
  displayOrder: number;
  stages: StageDef[];
}

const stage = (id: string, label: string, displayOrder: number, probability: number, isClosed = false): StageDef => ({
  id,
  label,
  displayOrder,
  probability,
  isClosed,
});

/** Every account's default deal pipeline, with HubSpot's stage ids and probabilities. */
const SALES_PIPELINE: PipelineDef = {
  id: 'default',
  label: 'Sales Pipeline',
  displayOrder: 0,
  stages: [
    stage('appointmentscheduled', 'Appointment Scheduled', 0, 0.2),
    stage('qualifiedtobuy', 'Qualified To Buy', 1, 0.4),
    stage('presentationscheduled', 'Presentation Scheduled', 2, 0.6),
    stage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, 0.8),
    stage('contractsent', 'Contract Sent', 4, 0.9),
    stage('closedwon', 'Closed Won', 5, 1, true),
    stage('closedlost', 'Closed Lost', 6, 0, true),
  ],
};

/** A second, custom pipeline as an organizer would add one; custom pipelines and stages get numeric ids. */
const EVENTS_PIPELINE: PipelineDef = {
  id: '75318642',
  label: 'Events',
  displayOrder: 1,
  stages: [
    stage('75318643', 'Order placed', 0, 0.5),
    stage('75318644', 'Closed won', 1, 1, true),
    stage('75318645', 'Closed lost', 2, 0, true),
  ],
};

export const DEAL_PIPELINES: readonly PipelineDef[] = [SALES_PIPELINE, EVENTS_PIPELINE];

export const DEFAULT_PIPELINE_ID = SALES_PIPELINE.id;

export function dealPipeline(id: string): PipelineDef | undefined {
  return DEAL_PIPELINES.find((p) => p.id === id);
}

export function pipelineStage(pipeline: PipelineDef, stageId: string): StageDef | undefined {
  return pipeline.stages.find((s) => s.id === stageId);
}
