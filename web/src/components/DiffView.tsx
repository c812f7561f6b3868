import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { editorTheme } from './highlighting';
import { languageOf } from './languages';
import type { Theme } from './theme';

/** Two versions of a file side by side, read-only, changes highlighted (@codemirror/merge). */
export function DiffView({ path, before, after, theme, labels }: { path: string; before: string; after: string; theme: Theme; labels: [string, string] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const extensions = (label: string) => [
      basicSetup,
      languageOf(path)?.extension() ?? [],
      editorTheme(theme),
      EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      EditorView.contentAttributes.of({ 'aria-label': `${path}, ${label}` }),
    ];
    const view = new MergeView({ a: { doc: before, extensions: extensions(labels[0]) }, b: { doc: after, extensions: extensions(labels[1]) }, parent: host.current!, collapseUnchanged: { margin: 3, minSize: 6 } });
    for (const side of [view.a, view.b]) side.scrollDOM.tabIndex = 0;
    return () => view.destroy();
  }, [path, before, after, theme, labels[0], labels[1]]);
  return (
    <figure className="diff" tabIndex={0} aria-label={`Changes in ${path}`}>
      <figcaption>
        <span>{labels[0]}</span>
        <span>{labels[1]}</span>
      </figcaption>
      <div ref={host} />
    </figure>
  );
}
