import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Invitation, SimilarityPair, SimilarityPairs, SourceFile } from '../api/types';
import { excerpt, lineRange } from './fragments';
import { messageOf, useStaff } from './StaffApp';

/** The most fragments a pair shows side by side: the longest ones carry the evidence. */
const SHOWN_FRAGMENTS = 5;

/** An invitation's final submissions set beside the organisation's others that are alike, with the fragments they share. */
export function Similarity({ invitationId }: { invitationId: string }) {
  const { api } = useStaff();
  const [pairs, setPairs] = useState<SimilarityPairs | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<SimilarityPairs>(`/v1/invitations/${invitationId}/similarity`).then(async (p) => {
      setPairs(p);
      const others = [...new Set(p.items.map((i) => i.right.invitationId).filter((id): id is string => id !== null))];
      const invitations = await Promise.all(others.map((id) => api.get<Invitation>(`/v1/invitations/${id}`).catch(() => null)));
      setNames(Object.fromEntries(invitations.filter((i) => i !== null).map((i) => [i.id, i.candidate.name])));
    }, (e) => setError(messageOf(e)));
  }, [api, invitationId]);
  if (error) return <p className="problem" role="alert">{error}</p>;
  if (!pairs) return <p aria-busy="true">Comparing…</p>;
  const flagged = pairs.items.filter((p) => p.flagged);
  return (
    <section aria-labelledby="similarity-title" className="similarity">
      <h2 id="similarity-title">Similarity</h2>
      <p className="muted">
        Final submissions compared with the organisation's others of the same challenge, starter code left out; flagged at {Math.round(pairs.threshold * 100)}% or more.
        {flagged.length === 0 && ' None is flagged.'}
      </p>
      <ul className="pairs">
        {flagged.map((p) => <PairView key={`${p.left.submissionId}-${p.right.submissionId}`} pair={p} other={p.right.invitationId ? names[p.right.invitationId] : undefined} />)}
      </ul>
    </section>
  );
}

function PairView({ pair, other }: { pair: SimilarityPair; other: string | undefined }) {
  const { api } = useStaff();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<[SourceFile[], SourceFile[]] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open || code) return;
    const files = (id: string) => api.get<{ files: SourceFile[] }>(`/v1/submissions/${id}/code`).then((c) => c.files);
    Promise.all([files(pair.left.submissionId), files(pair.right.submissionId)]).then(setCode, (e) => setError(messageOf(e)));
  }, [api, open, code, pair]);
  const whom = pair.right.invitationId ? <Link to={`/invitations/${pair.right.invitationId}`}>{other ?? 'another candidate'}</Link> : 'a submission outside any invitation';
  return (
    <li>
      <p>
        <span className="chip warn">{Math.round(pair.similarity * 100)}% alike</span> <code>{pair.challenge}</code> ({pair.language}) with {whom}
        {' '}· longest shared fragment {pair.longestFragment} k-grams
      </p>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Hide' : 'Show'} the shared fragments</button>
      {open && error && <p className="problem" role="alert">{error}</p>}
      {open && code && (
        <ol className="fragments">
          {pair.fragments.slice(0, SHOWN_FRAGMENTS).map((f, n) => (
            <li key={n} className="fragment">
              {[excerpt(code[0], f.left), excerpt(code[1], f.right)].map((side, s) => (
                <figure key={s}>
                  <figcaption>{s === 0 ? 'This candidate' : other ?? 'The other'}: {(s === 0 ? f.left : f.right).path}, {lineRange(s === 0 ? f.left : f.right)}</figcaption>
                  <pre tabIndex={0}>{side?.text ?? '(file not found)'}</pre>
                </figure>
              ))}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
