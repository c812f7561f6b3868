import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Assessment, Invitation, InvitationResult } from '../api/types';
import { flagsOf, formatDuration, skillsOf, sortAndFilter, type CandidateLine, type SortKey } from './candidatesTable';
import { Invite } from './Invite';
import { messageOf, useStaff } from './StaffApp';

/** An assessment: its settings, invitations, and its candidates with their scores. */
export function AssessmentPage() {
  const { id } = useParams() as { id: string };
  const { api, session } = useStaff();
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [lines, setLines] = useState<CandidateLine[]>([]);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setAssessment(await api.get<Assessment>(`/v1/assessments/${id}`));
      const { items } = await api.get<{ items: Invitation[] }>(`/v1/assessments/${id}/invitations`);
      setLines(await Promise.all(items.map(async (invitation) => ({ invitation, result: await api.get<InvitationResult>(`/v1/invitations/${invitation.id}/result`).catch(() => null) }))));
    } catch (err) {
      setError(messageOf(err));
    }
  }, [api, id]);
  useEffect(() => void load(), [load]);

  const act = async (invitation: Invitation, action: 'cancel' | 'extend' | 'reopen') => {
    const minutes = action === 'cancel' ? null : prompt(action === 'extend' ? 'Extend by how many minutes?' : 'Reopen for how many minutes?', '30');
    if (action !== 'cancel' && !minutes) return;
    if (action === 'cancel' && !confirm(`Cancel ${invitation.candidate.name}'s invitation?`)) return;
    try {
      await api.send('POST', `/v1/invitations/${invitation.id}/${action}`, action === 'cancel' ? undefined : { minutes: Number(minutes) });
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  if (!assessment) return error ? <p className="problem" role="alert">{error}</p> : <p aria-busy="true">Loading…</p>;
  const skills = skillsOf(lines);
  const rows = sortAndFilter(lines, sort.key, sort.dir, filter);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' })}>
        {label}<span aria-hidden="true">{sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
  return (
    <>
      <div className="page-title">
        <h1>{assessment.name}</h1>
        <div className="row">
          {session.member.role !== 'interviewer' && <Link className="button secondary" to={`/assessments/${id}/edit`}>Edit</Link>}
          <a className="button secondary" href={`/v1/assessments/${id}/results.csv`}>Results as CSV</a>
        </div>
      </div>
      <p className="muted">{assessment.timeLimitMinutes} minutes · {assessment.maxSubmissions} submissions per challenge · {assessment.challenges.map((c) => `${c.slug} ×${c.weight}`).join(', ')}</p>
      {error && <p className="problem" role="alert">{error}</p>}
      <Invite assessmentId={id} onInvited={load} />
      <section aria-labelledby="candidates-title">
        <div className="page-title">
          <h2 id="candidates-title">Candidates</h2>
          <label className="filter">Filter<input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="name, email or state" /></label>
        </div>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Candidates table">
          <table className="data candidates">
            <thead>
              <tr>
                {header('name', 'Candidate')}
                {header('state', 'Status')}
                {header('total', 'Total')}
                {skills.map((s) => <th key={s} scope="col" aria-sort={sort.key === `skill:${s}` ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}><button type="button" className="sort" onClick={() => setSort({ key: `skill:${s}`, dir: sort.key === `skill:${s}` && sort.dir === 'asc' ? 'desc' : 'asc' })}>{s}</button></th>)}
                {header('timeUsed', 'Time used')}
                <th scope="col">Flags</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ invitation: i, result }) => (
                <tr key={i.id}>
                  <td><Link to={`/invitations/${i.id}`}>{i.candidate.name}</Link><br /><span className="muted">{i.candidate.email}</span></td>
                  <td><span className={`state ${i.state}`}>{i.state}</span></td>
                  <td>{result && result.submissions.length > 0 ? `${Math.round(result.percent)}%` : '—'}</td>
                  {skills.map((s) => { const v = result?.skills.find((k) => k.skill === s); return <td key={s}>{v ? `${Math.round(v.percent)}%` : '—'}</td>; })}
                  <td>{formatDuration(result?.timeUsedMs ?? null)}</td>
                  <td>{flagsOf({ invitation: i, result }).map((f) => <span key={f} className="chip warn">{f}</span>)}</td>
                  <td className="actions">
                    {['invited', 'started'].includes(i.state) && <button type="button" className="ghost small" onClick={() => act(i, 'extend')} aria-label={`Extend ${i.candidate.name}`}>Extend</button>}
                    {['invited', 'started'].includes(i.state) && <button type="button" className="ghost small" onClick={() => act(i, 'cancel')} aria-label={`Cancel ${i.candidate.name}`}>Cancel</button>}
                    {['completed', 'expired'].includes(i.state) && <button type="button" className="ghost small" onClick={() => act(i, 'reopen')} aria-label={`Reopen ${i.candidate.name}`}>Reopen</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 && <p className="muted">No candidates{filter ? ' match' : ' yet'}.</p>}
      </section>
    </>
  );
}
