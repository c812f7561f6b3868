import { useEffect, useState } from 'react';
import type { SourceFile } from '../api/types';
import { binaryNote } from '../components/binaryFile';
import { CodeEditor } from '../components/CodeEditor';
import { DiffView } from '../components/DiffView';
import { messageOf, useStaff } from './StaffApp';

interface Code {
  files: SourceFile[];
  log: string | null;
}

/** A submission's code (read-only, highlighted), its diff against the starter or another submission, and the run's output. */
export function SubmissionCode({ submission, others, starter, label }: { submission: { id: string }; others: { id: string; label: string }[]; starter: SourceFile[]; label: string }) {
  const { api, theme } = useStaff();
  const [code, setCode] = useState<Code | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [against, setAgainst] = useState<string>('none');
  const [other, setOther] = useState<Code | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<Code>(`/v1/submissions/${submission.id}/code`).then((c) => (setCode(c), setFile(c.files[0]?.path ?? null)), (e) => setError(messageOf(e)));
  }, [api, submission.id]);
  useEffect(() => {
    setOther(null);
    if (against !== 'none' && against !== 'starter') api.get<Code>(`/v1/submissions/${against}/code`).then(setOther, (e) => setError(messageOf(e)));
  }, [api, against]);
  if (error) return <p className="problem" role="alert">{error}</p>;
  if (!code) return <p aria-busy="true">Loading the code…</p>;
  const shown = code.files.find((f) => f.path === file);
  const base = against === 'starter' ? starter : other?.files;
  const baseLabel = against === 'starter' ? 'starter' : others.find((o) => o.id === against)?.label ?? '';
  return (
    <div className="submission-code">
      <div className="row wrap">
        <label>File
          <select value={file ?? ''} onChange={(e) => setFile(e.target.value)}>
            {code.files.map((f) => <option key={f.path}>{f.path}</option>)}
          </select>
        </label>
        <label>Compare with
          <select value={against} onChange={(e) => setAgainst(e.target.value)}>
            <option value="none">nothing (show the code)</option>
            <option value="starter">the starter files</option>
            {others.map((o) => <option key={o.id} value={o.id}>submission {o.label}</option>)}
          </select>
        </label>
      </div>
      {shown && binaryNote(shown) ? <p className="muted">{binaryNote(shown)}</p> : shown && (against === 'none' || !base ? (
        <CodeEditor path={shown.path} value={shown.content} theme={theme} readOnly label={`Code of ${shown.path}, submission ${label}`} />
      ) : (
        <DiffView path={shown.path} before={base.find((f) => f.path === shown.path)?.content ?? ''} after={shown.content} theme={theme} labels={[baseLabel, `submission ${label}`]} />
      ))}
      <details>
        <summary>The run's output</summary>
        <pre className="log" tabIndex={0}>{code.log || '(no output)'}</pre>
      </details>
    </div>
  );
}
