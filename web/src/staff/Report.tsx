import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Challenge, InvitationResult, SourceFile } from '../api/types';
import { SkillChart } from '../components/SkillChart';
import { TestResults } from '../components/TestResults';
import { formatDuration } from './candidatesTable';
import { Similarity } from './Similarity';
import { SubmissionCode } from './SubmissionCode';
import { messageOf, useStaff } from './StaffApp';

type Submission = InvitationResult['submissions'][number];

/** A candidate's report: total, skills, and per challenge every submission with its tests, code, diffs and output. */
export function Report() {
  const { id } = useParams() as { id: string };
  const { api } = useStaff();
  const [result, setResult] = useState<InvitationResult | null>(null);
  const [starters, setStarters] = useState<Record<string, SourceFile[]>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<InvitationResult>(`/v1/invitations/${id}/result`).then(async (r) => {
      setResult(r);
      // The starter of the version the assessment pinned, not the challenge's current one.
      const challenges = await Promise.all(r.challenges.map((c) => api.get<Challenge>(`/v1/challenges/${encodeURIComponent(c.slug)}/versions/${encodeURIComponent(c.version)}`).catch(() => null)));
      setStarters(Object.fromEntries(challenges.filter((c) => c !== null).map((c) => [c.slug, c.starterFiles])));
    }, (e) => setError(messageOf(e)));
  }, [api, id]);
  if (!result) return error ? <p className="problem" role="alert">{error}</p> : <p aria-busy="true">Loading…</p>;
  const { invitation: i } = result;
  return (
    <article className="report">
      <p className="no-print"><Link to={`/assessments/${i.assessmentId}`}>← Back to the candidates</Link></p>
      <div className="page-title">
        <h1>{i.candidate.name}</h1>
        <button type="button" className="secondary no-print" onClick={() => window.print()}>Print</button>
      </div>
      <p className="muted">{i.candidate.email} · {i.state} · time used {formatDuration(result.timeUsedMs)}{result.similarityFlagged && <> · <span className="chip warn">similar to another</span></>}</p>
      <div className="summary">
        <div className="total" aria-label="Total score"><span className="big">{Math.round(result.percent)}%</span><span className="muted">weighted total</span></div>
        <section aria-labelledby="skills-title" className="grow">
          <h2 id="skills-title">Per skill</h2>
          <SkillChart skills={result.skills} />
        </section>
      </div>
      {result.challenges.map((c) => (
        <ChallengeSection key={c.slug} challenge={c} submissions={result.submissions.filter((s) => s.challenge === c.slug)} starter={starters[c.slug] ?? []} />
      ))}
      {result.similarityFlagged !== null && result.similarityFlagged !== undefined && <Similarity invitationId={i.id} />}
    </article>
  );
}

function ChallengeSection({ challenge, submissions, starter }: { challenge: InvitationResult['challenges'][number]; submissions: Submission[]; starter: SourceFile[] }) {
  const ordered = [...submissions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const [open, setOpen] = useState<string | null>(challenge.counted ?? ordered.at(-1)?.id ?? null);
  return (
    <section className="challenge-report" aria-labelledby={`c-${challenge.slug}`}>
      <h2 id={`c-${challenge.slug}`}>{challenge.slug} <span className="muted">· weight {challenge.weight} · {Math.round(challenge.percent)}%</span></h2>
      {challenge.cap && (
        <p className="score-cap" role="note">
          Capped at {challenge.cap.ceiling}%: {challenge.cap.triggered.map((t) => `${t.reason} (${t.tests?.join(', ') ?? t.name})`).join('; ')}.
        </p>
      )}
      {ordered.length === 0 && <p className="muted">No submission.</p>}
      <ol className="submissions">
        {ordered.map((s, n) => (
          <li key={s.id} className={s.id === open ? 'open' : ''}>
            <button type="button" className="submission-head" aria-expanded={s.id === open} onClick={() => setOpen(s.id === open ? null : s.id)}>
              <span>#{n + 1}</span>
              <span>{new Date(s.createdAt).toLocaleTimeString()}</span>
              <span>{s.verdict?.replace(/_/g, ' ') ?? s.status}</span>
              <strong>{s.score ? `${s.score.earned}/${s.score.max} (${Math.round(s.score.percent)}%${s.score.cap ? `, capped at ${s.score.cap.ceiling}%` : ''})` : '—'}</strong>
              {s.id === challenge.counted && <span className="chip">counts</span>}
            </button>
            {s.id === open && (
              <div className="submission-body">
                <TestResults tests={s.tests} caption={`Submission #${n + 1}: tests`} />
                <SubmissionCode submission={s} others={ordered.filter((o) => o.id !== s.id).map((o) => ({ id: o.id, label: `#${ordered.indexOf(o) + 1}` }))} starter={starter} label={`#${n + 1}`} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
