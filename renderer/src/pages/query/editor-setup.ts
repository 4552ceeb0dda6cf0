import { SQLDialect } from '@codemirror/lang-sql';
import { HighlightStyle, bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { lintKeymap } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';

/** SOQL as CodeMirror's SQL parser should see it: its keywords, functions and date literals. */
export const SOQL = SQLDialect.define({
  keywords:
    'select from where and or not in like includes excludes order by group having limit offset asc desc nulls first last with security_enforced user_mode system_mode using scope typeof when then else end for view reference update tracking viewstat rollup cube above below above_or_below at data category',
  builtin:
    'count count_distinct sum avg min max calendar_year calendar_month calendar_quarter day_only day_in_month day_in_week day_in_year fiscal_month fiscal_quarter fiscal_year hour_in_day week_in_month week_in_year format tolabel convertcurrency converttimezone grouping distance geolocation',
  types:
    'today yesterday tomorrow last_week this_week next_week last_month this_month next_month last_90_days next_90_days this_quarter last_quarter next_quarter this_year last_year next_year this_fiscal_quarter last_fiscal_quarter next_fiscal_quarter this_fiscal_year last_fiscal_year next_fiscal_year last_n_days next_n_days n_days_ago last_n_weeks next_n_weeks n_weeks_ago last_n_months next_n_months n_months_ago last_n_quarters next_n_quarters n_quarters_ago last_n_years next_n_years n_years_ago last_n_fiscal_quarters next_n_fiscal_quarters last_n_fiscal_years next_n_fiscal_years true false null',
  backslashEscapes: true,
  caseInsensitiveIdentifiers: true,
  specialVar: ':',
});

/** Token colours from the design tokens, so the editor follows light and dark themes. */
const highlight = HighlightStyle.define([
  { tag: t.keyword, color: 'var(--cm-keyword)', fontWeight: '600' },
  { tag: [t.standard(t.name), t.function(t.name)], color: 'var(--cm-function)' },
  { tag: [t.typeName, t.bool, t.null, t.atom], color: 'var(--cm-literal)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--cm-string)' },
  { tag: [t.number], color: 'var(--cm-number)' },
  { tag: [t.operator, t.punctuation, t.bracket], color: 'var(--text-3)' },
  { tag: [t.special(t.name), t.variableName], color: 'var(--text)' },
  { tag: t.comment, color: 'var(--text-3)', fontStyle: 'italic' },
]);

/** The editor frame: the app's fonts and colours; everything else from CodeMirror's defaults. */
const theme = EditorView.theme({
  // Sizes come from custom properties (they inherit into the shadow root), so a page can set them.
  '&': {
    fontSize: '13.5px',
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    fontFamily: 'var(--font-sans)',
    minHeight: '132px',
    maxHeight: 'var(--query-editor-max-height, 32vh)',
    height: 'var(--query-editor-height, auto)',
  },
  '.cm-scroller': { overflow: 'auto', fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { fontFamily: 'var(--font-mono)', padding: '10px 0', caretColor: 'var(--accent)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--text-3)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 5%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 9%, transparent)', color: 'var(--text-2)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--accent) 22%, transparent)' },
  '.cm-placeholder': { color: 'var(--text-3)' },
  '.cm-tooltip': { border: '1px solid var(--border)', backgroundColor: 'var(--surface)', borderRadius: '8px', boxShadow: 'var(--shadow-lg)', overflow: 'hidden' },
  '.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-mono)', fontSize: '12.5px', maxHeight: '280px' },
  '.cm-tooltip-autocomplete > ul > li': { padding: '3px 10px 3px 6px', lineHeight: '1.6' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  '.cm-completionDetail': { marginLeft: '12px', fontFamily: 'var(--font-sans)', fontStyle: 'normal', color: 'var(--text-3)', fontSize: '11.5px' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionDetail': { color: 'inherit', opacity: '0.8' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '700' },
  '.cm-completionIcon': { width: '1.4em', paddingRight: '0.5em', opacity: '1', fontFamily: 'var(--font-sans)', fontSize: '10px', fontWeight: '700', textAlign: 'center', boxSizing: 'content-box' },
  '.cm-completionIcon-class:after': { content: "'OBJ'", color: 'var(--cm-literal)' },
  '.cm-completionIcon-property:after': { content: "'F'", color: 'var(--cm-function)' },
  '.cm-completionIcon-namespace:after': { content: "'→'", color: 'var(--accent)' },
  '.cm-completionIcon-keyword:after': { content: "'K'", color: 'var(--cm-keyword)' },
  '.cm-completionIcon-function:after': { content: "'ƒ'", color: 'var(--cm-number)' },
  '.cm-completionIcon-enum:after': { content: "'V'", color: 'var(--cm-string)' },
  '.cm-completionIcon-constant:after': { content: "'D'", color: 'var(--cm-literal)' },
  '.cm-completionIcon-text:after': { content: "'='", color: 'var(--text-3)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionIcon:after': { color: 'inherit' },
  '.cm-diagnostic': { padding: '6px 10px', fontFamily: 'var(--font-sans)', fontSize: '12.5px' },
  '.cm-diagnostic-error': { borderLeft: '3px solid var(--danger)' },
  '.cm-diagnostic-warning': { borderLeft: '3px solid var(--warning)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--warning)', textUnderlineOffset: '3px' },
  '.cm-matchingBracket': { backgroundColor: 'color-mix(in srgb, var(--accent) 18%, transparent)', outline: 'none' },
});

/**
 * CodeMirror injects its styles at run time. In a document that means a <style> element,
 * which the app's Content-Security-Policy (style-src 'self') refuses; inside a shadow root it
 * uses a constructed stylesheet instead, which the policy allows. So each editor lives in its
 * own shadow root; the design tokens (CSS custom properties) still inherit into it.
 */
export function shadowParent(host: HTMLElement): { parent: HTMLElement; root: ShadowRoot } {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const parent = document.createElement('div');
  root.append(parent);
  return { parent, root };
}

/** What every query editor in the page shares: gutters, history, brackets, keymaps, theme. */
export function baseEditor(hint: string): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    history(),
    drawSelection(),
    bracketMatching(),
    closeBrackets(),
    EditorView.lineWrapping,
    placeholder(hint),
    syntaxHighlighting(highlight),
    theme,
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
  ];
}
