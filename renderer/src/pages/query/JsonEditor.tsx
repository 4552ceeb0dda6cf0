import { useEffect, useRef, type ReactElement } from 'react';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import type { Diagnostic } from '../../../../shared/ipc/channels/query';
import { baseEditor, shadowParent } from './editor-setup';

interface JsonEditorProps {
  value: string;
  onChange: (text: string) => void;
  onRun: () => void;
  diagnostics: Diagnostic[];
  label: string;
}

/** The HubSpot search body as JSON, editable; problems are underlined where they are. */
export function JsonEditor({ value, onChange, onRun, diagnostics, label }: JsonEditorProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onRun });
  latest.current = { onChange, onRun };

  useEffect(() => {
    view.current = new EditorView({
      ...shadowParent(host.current!),
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (latest.current.onRun(), true), preventDefault: true }])),
          ...baseEditor('{ "filterGroups": [] }'),
          lintGutter(),
          EditorView.theme({ '&': { minHeight: '220px', maxHeight: '38vh' } }),
          EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.current?.destroy();
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value && !v.hasFocus) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const n = v.state.doc.length;
    v.dispatch(setDiagnostics(v.state, diagnostics.map((d) => ({ from: Math.min(d.from, n), to: Math.min(Math.max(d.to, d.from), n), severity: d.severity, message: d.message }))));
  }, [diagnostics]);

  return <div ref={host} className="query-editor query-editor-json" />;
}
