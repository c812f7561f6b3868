import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { oneDarkTheme } from '@codemirror/theme-one-dark';
import { Prec, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import type { Theme } from './theme';

/** Token colours with at least 4.5:1 contrast on their background (CodeMirror's defaults fall short for comments and strings). */
const palette = (c: { keyword: string; string: string; comment: string; number: string; fn: string; type: string; fg: string }) =>
  HighlightStyle.define([
    { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.modifier], color: c.keyword },
    { tag: [t.string, t.special(t.string), t.regexp, t.character], color: c.string },
    { tag: [t.comment, t.lineComment, t.blockComment, t.docComment, t.meta], color: c.comment, fontStyle: 'italic' },
    { tag: [t.number, t.bool, t.null, t.atom, t.constant(t.name)], color: c.number },
    { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: c.fn },
    { tag: [t.typeName, t.className, t.namespace, t.definition(t.typeName)], color: c.type },
    { tag: [t.variableName, t.propertyName, t.operator, t.punctuation, t.bracket], color: c.fg },
    { tag: t.invalid, color: c.keyword, textDecoration: 'underline' },
  ]);

const light = palette({ keyword: '#cf222e', string: '#0a3069', comment: '#57606a', number: '#0550ae', fn: '#6639ba', type: '#953800', fg: '#1f2328' });
const dark = palette({ keyword: '#ff7b72', string: '#a5d6ff', comment: '#9da7b3', number: '#79c0ff', fn: '#d2a8ff', type: '#ffa657', fg: '#e6edf3' });

/** The page's own colours for the editor's surface and gutter, so their contrast is the page's. */
const surface = Prec.highest(EditorView.theme({
  '&': { backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--bg)', color: 'var(--fg)' },
}));

/** The editor's look for the app's theme: One Dark's chrome in the dark, and our colours for tokens in both. */
export const editorTheme = (theme: Theme): Extension =>
  theme === 'dark' ? [oneDarkTheme, syntaxHighlighting(dark), surface] : [syntaxHighlighting(light), surface];
