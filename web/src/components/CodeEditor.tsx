import { EditorState, Compartment } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { editorTheme } from './highlighting';
import { languageOf } from './languages';
import type { Theme } from './theme';

interface Props {
  /** The file shown; each file keeps its own state (undo history, selection) across tab switches. */
  path: string;
  value: string;
  theme: Theme;
  readOnly?: boolean;
  onChange?: (path: string, value: string) => void;
  label: string;
}

/** CodeMirror 6 with the file's language. The view lives as long as the component; states per file are kept. */
export function CodeEditor({ path, value, theme, readOnly = false, onChange, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const states = useRef(new Map<string, EditorState>());
  const themeSlot = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const makeState = (p: string, doc: string) =>
    EditorState.create({
      doc,
      extensions: [
        basicSetup,
        languageOf(p)?.extension() ?? [],
        themeSlot.current.of(editorTheme(theme)),
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChangeRef.current?.(p, u.state.doc.toString());
        }),
      ],
    });

  useEffect(() => {
    const v = new EditorView({ state: makeState(path, value), parent: host.current! });
    // Scrollable with the keyboard too: the content is not focusable when read-only.
    v.scrollDOM.tabIndex = 0;
    v.scrollDOM.setAttribute('aria-label', label);
    view.current = v;
    return () => v.destroy();
    // Made once; the effects below switch files and themes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const shown = useRef(path);
  useEffect(() => {
    const v = view.current!;
    if (shown.current !== path) {
      states.current.set(shown.current, v.state);
      const kept = states.current.get(path);
      v.setState(kept && kept.doc.toString() === value ? kept : makeState(path, value));
      v.dispatch({ effects: themeSlot.current.reconfigure(editorTheme(theme)) });
      shown.current = path;
    } else if (v.state.doc.toString() !== value) {
      // Changed from outside (a restored draft): replace the text, keep the file's state otherwise.
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, value]);

  useEffect(() => {
    view.current?.dispatch({ effects: themeSlot.current.reconfigure(editorTheme(theme)) });
  }, [theme]);

  return <div className="code-editor" ref={host} data-path={path} />;
}
