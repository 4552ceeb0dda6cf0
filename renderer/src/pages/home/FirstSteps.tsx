import type { ReactElement } from 'react';
import { Badge, Button, Card, Icon } from '../../components';
import { useAppInfo } from '../../stores/app-info';
import { useNavigation } from '../../stores/navigation';
import { nextSteps, type NextStep } from './next-steps';
import { TryDemoCard } from './TryDemoCard';
import { offersDemo } from './demo-offer';

function StepItem({ step, primary, index }: { step: NextStep; primary: boolean; index: number }): ReactElement {
  const go = useNavigation((s) => s.go);
  return (
    <li className={`step${step.done ? ' step-done' : ''}`}>
      <span className="step-marker" aria-hidden="true">
        {step.done ? <Icon name="check" size={14} /> : index + 1}
      </span>
      <div className="step-text">
        <div className="step-title">
          {step.title}
          {step.done && <Badge tone="success">Done</Badge>}
        </div>
        <p>{step.blockedBy ?? step.text}</p>
      </div>
      {!step.done && (
        <Button variant={primary ? 'primary' : 'secondary'} size="sm" disabled={Boolean(step.blockedBy)} onClick={() => go(step.page)}>
          {step.action}
        </Button>
      )}
    </li>
  );
}

/** Facts about this installation (version, schema, shell, data folder). */
export function InstallationCard(): ReactElement {
  const info = useAppInfo((s) => s.info);
  return (
    <Card title="This installation">
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info?.version ?? '—'}</dd>
        <dt>Store schema</dt>
        <dd>{info ? `v${info.schemaVersion}` : '—'}</dd>
        <dt>Running as</dt>
        <dd>{info ? (info.shell === 'electron' ? 'Desktop app' : 'Browser (local host)') : '—'}</dd>
        <dt>Data folder</dt>
        <dd className="mono break">{info?.dataDir ?? '—'}</dd>
      </dl>
    </Card>
  );
}

/** Home before anything was synced: the demo offer on a blank install, and the four steps to a first sync. */
export function FirstSteps(): ReactElement {
  const counts = useAppInfo((s) => s.counts);
  const info = useAppInfo((s) => s.info);
  const steps = counts ? nextSteps(counts) : [];
  const firstOpen = steps.find((s) => !s.done && !s.blockedBy)?.id;
  return (
    <>
      {offersDemo(counts, info?.demo) && <TryDemoCard />}
      <div className="home-columns">
        <Card title="Next steps" description="Four steps from a ticketing export to an up-to-date CRM.">
          <ol className="steps">
            {steps.map((s, i) => (
              <StepItem key={s.id} step={s} index={i} primary={s.id === firstOpen} />
            ))}
          </ol>
        </Card>
        <InstallationCard />
      </div>
    </>
  );
}
