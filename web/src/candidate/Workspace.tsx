import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client } from '../api/client';
import { ApiError } from '../api/problem';
import type { CandidateView, Run, SourceFile } from '../api/types';
import { binaryNote } from '../components/binaryFile';
import { CodeEditor } from '../components/CodeEditor';
import { languageOf } from '../components/languages';
import { Markdown } from '../components/Markdown';
import type { Theme } from '../components/theme';
import { Countdown } from './Countdown';
import { addFile, deleteFile, renameFile, updateFile } from './files';
import { FileTree } from './FileTree';
import { RunPanel } from './RunPanel';
import { SAVE_LABEL, useAutosave } from './useAutosave';
import { watchRun } from './watchRun';

type Files = Record<string, SourceFile[]>;

interface Props {
  api: Client;
  view: CandidateView;
  drafts: Files;
  submissionsMade: Record<string, number>;
  theme: Theme;
  onExpired: () => void;
}

/** The candidate's workspace: statement, files, editor with tabs, autosave, sample tests, submit, the clock. */
export function Workspace({ api, view, drafts, submissionsMade, theme, onExpired }: Props) {
  const challenges = view.challenges;
  const [slug, setSlug] = useState(challenges[0]!.slug);
  const challenge = challenges.find((c) => c.slug === slug)!;
  const [files, setFiles] = useState<Files>(() => Object.fromEntries(challenges.map((c) => [c.slug, drafts[c.slug] ?? c.starterFiles])));
  const [dirty, setDirty] = useState<Record<string, boolean>>({});
  const [tabs, setTabs] = useState<Record<string, string[]>>(() => Object.fromEntries(challenges.map((c) => [c.slug, c.starterFiles.slice(0, 1).map((f) => f.path)])));
  const [active, setActive] = useState<Record<string, string | null>>(() => Object.fromEntries(challenges.map((c) => [c.slug, c.starterFiles[0]?.path ?? null])));
  const [practice, setPractice] = useState<{ run: Run | null; error: string | null }>({ run: null, error: null });
  const [submission, setSubmission] = useState<{ run: Run | null; error: string | null }>({ run: null, error: null });
  const [made, setMade] = useState(submissionsMade);
  const [busy, setBusy] = useState<'practice' | 'submit' | null>(null);
  const stop = useRef(new AbortController());
  // Made afresh on each mount (StrictMode mounts twice while developing): leaving stops following runs.
  useEffect(() => {
    const controller = new AbortController();
    stop.current = controller;
    return () => controller.abort();
  }, []);

  const current = files[slug]!;
  const saveState = useAutosave(api, slug, current, dirty[slug] ?? false);
  const activePath = active[slug] ?? null;
  const activeFile = current.find((f) => f.path === activePath) ?? null;

  const change = (next: SourceFile[]) => {
    setFiles((all) => ({ ...all, [slug]: next }));
    setDirty((d) => ({ ...d, [slug]: true }));
  };
  const open = (path: string) => {
    setTabs((t) => ({ ...t, [slug]: t[slug]!.includes(path) ? t[slug]! : [...t[slug]!, path] }));
    setActive((a) => ({ ...a, [slug]: path }));
  };
  const close = (path: string) => {
    const remaining = tabs[slug]!.filter((p) => p !== path);
    setTabs((t) => ({ ...t, [slug]: remaining }));
    if (activePath === path) setActive((a) => ({ ...a, [slug]: remaining.at(-1) ?? null }));
  };
  const onEdit = useCallback((path: string, content: string) => {
    setFiles((all) => ({ ...all, [slug]: updateFile(all[slug]!, path, content) }));
    setDirty((d) => ({ ...d, [slug]: true }));
  }, [slug]);

  const left = view.assessment.maxSubmissions - (made[slug] ?? 0);
  const runTests = async (kind: 'practice' | 'submit') => {
    const set = kind === 'practice' ? setPractice : setSubmission;
    setBusy(kind);
    set({ run: null, error: null });
    const base = kind === 'practice' ? '/v1/candidate/practice' : '/v1/candidate/submissions';
    try {
      const created = await api.send<Run>('POST', base, { challenge: slug, files: current });
      if (kind === 'submit') setMade((m) => ({ ...m, [slug]: (m[slug] ?? 0) + 1 }));
      set({ run: created, error: null });
      await watchRun(api, `${base}/${created.id}`, { ...created, tests: [] }, (run) => set({ run, error: null }), stop.current.signal);
    } catch (err) {
      set({ run: null, error: describe(err, kind) });
    } finally {
      setBusy(null);
    }
  };

  const language = useMemo(() => (activePath ? languageOf(activePath)?.name : null), [activePath]);
  return (
    <div className="workspace">
      <header className="workspace-bar">
        <div className="title">
          <strong>{view.assessment.name}</strong>
          {challenges.length > 1 && (
            <label>
              <span className="visually-hidden">Challenge</span>
              <select value={slug} onChange={(e) => setSlug(e.target.value)}>
                {challenges.map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
              </select>
            </label>
          )}
        </div>
        <span className={`save-state ${saveState}`} role="status" data-testid="save-state">{SAVE_LABEL[saveState]}</span>
        <div className="actions">
          <button type="button" className="secondary" disabled={busy !== null} onClick={() => runTests('practice')}>Run sample tests</button>
          <button type="button" disabled={busy !== null || left <= 0} onClick={() => runTests('submit')}>
            Submit <span className="muted-on-primary">({left} left)</span>
          </button>
        </div>
        {view.invitation.deadline && <Countdown deadline={view.invitation.deadline} onExpired={onExpired} />}
      </header>
      <div className="workspace-body">
        <section className="statement" aria-label="Statement" tabIndex={0}>
          {/* Statements usually open with their own title; the page has one h1 either way. */}
          {!/^#\s/.test(challenge.statement.trimStart()) && <h1>{challenge.title}</h1>}
          <p className="muted">
            {challenge.languages.length > 1 ? `in ${challenge.languages.join(' or ')} (by the files' extensions)` : challenge.language} · skills: {challenge.skills.join(', ')}
          </p>
          <Markdown source={challenge.statement} />
        </section>
        <FileTree
          files={current}
          starter={challenge.starterFiles}
          active={activePath}
          onOpen={open}
          onAdd={(p) => (change(addFile(current, p)), open(p))}
          onRename={(from, to) => {
            change(renameFile(current, from, to));
            setTabs((t) => ({ ...t, [slug]: t[slug]!.map((p) => (p === from ? to : p)) }));
            if (activePath === from) setActive((a) => ({ ...a, [slug]: to }));
          }}
          onDelete={(p) => (change(deleteFile(current, p)), close(p))}
        />
        <section className="editor-pane" aria-label="Editor">
          <div role="group" aria-label="Open files" className="tabs">
            {tabs[slug]!.map((p) => (
              <span key={p} className={`tab ${p === activePath ? 'active' : ''}`}>
                <button type="button" aria-pressed={p === activePath} onClick={() => setActive((a) => ({ ...a, [slug]: p }))}>{p}</button>
                <button type="button" className="close" aria-label={`Close ${p}`} onClick={() => close(p)}>×</button>
              </span>
            ))}
            {language && <span className="language muted">{language}</span>}
          </div>
          {activeFile && binaryNote(activeFile) ? (
            <p className="muted empty">{binaryNote(activeFile)}</p>
          ) : activeFile ? (
            <CodeEditor path={`${slug}/${activeFile.path}`} value={activeFile.content} theme={theme} label={`Editor: ${activeFile.path}`} onChange={(p, v) => onEdit(p.slice(slug.length + 1), v)} />
          ) : (
            <p className="muted empty">Open a file from the list.</p>
          )}
        </section>
        <aside className="results" aria-label="Results" tabIndex={0}>
          <RunPanel title="Sample tests" run={practice.run} error={practice.error} />
          <RunPanel title="Submission" run={submission.run} error={submission.error} />
        </aside>
      </div>
    </div>
  );
}

function describe(err: unknown, kind: 'practice' | 'submit'): string {
  if (err instanceof ApiError) {
    if (err.status === 404 && kind === 'practice') return 'Sample test runs are not available on this server.';
    if (err.status === 429) return `Too many runs; try again in ${err.retryAfter ?? 'a few'} seconds.`;
    return err.problem.errors?.map((e) => e.message).join('; ') || err.message;
  }
  return 'The connection failed; check your network and try again.';
}
