import { useEffect, type ReactElement } from 'react';
import { Button, Card, EmptyState, FieldRow, Page, Spinner, toast } from '../../components';
import { useAppInfo } from '../../stores/app-info';
import { useSettings } from '../../stores/settings';
import { SelectSetting, SwitchSetting, TextSetting, httpsUrl, integerIn, optionalIntegerIn, optionalText } from './setting-fields';
import { SchedulesSection } from './SchedulesSection';
import { BackupDataSection } from './BackupDataSection';

function DataFolder(): ReactElement {
  const dataDir = useAppInfo((s) => s.info?.dataDir);
  const copy = (): void => {
    if (!dataDir) return;
    navigator.clipboard.writeText(dataDir).then(
      () => toast.success('Data folder path copied.'),
      () => toast.error('Could not copy to the clipboard; select the path and copy it by hand.'),
    );
  };
  return (
    <FieldRow label="Data folder" description="The local store, logs and backups live here. Start with --data-dir to use another.">
      {({ id }) => (
        <span className="path-field">
          <output id={id} className="path mono">
            {dataDir ?? '—'}
          </output>
          <Button size="sm" icon="copy" onClick={copy} disabled={!dataDir}>
            Copy
          </Button>
        </span>
      )}
    </FieldRow>
  );
}

export function SettingsPage(): ReactElement {
  const values = useSettings((s) => s.values);
  const load = useSettings((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  if (!values) {
    return (
      <Page title="Settings" description="How the app looks, syncs, keeps data and talks to your CRMs.">
        <Card>
          <EmptyState icon="settings" title="Loading settings" action={<Button onClick={() => void load()}>Try again</Button>}>
            <Spinner label="Loading settings" />
          </EmptyState>
        </Card>
      </Page>
    );
  }

  return (
    <Page title="Settings" description="How the app looks, syncs, keeps data and talks to your CRMs. Changes save as you make them.">
      <div className="settings">
        <Card title="Appearance">
          <SelectSetting
            settingKey="ui.theme"
            label="Theme"
            description="Follow the system, or always use light or dark."
            options={[
              { value: 'system', label: 'Match system' },
              { value: 'light', label: 'Light' },
              { value: 'dark', label: 'Dark' },
            ]}
          />
        </Card>
        <Card title="Sync">
          <SelectSetting
            settingKey="sync.conflictPolicy"
            label="When both sides changed"
            description="Which value wins when a field was edited locally and in the CRM since the last sync."
            options={[
              { value: 'crm-wins', label: 'CRM wins' },
              { value: 'local-wins', label: 'Local wins' },
              { value: 'newest-wins', label: 'Newest change wins' },
            ]}
          />
          <TextSetting
            settingKey="sync.maxAttempts"
            label="Attempts per change"
            description="How often a failed push or pull is retried before it is set aside for you to look at."
            parse={integerIn(1, 20, 'Attempts')}
            inputMode="numeric"
            width="narrow"
          />
          <TextSetting
            settingKey="sync.bulkThreshold"
            label="Bulk API from"
            description="Pushes of at least this many records use the CRM's bulk API, which saves API calls."
            parse={integerIn(1, 10_000_000, 'The bulk threshold')}
            inputMode="numeric"
            width="narrow"
            suffix="records"
          />
        </Card>
        <Card title="Data">
          <TextSetting
            settingKey="retention.days"
            label="Keep history for"
            description="Finished queue items and audit entries older than this are removed."
            parse={integerIn(1, 3650, 'Retention')}
            inputMode="numeric"
            width="narrow"
            suffix="days"
          />
          <DataFolder />
        </Card>
        <SchedulesSection />
        <BackupDataSection />
        <Card title="CRM apps" description="Only needed if you use your own connected app instead of the built-in one.">
          <TextSetting
            settingKey="salesforce.loginUrl"
            label="Salesforce login URL"
            description="Use https://test.salesforce.com for sandboxes, or your My Domain address."
            parse={httpsUrl}
            inputMode="url"
            placeholder="https://login.salesforce.com"
          />
          <TextSetting
            settingKey="salesforce.clientId"
            label="Salesforce client ID"
            description="The consumer key of your connected app."
            parse={optionalText}
            placeholder="Built-in app"
          />
          <TextSetting
            settingKey="hubspot.clientId"
            label="HubSpot client ID"
            description="The client ID of your HubSpot app."
            parse={optionalText}
            placeholder="Built-in app"
          />
          <TextSetting
            settingKey="oauth.callbackPort"
            label="Sign-in callback port"
            description="Browser sign-in returns to http://localhost:PORT/callback, which must match the callback URL registered in your CRM app. Leave empty for the standard port 47411; 0 picks any free port (only for CRMs that accept any loopback port)."
            parse={optionalIntegerIn(0, 65535, 'The callback port')}
            inputMode="numeric"
            width="narrow"
            placeholder="47411"
          />
        </Card>
        <Card title="Diagnostics">
          <SwitchSetting
            settingKey="log.debug"
            label="Debug logging"
            description="Write every request to the log (secrets are always redacted). Turn off when done."
            onSaved={() => void useAppInfo.getState().loadInfo()}
          />
        </Card>
      </div>
    </Page>
  );
}
