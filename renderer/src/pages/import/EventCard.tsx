import { useState, type ReactElement } from 'react';
import type { ImportMapping } from '../../../../shared/ipc/channels/import';
import { Card } from '../../components';
import { useImport } from './store';

/**
 * The event these rows belong to, for files that name none (an Eventbrite attendee report is
 * one file per event) and for rows whose event cell is empty.
 */
export function EventCard({ mapping }: { mapping: ImportMapping }): ReactElement {
  const hasColumn = mapping.columns.some((c) => c.target === 'event.name');
  const [name, setName] = useState(mapping.event?.name ?? '');
  const [date, setDate] = useState(mapping.event?.date ?? '');
  const apply = (n: string, d: string) => useImport.getState().setEvent(n.trim() ? { name: n.trim().slice(0, 200), ...(d ? { date: d } : {}) } : null);
  return (
    <Card
      title="Event"
      description={hasColumn ? 'The file names an event on each row; this one is used where that cell is empty.' : 'The file names no event: say which one these people registered for.'}
    >
      <div className="import-options">
        <label className="import-option">
          <span className="import-option-label">Event name</span>
          <input
            className="input"
            value={name}
            maxLength={200}
            placeholder={hasColumn ? 'From the file' : 'e.g. Spring Summit 2025'}
            onChange={(e) => {
              setName(e.target.value);
              apply(e.target.value, date);
            }}
          />
        </label>
        <label className="import-option">
          <span className="import-option-label">Event date</span>
          <input
            className="input"
            type="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              apply(name, e.target.value);
            }}
          />
        </label>
      </div>
    </Card>
  );
}
