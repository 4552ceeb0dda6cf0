import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { SettingKey, SettingValue } from '../../../../shared/ipc/channels/settings';
import { FieldRow, Icon, Select, Spinner, Switch, type SelectOption } from '../../components';
import { useSettings } from '../../stores/settings';

interface BaseProps {
  settingKey: SettingKey;
  label: string;
  description?: string;
}

/** "Saving…" while main stores the value, then a short-lived "Saved". */
function useSaveStatus(key: SettingKey): { status: ReactElement | null; save: (v: SettingValue) => Promise<boolean> } {
  const saving = useSettings((s) => Boolean(s.saving[key]));
  const store = useSettings((s) => s.save);
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = async (v: SettingValue): Promise<boolean> => {
    const ok = await store(key, v);
    if (ok) {
      setSaved(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setSaved(false), 2000);
    }
    return ok;
  };
  const status = saving ? (
    <Spinner size={14} label="Saving" />
  ) : saved ? (
    <span className="saved" role="status">
      <Icon name="check" size={14} /> Saved
    </span>
  ) : null;
  return { status, save };
}

const useValue = (key: SettingKey): SettingValue | undefined => useSettings((s) => s.values?.[key]);

export function SwitchSetting({ settingKey, label, description, onSaved }: BaseProps & { onSaved?: () => void }): ReactElement {
  const value = useValue(settingKey) === true;
  const { status, save } = useSaveStatus(settingKey);
  return (
    <FieldRow label={label} description={description} status={status}>
      {({ id, describedBy }) => (
        <Switch
          id={id}
          describedBy={describedBy}
          checked={value}
          onChange={(v) => void save(v).then((ok) => ok && onSaved?.())}
        />
      )}
    </FieldRow>
  );
}

export function SelectSetting<V extends string>({ settingKey, label, description, options }: BaseProps & { options: SelectOption<V>[] }): ReactElement {
  const value = String(useValue(settingKey) ?? options[0].value) as V;
  const { status, save } = useSaveStatus(settingKey);
  return (
    <FieldRow label={label} description={description} status={status}>
      {({ id, describedBy }) => (
        <Select id={id} aria-describedby={describedBy} value={value} options={options} onChange={(v) => void save(v)} />
      )}
    </FieldRow>
  );
}

interface TextLikeProps extends BaseProps {
  /** Turns the typed text into the value to store, or an error message for the person. */
  parse: (text: string) => { value: SettingValue } | { error: string };
  placeholder?: string;
  inputMode?: 'numeric' | 'url' | 'text';
  width?: 'narrow' | 'wide';
  suffix?: string;
}

/** A text or number setting: edited freely, validated and saved on Enter or when focus leaves. */
export function TextSetting({ settingKey, label, description, parse, placeholder, inputMode = 'text', width = 'wide', suffix }: TextLikeProps): ReactElement {
  const stored = useValue(settingKey);
  const storedText = stored === null || stored === undefined ? '' : String(stored);
  const [text, setText] = useState(storedText);
  const [error, setError] = useState<string | null>(null);
  const { status, save } = useSaveStatus(settingKey);

  useEffect(() => setText(storedText), [storedText]);

  const commit = (): void => {
    if (text === storedText) {
      setError(null);
      return;
    }
    const parsed = parse(text);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    void save(parsed.value);
  };

  return (
    <FieldRow label={label} description={description} status={status} error={error}>
      {({ id, describedBy, invalid }) => (
        <span className="input-with-suffix">
          <input
            id={id}
            className={`input input-${width}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            inputMode={inputMode === 'url' ? 'url' : inputMode === 'numeric' ? 'numeric' : undefined}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') {
                setText(storedText);
                setError(null);
              }
            }}
          />
          {suffix && <span className="input-suffix">{suffix}</span>}
        </span>
      )}
    </FieldRow>
  );
}

/** Parsers for TextSetting. */
export const integerIn =
  (min: number, max: number, what: string) =>
  (text: string): { value: number } | { error: string } => {
    const n = Number(text.replace(/[\s,_]/g, ''));
    if (!Number.isInteger(n) || n < min || n > max) return { error: `${what} must be a whole number from ${min.toLocaleString()} to ${max.toLocaleString()}.` };
    return { value: n };
  };

export const optionalText = (text: string): { value: string | null } => ({ value: text.trim() || null });

/** Empty means "no override"; otherwise a whole number in range. */
export const optionalIntegerIn =
  (min: number, max: number, what: string) =>
  (text: string): { value: number | null } | { error: string } =>
    text.trim() === '' ? { value: null } : integerIn(min, max, what)(text);

export const httpsUrl = (text: string): { value: string } | { error: string } => {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'https:') return { error: 'Use an https:// address.' };
    return { value: url.origin };
  } catch {
    return { error: 'Enter a full address, such as https://login.salesforce.com.' };
  }
};
