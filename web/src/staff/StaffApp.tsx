import { createContext, useContext, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { NavLink, Route, Routes, useNavigate } from 'react-router';
import { client, type Client } from '../api/client';
import { ApiError } from '../api/problem';
import type { Session } from '../api/types';
import type { Theme } from '../components/theme';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentPage } from './AssessmentPage';
import { Assessments } from './Assessments';
import { Report } from './Report';
import { Settings } from './Settings';

interface Staff {
  api: Client;
  session: Session;
  theme: Theme;
}
const StaffContext = createContext<Staff | null>(null);
export const useStaff = () => useContext(StaffContext)!;

/** The signed-in interviewer's side: the session cookie is the browser's; the CSRF token is held in memory. */
export function StaffApp({ theme }: { theme: Theme }) {
  const csrf = useRef<string | null>(null);
  const api = useMemo(() => client({ kind: 'session', csrf: () => csrf.current }), []);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const signedIn = (s: Session | null) => {
    csrf.current = s?.csrfToken ?? null;
    setSession(s);
  };
  useEffect(() => {
    api.get<Session>('/v1/session').then(signedIn, () => signedIn(null));
  }, [api]);

  if (session === undefined) return <main className="centered" aria-busy="true"><p>Loading…</p></main>;
  if (session === null) return <SignIn api={api} onSignedIn={signedIn} />;
  return (
    <StaffContext.Provider value={{ api, session, theme }}>
      <header className="top-bar">
        <NavLink to="/" className="brand">Assay</NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>Assessments</NavLink>
          {session.member.role !== 'interviewer' && <NavLink to="/settings">Organisation</NavLink>}
        </nav>
        <span className="muted who">{session.member.name} · {session.member.role}</span>
        <button type="button" className="ghost" onClick={async () => (await api.send('DELETE', '/v1/session'), signedIn(null))}>Sign out</button>
      </header>
      <main className="page">
        <Routes>
          <Route path="/" element={<Assessments />} />
          <Route path="/assessments/new" element={<AssessmentForm />} />
          <Route path="/assessments/:id/edit" element={<AssessmentForm />} />
          <Route path="/assessments/:id" element={<AssessmentPage />} />
          <Route path="/invitations/:id" element={<Report />} />
          <Route path="/settings" element={<Settings />} />
          <Route path="*" element={<p>There is no such page. <NavLink to="/">Back to the assessments</NavLink></p>} />
        </Routes>
      </main>
    </StaffContext.Provider>
  );
}

function SignIn({ api, onSignedIn }: { api: Client; onSignedIn: (s: Session) => void }) {
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    try {
      onSignedIn(await api.send<Session>('POST', '/v1/session', { email: form.get('email'), password: form.get('password') }));
      navigate(window.location.pathname === '/sign-in' ? '/' : window.location.pathname);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'The email or password is wrong.' : err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <main className="centered sign-in">
      <h1>Sign in to Assay</h1>
      <form onSubmit={submit} className="stack">
        <label>Email<input name="email" type="email" autoComplete="username" required /></label>
        <label>Password<input name="password" type="password" autoComplete="current-password" required /></label>
        {error && <p className="problem" role="alert">{error}</p>}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}

/** A message for an API failure, field problems included. */
export const messageOf = (err: unknown) =>
  err instanceof ApiError ? err.problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') || err.message : err instanceof Error ? err.message : String(err);
