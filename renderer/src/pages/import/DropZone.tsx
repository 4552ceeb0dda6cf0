import { useRef, useState, type DragEvent, type ReactElement } from 'react';
import { Button, Icon } from '../../components';
import { cx } from '../../components/cx';

interface DropZoneProps {
  onFile: (file: File) => void;
}

/** Drop a CSV here or pick one; nothing is written until the preview is confirmed. */
export function DropZone({ onFile }: DropZoneProps): ReactElement {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <div
      className={cx('import-drop', over && 'import-drop-over')}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      <span className="import-drop-icon">
        <Icon name="upload" size={28} />
      </span>
      <h2 className="import-drop-title">Drop a CSV export here</h2>
      <p className="import-drop-text">
        Eventbrite attendee reports, Ticket Tailor and Tito exports and any buyer list. Nothing is written until you have checked the preview.
      </p>
      <Button variant="primary" icon="folder" onClick={() => input.current?.click()}>
        Choose a CSV file
      </Button>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        className="sr-only"
        aria-label="CSV file to import"
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
    </div>
  );
}
