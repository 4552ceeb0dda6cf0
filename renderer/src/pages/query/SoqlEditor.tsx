import { useEffect, useRef, type ReactElement } from 'react';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { autocompletion, insertCompletionText, startCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { linter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { CompletionOption, Diagnostic } from '../../../../shared/ipc/channels/query';
import { api } from '../../api';
import { SOQL, baseEditor, shadowParent } from './editor-setup';

interface SoqlEditorProps {
  connectionId: string;
  value: string;
  onChange: (text: string) => void;
  onRun: () => void;
  /** The CRM's errors from the last run, shown until the text changes. */
  runDiagnostics: Diagnostic[];
  onDiagnostics: (d: Diagnostic[]) => void;
}

const ICON: Record<CompletionOption['kind'], string> = {
  object: 'class',
  field: 'property',
  relationship: 'namespace',
  keyword: 'keyword',
  function: 'function',
  value: 'enum',
  date: 'constant',
  operator: 'text',
};

/** Empty-word completions open by themselves only where a list is what comes next. */
const OPENS_LIST = /(\b(FROM|WHERE|AND|OR|BY|SELECT|HAVING|NOT)\s+|[=<>(,]\s*|\.)$/i;

const toCm = (d: Diagnostic, length: number): CmDiagnostic => ({
  from: Math.min(d.from, length),
  to: Math.min(Math.max(d.to, d.from), length),
  severity: d.severity,
  message: d.code ? `${d.message} (${d.code})` : d.message,
});

function toCompletion(o: CompletionOption): Completion {
  const c: Completion = { label: o.label, type: ICON[o.kind], detail: o.detail, boost: o.boost };
  if (o.kind === 'relationship') {
    // A relationship opens its object's fields straight away.
    c.apply = (view, completion, from, to) => {
      view.dispatch(insertCompletionText(view.state, o.apply ?? completion.label, from, to));
      startCompletion(view);
    };
  } else if (o.apply) {
    c.apply = o.apply;
  }
  return c;
}

/**
 * The SOQL editor: highlighting, autocomplete from the connection's describe metadata (asked
 * of main as you type), errors underlined as you type (parse + metadata) and after a run (the
 * CRM's own message), Ctrl/Cmd+Enter to run.
 */
export function SoqlEditor({ connectionId, value, onChange, onRun, runDiagnostics, onDiagnostics }: SoqlEditorProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ connectionId, onChange, onRun, onDiagnostics });
  latest.current = { connectionId, onChange, onRun, onDiagnostics };

  useEffect(() => {
    const complete = async (ctx: CompletionContext): Promise<CompletionResult | null> => {
      const before = ctx.state.doc.sliceString(Math.max(0, ctx.pos - 60), ctx.pos);
      const word = /[\w.:']*$/.exec(before)?.[0] ?? '';
      if (!ctx.explicit && !word && !OPENS_LIST.test(before)) return null;
      try {
        const res = await api.query.complete({ connectionId: latest.current.connectionId, text: ctx.state.doc.toString(), cursor: ctx.pos });
        if (ctx.aborted || res.options.length === 0) return null;
        return { from: res.from, to: res.to, options: res.options.map(toCompletion), validFor: /^[\w']*$/ };
      } catch {
        return null;
      }
    };
    const lint = linter(
      async (v) => {
        const text = v.state.doc.toString();
        try {
          const { diagnostics } = await api.query.validate({ connectionId: latest.current.connectionId, input: { language: 'soql', soql: text } });
          if (v.state.doc.toString() !== text) return [];
          latest.current.onDiagnostics(diagnostics);
          return diagnostics.map((d) => toCm(d, text.length));
        } catch {
          return [];
        }
      },
      { delay: 400 },
    );
    const state = EditorState.create({
      doc: value,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (latest.current.onRun(), true), preventDefault: true }])),
        ...baseEditor('SELECT Id, Name FROM Account  (Ctrl+Space for suggestions, Ctrl+Enter to run)'),
        SOQL.extension,
        autocompletion({ override: [complete], activateOnTyping: true, icons: true, maxRenderedOptions: 200 }),
        lint,
        EditorView.contentAttributes.of({ 'aria-label': 'SOQL query', spellcheck: 'false' }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          latest.current.onChange(u.state.doc.toString());
          // Problems found for older text would point at the wrong place: the linter finds them again.
          latest.current.onDiagnostics([]);
        }),
      ],
    });
    view.current = new EditorView({ state, ...shadowParent(host.current!) });
    return () => {
      view.current?.destroy();
      view.current = null;
    };
    // The editor is built once; later values flow in through the effect below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v && runDiagnostics.length > 0) v.dispatch(setDiagnostics(v.state, runDiagnostics.map((d) => toCm(d, v.state.doc.length))));
  }, [runDiagnostics]);

  return <div ref={host} className="query-editor" data-testid="soql-editor" />;
}
