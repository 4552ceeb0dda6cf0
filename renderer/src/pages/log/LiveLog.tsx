import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Badge, Button, EmptyState, type BadgeTone } from '../../components';
import { formatTime, plural } from '../../lib/format';
import { useLog, type LogLine } from '../../stores/log';

const levelTone: Record<LogLine['level'], BadgeTone> = { error: 'danger', warn: 'warning', info: 'info', debug: 'neutral' };

/** The app's log as it is written (already redacted by main), newest at the bottom. */
export function LiveLog(): ReactElement {
  const lines = useLog((s) => s.live);
  const clear = useLog((s) => s.clearLive);
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines, follow]);

  return (
    <>
      <div className="toolbar">
        <span className="muted">{plural(lines.length, 'line')} since the window opened</span>
        <span className="toolbar-spacer" />
        <Button icon={follow ? 'pause' : 'play'} aria-pressed={follow} onClick={() => setFollow(!follow)}>
          {follow ? 'Following' : 'Follow'}
        </Button>
        <Button icon="trash" disabled={lines.length === 0} onClick={clear}>
          Clear
        </Button>
      </div>
      <div className="card">
        {lines.length === 0 ? (
          <EmptyState icon="log" title="Waiting for log lines">
            <p>
              Lines appear here as the app writes them. Turn on debug logging in Settings to see every request the app
              makes.
            </p>
          </EmptyState>
        ) : (
          <div className="live-log" ref={box} role="log" aria-label="Live log" tabIndex={0}>
            {lines.map((l) => (
              <div key={l.seq} className={`log-line log-${l.level}`}>
                <span className="log-time">{formatTime(l.at)}</span>
                <Badge tone={levelTone[l.level]}>{l.level}</Badge>
                <span className="log-message">{l.message}</span>
              </div>
            ))}
          </div>
        )}
      </div>
    </>
  );
}
