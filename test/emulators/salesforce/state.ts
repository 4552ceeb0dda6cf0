import type { ApiUsage } from './api';
import type { ConnectedApp, Tokens } from './auth';
import type { BulkJobs } from './bulk2/jobs';
import type { Dml } from './dml';
import type { Org } from './org';
import type { QueryCursors } from './routes/queryCursors';

export interface SfConfig {
  apps: ConnectedApp[];
  autoApprove: boolean;
  oldestVersion: number;
  latestVersion: number;
}

/** Everything the Salesforce routes share. One per emulator instance. */
export interface SfState {
  org: Org;
  dml: Dml;
  tokens: Tokens;
  usage: ApiUsage;
  cursors: QueryCursors;
  jobs: BulkJobs;
  config: SfConfig;
}
