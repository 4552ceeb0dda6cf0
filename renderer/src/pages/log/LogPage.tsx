import { useEffect, useState, type ReactElement } from 'react';
import { Page, Tabs } from '../../components';
import { useLog } from '../../stores/log';
import { AuditList } from './AuditList';
import { LiveLog } from './LiveLog';

type LogTab = 'audit' | 'live';

export function LogPage(): ReactElement {
  const [tab, setTab] = useState<LogTab>('audit');
  const total = useLog((s) => s.total);
  const liveCount = useLog((s) => s.live.length);
  useEffect(() => {
    void useLog.getState().load();
  }, []);

  return (
    <Page title="Log" description="Everything the app changed, and its log as it is written.">
      <Tabs
        label="Log views"
        active={tab}
        onChange={setTab}
        tabs={[
          { key: 'audit', label: 'Activity', count: total ?? undefined },
          { key: 'live', label: 'Live log', count: liveCount },
        ]}
      >
        {tab === 'audit' ? <AuditList /> : <LiveLog />}
      </Tabs>
    </Page>
  );
}
