import type { FieldRegistry } from './fields';
import type { Company, Pipeline, Stage, User } from './model';
import type { Store } from './store';

/** Everything route handlers and views read: records, field metadata and account settings. */
export interface Ctx {
  store: Store;
  fields: FieldRegistry;
  company: Company;
  users: User[];
  pipelines: Pipeline[];
  stages: Stage[];
  now: () => number;
}

export type Version = 'v1' | 'v2';
