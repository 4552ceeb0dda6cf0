import { useState, type ReactElement } from 'react';
import type { DateOrder, DecimalMark, ImportDelimiter, ImportEncoding, ImportPreview, PresetInfo } from '../../../../shared/ipc/channels/import';
import { Badge, Card, Select, type SelectOption } from '../../components';
import { useImport } from './store';

const encodings: SelectOption<ImportEncoding>[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252' },
];
const delimiters: SelectOption<ImportDelimiter>[] = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];
const dateOrders: SelectOption<DateOrder>[] = [
  { value: 'MDY', label: 'MM/DD/YYYY' },
  { value: 'DMY', label: 'DD/MM/YYYY' },
  { value: 'YMD', label: 'YYYY/MM/DD' },
];
const decimals: SelectOption<DecimalMark>[] = [
  { value: '.', label: '1,234.56' },
  { value: ',', label: '1.234,56' },
];

const how = (detected: boolean): ReactElement => <Badge tone={detected ? 'success' : 'warning'}>{detected ? 'detected' : 'assumed'}</Badge>;

function Option({ label, children, badge }: { label: string; children: ReactElement; badge?: ReactElement }): ReactElement {
  return (
    <div className="import-option">
      <span className="import-option-label">
        {label} {badge}
      </span>
      {children}
    </div>
  );
}

/** The line the column names are on, for files whose title lines fooled the detection. */
function HeaderLine({ line, disabled, onChange }: { line: number; disabled: boolean; onChange: (line: number) => void }): ReactElement {
  const [value, setValue] = useState(String(line));
  const commit = () => {
    const n = Number(value);
    if (Number.isInteger(n) && n >= 1 && n <= 1000 && n !== line) onChange(n);
    else setValue(String(line));
  };
  return (
    <input
      className="input"
      type="number"
      min={1}
      max={1000}
      aria-label="Header row line"
      value={value}
      disabled={disabled}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/** How the file was read and the formats it was taken to use; every guess can be overridden. */
export function ReadOptionsCard({ preview, presets }: { preview: ImportPreview; presets: PresetInfo[] }): ReactElement {
  const { read, mapping, presetName, previewing } = useImport();
  const { reread, setFormats } = useImport.getState();
  const presetOptions: SelectOption<string>[] = [{ value: '', label: 'Detect from the header' }, ...presets.map((p) => ({ value: p.name, label: p.label }))];
  return (
    <Card title="How the file is read" description={`${preview.fileName} · ${(preview.size / 1024).toLocaleString(undefined, { maximumFractionDigits: 0 })} KB · header on line ${preview.headerLine}`}>
      <div className="import-options">
        <Option label="Encoding" badge={how(preview.encodingDetected)}>
          <Select aria-label="Encoding" value={read.encoding ?? preview.encoding} options={encodings} disabled={previewing} onChange={(encoding) => void reread({ ...read, encoding })} />
        </Option>
        <Option label="Delimiter" badge={how(preview.delimiterDetected)}>
          <Select aria-label="Delimiter" value={read.delimiter ?? preview.delimiter} options={delimiters} disabled={previewing} onChange={(delimiter) => void reread({ ...read, delimiter })} />
        </Option>
        <Option label="Preset" badge={preview.preset ? <Badge tone="accent">{preview.preset}</Badge> : undefined}>
          <Select aria-label="Preset" value={presetName ?? ''} options={presetOptions} disabled={previewing} onChange={(p) => void reread(read, p || null)} />
        </Option>
        <Option label="Header row" badge={read.headerLine ? undefined : how(true)}>
          <HeaderLine key={preview.headerLine} line={preview.headerLine} disabled={previewing} onChange={(headerLine) => void reread({ ...read, headerLine })} />
        </Option>
        <Option label="Dates" badge={how(preview.formats.dateOrderDetected)}>
          <Select aria-label="Date format" value={mapping?.dateOrder ?? preview.formats.dateOrder} options={dateOrders} onChange={(dateOrder) => setFormats({ dateOrder })} />
        </Option>
        <Option label="Amounts" badge={how(preview.formats.decimalDetected)}>
          <Select aria-label="Amount format" value={mapping?.decimal ?? preview.formats.decimal} options={decimals} onChange={(decimal) => setFormats({ decimal })} />
        </Option>
      </div>
    </Card>
  );
}
