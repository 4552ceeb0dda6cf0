import { useCallback, useEffect, useRef, useState } from 'react';
import type { BuilderModel, BuilderReading } from '../../../../../shared/query-builder';
import { api } from '../../../api';

/**
 * Where the builder stands against the editor's text:
 * - `reading`: the first read of the text is on its way;
 * - `live`: the builder shows the text (it wrote it, or read it back completely);
 * - `paused`: the text was edited by hand into something the builder cannot show (or that does
 *   not parse); the builder keeps its last model until the person resets or rebuilds.
 */
export type SyncState = { kind: 'reading' } | { kind: 'live' } | { kind: 'paused'; reading: BuilderReading };

export interface BuilderSync {
  model: BuilderModel | null;
  state: SyncState;
  /** A change made in the builder: written into the editor as SOQL. */
  edit(next: BuilderModel): void;
  /** Takes what the builder can show from the hand-edited text, and writes it back. */
  resetFromSoql(): void;
  /** Writes the builder's own model over the hand-edited text. */
  rebuild(): void;
  /** The builder has a query of its own to rebuild from. */
  canRebuild: boolean;
}

/** How long typing must pause before the builder reads the text again. */
const READ_DELAY_MS = 300;

/**
 * Keeps the builder and the SOQL text in step both ways. Text the builder wrote itself is not
 * read back; anything else is, after a pause in typing, and either adopted (the builder follows
 * the hand edit) or reported (the builder pauses).
 */
export function useBuilderSync(soql: string, setSoql: (text: string) => void): BuilderSync {
  const [model, setModel] = useState<BuilderModel | null>(null);
  const [state, setState] = useState<SyncState>({ kind: 'reading' });
  /** The text the builder wrote or adopted last: the editor holding it needs no reading. */
  const inStep = useRef<string | null>(null);
  const latestSoql = useRef(soql);
  latestSoql.current = soql;
  const writes = useRef(0);
  const first = useRef(true);
  /** The builder's last query, for Rebuild after the text was cleared and retyped. */
  const lastModel = useRef<BuilderModel | null>(null);
  if (model) lastModel.current = model;

  useEffect(() => {
    if (soql === inStep.current) return;
    let live = true;
    const delay = first.current ? 0 : READ_DELAY_MS;
    first.current = false;
    const t = setTimeout(() => {
      if (!soql.trim()) {
        // An empty editor is a fresh start, not a hand edit to pause on.
        inStep.current = soql;
        setModel(null);
        setState({ kind: 'live' });
        return;
      }
      void api.query
        .readBuilder({ soql })
        .then((reading) => {
          if (!live || latestSoql.current !== soql) return;
          if (reading.model && reading.unsupported.length === 0) {
            inStep.current = soql;
            setModel(reading.model);
            setState({ kind: 'live' });
          } else {
            setState({ kind: 'paused', reading });
          }
        })
        .catch((err: unknown) => {
          if (live) setState({ kind: 'paused', reading: { model: null, unsupported: [], error: err instanceof Error ? err.message : 'The query could not be read.' } });
        });
    }, delay);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [soql]);

  const write = useCallback(
    (next: BuilderModel) => {
      const mine = ++writes.current;
      void api.query
        .composeBuilder({ model: next })
        .then(({ soql: text }) => {
          if (mine !== writes.current) return;
          inStep.current = text;
          setSoql(text);
        })
        .catch(() => undefined);
    },
    [setSoql],
  );

  const edit = useCallback(
    (next: BuilderModel) => {
      setModel(next);
      setState({ kind: 'live' });
      write(next);
    },
    [write],
  );

  const resetFromSoql = useCallback(() => {
    if (state.kind === 'paused' && state.reading.model) edit(state.reading.model);
  }, [state, edit]);

  const rebuild = useCallback(() => {
    if (lastModel.current) edit(lastModel.current);
  }, [edit]);

  return { model, state, edit, resetFromSoql, rebuild, canRebuild: lastModel.current !== null };
}
