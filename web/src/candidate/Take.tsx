import { useCallback, useEffect, useMemo, useState } from 'react';
import { client } from '../api/client';
import { ApiError } from '../api/problem';
import type { CandidateView, Run, SourceFile } from '../api/types';
import { Markdown } from '../components/Markdown';
import type { Theme } from '../components/theme';
import { takeToken } from './invitationToken';
import { Workspace } from './Workspace';

interface Loaded {
  view: CandidateView;
  drafts: Record<string, SourceFile[]>;
  made: Record<string, number>;
}
interface CandidateResult {
  state: string;
  percent: number | null;
  challenges: { slug: string; submissions: number; counted: Run | null }[];
}

/** The candidate's side, reached only through the invitation link: welcome, workspace, end. */
export function Take({ theme }: { theme: Theme }) {
  const token = useMemo(() => takeToken(window.location, window.history, window.sessionStorage), []);
  const api = useMemo(() => client({ kind: 'candidate', token: token ?? '' }), [token]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(token ? null : 'Open the assessment with the link you were sent.');
  const [starting, setStarting] = useState(false);

  const load = useCallback(async () => {
    try {
      const view = await api.get<CandidateView>('/v1/candidate');
      const started = view.invitation.state === 'started';
      const drafts = started ? (await api.get<{ items: { challenge: string; files: SourceFile[] }[] }>('/v1/candidate/drafts')).items : [];
      const result = started ? await api.get<CandidateResult>('/v1/candidate/result') : null;
      setLoaded({
        view,
        drafts: Object.fromEntries(drafts.filter((d) => d.files.length > 0).map((d) => [d.challenge, d.files])),
        made: Object.fromEntries((result?.challenges ?? []).map((c) => [c.slug, c.submissions])),
      });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'This link is not valid. Ask whoever invited you for a new one.' : err instanceof Error ? err.message : String(err));
    }
  }, [api]);
  useEffect(() => {
    if (token) void load();
  }, [token, load]);

  const start = async () => {
    setStarting(true);
    try {
      await api.send('POST', '/v1/candidate/start');
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setStarting(false);
    }
  };
  // The server closes the session at the deadline; the workspace closes with it, and the state is read back.
  const [timeUp, setTimeUp] = useState(false);
  const expired = useCallback(() => {
    setTimeUp(true);
    void load();
  }, [load]);

  if (error) return <main className="centered"><h1>Assessment</h1><p className="problem" role="alert">{error}</p></main>;
  if (!loaded) return <main className="centered" aria-busy="true"><p>Loading…</p></main>;
  const { view } = loaded;
  if (view.invitation.state === 'invited') return <Welcome view={view} starting={starting} onStart={start} />;
  if (view.invitation.state === 'started' && !timeUp) return <main className="workspace-main"><Workspace api={api} view={view} drafts={loaded.drafts} submissionsMade={loaded.made} theme={theme} onExpired={expired} /></main>;
  return <EndScreen api={api} state={timeUp ? 'time-up' : view.invitation.state} name={view.assessment.name} />;
}

function Welcome({ view, starting, onStart }: { view: CandidateView; starting: boolean; onStart: () => void }) {
  const { assessment, challenges, invitation } = view;
  return (
    <main className="welcome">
      <p className="eyebrow">{view.organisation.name} invites you to</p>
      <h1>{assessment.name}</h1>
      <Markdown source={assessment.instructions || 'Solve the challenges below.'} />
      <h2>Challenges</h2>
      <ul className="cards">
        {challenges.map((c) => (
          <li key={c.slug} className="card">
            <h3>{c.title}</h3>
            <p>{c.summary}</p>
            <p className="muted">{c.languages.join(' or ')} · {c.skills.join(', ')}</p>
          </li>
        ))}
      </ul>
      <h2>How it works</h2>
      <ul>
        <li>You have <strong>{assessment.timeLimitMinutes} minutes</strong> from the moment you press start; the clock keeps running if you close the page.</li>
        <li>Your work is saved as you type, so you can reload or switch devices.</li>
        <li>Run the sample tests as often as you like; each challenge takes up to {assessment.maxSubmissions} scored submissions, and the last one counts.</li>
        <li>When the time is up the workspace closes and your last submissions are final.</li>
      </ul>
      <p className="muted">The link works until {new Date(invitation.validUntil).toLocaleString()}.</p>
      <button type="button" className="large" disabled={starting} onClick={onStart}>{starting ? 'Starting…' : 'Start the assessment'}</button>
    </main>
  );
}

function EndScreen({ api, state, name }: { api: ReturnType<typeof client>; state: string; name: string }) {
  const [result, setResult] = useState<CandidateResult | null>(null);
  useEffect(() => {
    api.get<CandidateResult>('/v1/candidate/result').then(setResult, () => setResult(null));
  }, [api]);
  const heading = state === 'cancelled' ? 'This invitation was cancelled' : state === 'completed' ? 'Assessment complete' : state === 'expired' ? 'This link has expired' : 'Time is up';
  return (
    <main className="centered end-screen">
      <h1 tabIndex={-1} ref={(h) => h?.focus()}>{heading}</h1>
      <p role="status">{state === 'cancelled' ? 'Ask whoever invited you if you think this is a mistake.' : `${name} is closed; your last submissions are recorded. You can close this page.`}</p>
      {result?.percent !== null && result?.percent !== undefined && <p className="score">Your score: <strong>{Math.round(result.percent)}%</strong></p>}
    </main>
  );
}
