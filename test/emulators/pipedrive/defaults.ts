import type { Ctx } from './context';
import type { EntityKind, Patch, RecordOf } from './model';

type NewRecord<K extends EntityKind> = Omit<RecordOf[K], 'id' | 'update_time' | 'delete_time'>;

/** A complete new record: what the request set, Pipedrive's defaults for the rest. */
export function newRecord<K extends EntityKind>(ctx: Ctx, kind: K, patch: Patch<K>): NewRecord<K> {
  const base = {
    owner_id: ctx.users[0].id,
    visible_to: 3,
    label_ids: [],
    add_time: ctx.store.stamp(),
    custom: {},
  };
  const specific = {
    person: { name: '', first_name: null, last_name: null, org_id: null, emails: [], phones: [], marketing_status: null },
    organization: { name: '', address: null },
    deal: {
      title: '',
      person_id: null,
      org_id: null,
      pipeline_id: ctx.pipelines[0].id,
      stage_id: ctx.stages.find((s) => s.pipeline_id === ctx.pipelines[0].id)?.id ?? 1,
      value: 0,
      currency: ctx.company.currency,
      status: 'open',
      probability: null,
      lost_reason: null,
      expected_close_date: null,
      stage_change_time: null,
      won_time: null,
      lost_time: null,
      close_time: null,
      is_archived: false,
      archive_time: null,
    },
  }[kind];
  return { ...base, ...specific, ...patch } as NewRecord<K>;
}
