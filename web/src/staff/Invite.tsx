import { useState, type FormEvent } from 'react';
import type { Invitation } from '../api/types';
import { CopyButton } from '../components/CopyButton';
import { parseCandidates, type CandidateRow } from './csv';
import { messageOf, useStaff } from './StaffApp';

interface Created {
  invitation: Invitation;
  link: string;
}

/** Invite one candidate, or many from pasted CSV; each new link is shown once, with a copy button. */
export function Invite({ assessmentId, onInvited }: { assessmentId: string; onInvited: () => void }) {
  const { api } = useStaff();
  const [created, setCreated] = useState<Created[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [csv, setCsv] = useState('');
  const invite = async (rows: CandidateRow[]) => {
    const made: Created[] = [];
    const failed: string[] = [];
    for (const candidate of rows) {
      try {
        const r = await api.send<{ invitation: Invitation; link: string }>('POST', `/v1/assessments/${assessmentId}/invitations`, { candidate });
        made.push({ invitation: r.invitation, link: new URL(r.link, window.location.origin).href });
      } catch (err) {
        failed.push(`${candidate.email}: ${messageOf(err)}`);
      }
    }
    setCreated((c) => [...made, ...c]);
    setProblems(failed);
    onInvited();
    return failed.length === 0;
  };
  const one = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    if (await invite([{ name: String(form.get('name')), email: String(form.get('email')) }])) formElement.reset();
  };
  const many = async (e: FormEvent) => {
    e.preventDefault();
    const { rows, problems: bad } = parseCandidates(csv);
    if (bad.length > 0) return setProblems(bad);
    if (await invite(rows)) setCsv('');
  };
  return (
    <section aria-labelledby="invite-title" className="invite">
      <h2 id="invite-title">Invite candidates</h2>
      <div className="row wrap top">
        <form onSubmit={one} className="stack">
          <h3>One candidate</h3>
          <label>Name<input name="name" required maxLength={200} /></label>
          <label>Email<input name="email" type="email" required /></label>
          <button type="submit">Invite</button>
        </form>
        <form onSubmit={many} className="stack grow">
          <h3>Many, from CSV</h3>
          <label>Paste lines of <code>name,email</code> (a header row with <code>name</code>, <code>email</code>, <code>externalId</code> in any order works too)
            <textarea rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} />
          </label>
          <button type="submit" disabled={csv.trim() === ''}>Invite all</button>
        </form>
      </div>
      {problems.length > 0 && <ul className="problem" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      {created.length > 0 && (
        <div className="links" role="status">
          <div className="row wrap">
            <h3 className="grow">New links — shown this once; copy them now</h3>
            {created.length > 1 && <CopyButton text={created.map((c) => `${c.invitation.candidate.name},${c.invitation.candidate.email},${c.link}`).join('\n')} what="every new link (name,email,link)" />}
          </div>
          <ul>
            {created.map((c) => (
              <li key={c.invitation.id}>
                <span>{c.invitation.candidate.name} &lt;{c.invitation.candidate.email}&gt;</span>
                <input readOnly value={c.link} aria-label={`Link for ${c.invitation.candidate.email}`} onFocus={(e) => e.target.select()} />
                <CopyButton text={c.link} what={`${c.invitation.candidate.email}'s link`} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
