import type { RegisterCommand } from './index';
import { interruptible, runJson, showProgress, usage } from './push';

interface PullFlags {
  object?: string;
  createPeople?: boolean;
}

/** `pull <provider|connectionId>`: CRM changes since the last pull come into the local store. */
export const registerPull: RegisterCommand = (program, ctx) => {
  program
    .command('pull')
    .description('pull CRM changes since the last pull into the local store (conflicts follow the policy and are logged)')
    .argument('<target>', 'salesforce | hubspot | pipedrive, or a connection id')
    .option('--object <name>', 'only this object (Contact, contacts, persons, ...)')
    .option('--create-people', 'CRM records that match no local person become new people')
    .action(async (target: string, flags: PullFlags) => {
      const c = ctx();
      const s = c.open();
      const stop = interruptible();
      const unsubscribe = showProgress(c, s);
      try {
        const run = await usage(() => s.sync.pull({ connectionId: target, object: flags.object, createPeople: flags.createPeople, trigger: 'cli', signal: stop.signal }));
        const conflicts = run.conflicts > 0 ? s.sync.conflicts({ runId: run.id, limit: 20 }) : [];
        c.out(runJson(run), () =>
          [
            run.message ?? `Pull ${run.status}.`,
            ...conflicts.map((x) => `  conflict ${x.crmField} of ${x.localKind} ${x.localId}: local "${x.localValue ?? ''}" vs CRM "${x.crmValue ?? ''}" → kept ${x.winner === 'crm' ? 'the CRM value' : 'the local value'} (${x.policy})`),
          ].join('\n'),
        );
        if (run.status === 'failed') process.exitCode = 1;
      } finally {
        unsubscribe();
        stop.dispose();
      }
    });
};
