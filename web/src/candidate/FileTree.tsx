import { useState } from 'react';
import type { SourceFile } from '../api/types';
import { isStarter, pathProblem } from './files';

interface Props {
  files: SourceFile[];
  starter: SourceFile[];
  active: string | null;
  onOpen: (path: string) => void;
  onAdd: (path: string) => void;
  onRename: (from: string, to: string) => void;
  onDelete: (path: string) => void;
}

/** The challenge's files: open one; add files; rename or delete the ones the candidate added (starter files stay). */
export function FileTree({ files, starter, active, onOpen, onAdd, onRename, onDelete }: Props) {
  const [editing, setEditing] = useState<{ from: string | null; name: string } | null>(null);
  const problem = editing ? pathProblem(editing.name, files, editing.from ?? undefined) : null;
  const commit = () => {
    if (!editing || problem) return;
    if (editing.from === null) onAdd(editing.name.trim());
    else if (editing.from !== editing.name.trim()) onRename(editing.from, editing.name.trim());
    setEditing(null);
  };
  return (
    <nav className="file-tree" aria-label="Files">
      <div className="panel-title">
        <h2>Files</h2>
        <button type="button" className="ghost small" onClick={() => setEditing({ from: null, name: '' })}>+ New file</button>
      </div>
      <ul>
        {files.map((f) => (
          <li key={f.path} className={f.path === active ? 'active' : ''}>
            <button type="button" className="file" aria-current={f.path === active ? 'true' : undefined} onClick={() => onOpen(f.path)}>{f.path}</button>
            {!isStarter(starter, f.path) && (
              <span className="file-actions">
                <button type="button" className="ghost small" aria-label={`Rename ${f.path}`} onClick={() => setEditing({ from: f.path, name: f.path })}>Rename</button>
                <button type="button" className="ghost small" aria-label={`Delete ${f.path}`} onClick={() => confirm(`Delete ${f.path}?`) && onDelete(f.path)}>Delete</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {editing && (
        <form className="file-name" onSubmit={(e) => (e.preventDefault(), commit())}>
          <label htmlFor="file-name">{editing.from ? `New name for ${editing.from}` : 'New file name'}</label>
          <input id="file-name" autoFocus value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} aria-invalid={problem !== null} aria-describedby="file-name-problem" onKeyDown={(e) => e.key === 'Escape' && setEditing(null)} />
          <p id="file-name-problem" className="problem" aria-live="polite">{editing.name ? problem : ''}</p>
          <div className="row">
            <button type="submit" disabled={problem !== null}>{editing.from ? 'Rename' : 'Add'}</button>
            <button type="button" className="ghost" onClick={() => setEditing(null)}>Cancel</button>
          </div>
        </form>
      )}
    </nav>
  );
}
