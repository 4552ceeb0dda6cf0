/** Dashboard metrics: samples of queue depth and API usage over time, and the aggregations Home charts. */
export { MetricsSampler, type MetricsSamplerDeps } from './sampler';
export { dashboardOverview, type OverviewOptions } from './overview';
export { attentionItems, type AttentionSources, type MappingProblem } from './attention';
export { insertSamples, pruneSamples, countSamples, latestSamples, type MetricSample, type QueueDepth, type SampledUsage, type SampleTrigger } from './samples-store';
export { queueDepths } from './queue-depth';
export { bucketLayout, BUCKET_MS } from './series';
export { lastDays, localDay } from './days';
