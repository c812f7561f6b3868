import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Assessment, ChallengeSummary } from '../api/types';
import { toggleLanguage } from './languageChoice';
import { messageOf, useStaff } from './StaffApp';

const VISIBILITIES = [
  ['none', 'Nothing: the candidate sees that it was received'],
  ['score', 'The score'],
  ['tests', 'The score and each test\'s status'],
  ['full', 'The score, each test and its message'],
] as const;

/** Per chosen challenge: its weight, the version it is pinned to (null: the current one), the languages allowed (null: all it offers). */
type Picked = Record<string, { weight: number; version: string | null; languages: string[] | null }>;

/** Create or edit an assessment: challenges from the catalogue, pinned to versions, with weights and the settings. */
export function AssessmentForm() {
  const { id } = useParams();
  const { api } = useStaff();
  const navigate = useNavigate();
  const [catalogue, setCatalogue] = useState<ChallengeSummary[]>([]);
  const [existing, setExisting] = useState<Assessment | null>(null);
  const [picked, setPicked] = useState<Picked>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ items: ChallengeSummary[] }>('/v1/challenges').then((r) => setCatalogue(r.items), (e) => setError(messageOf(e)));
    if (id) {
      api.get<Assessment>(`/v1/assessments/${id}`).then((a) => {
        setExisting(a);
        setPicked(Object.fromEntries(a.challenges.map((c) => [c.slug, { weight: c.weight, version: c.version, languages: c.languages }])));
      }, (e) => setError(messageOf(e)));
    }
  }, [api, id]);
  if (id && !existing && !error) return <p aria-busy="true">Loading…</p>;

  const toggle = (slug: string) => setPicked(({ [slug]: had, ...rest }) => (had ? rest : { ...rest, [slug]: { weight: 1, version: null, languages: null } }));
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = {
      name: String(form.get('name')),
      instructions: String(form.get('instructions')),
      timeLimitMinutes: Number(form.get('timeLimitMinutes')),
      maxSubmissions: Number(form.get('maxSubmissions')),
      resultVisibility: String(form.get('resultVisibility')),
      challenges: Object.entries(picked).map(([slug, p]) => ({ slug, weight: p.weight, ...(p.version ? { version: p.version } : {}), ...(p.languages ? { languages: p.languages } : {}) })),
    };
    try {
      const saved = id ? await api.send<Assessment>('PUT', `/v1/assessments/${id}`, body) : await api.send<Assessment>('POST', '/v1/assessments', body);
      navigate(`/assessments/${saved.id}`);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form className="stack assessment-form" onSubmit={submit}>
      <h1>{id ? `Edit ${existing?.name}` : 'New assessment'}</h1>
      <label>Name<input name="name" required maxLength={200} defaultValue={existing?.name} /></label>
      <label>Instructions for the candidate (Markdown)<textarea name="instructions" rows={5} defaultValue={existing?.instructions} /></label>
      <div className="row wrap">
        <label>Time limit (minutes)<input name="timeLimitMinutes" type="number" min={1} max={10080} required defaultValue={existing?.timeLimitMinutes ?? 90} /></label>
        <label>Scored submissions per challenge<input name="maxSubmissions" type="number" min={1} max={100} required defaultValue={existing?.maxSubmissions ?? 3} /></label>
        <label>The candidate sees
          <select name="resultVisibility" defaultValue={existing?.resultVisibility ?? 'score'}>
            {VISIBILITIES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Challenges</legend>
        <table className="data">
          <thead><tr><th scope="col">Use</th><th scope="col">Challenge</th><th scope="col">Languages</th><th scope="col">Skills</th><th scope="col">Version</th><th scope="col">Weight</th></tr></thead>
          <tbody>
            {catalogue.map((c) => {
              const p = picked[c.slug];
              return (
                <tr key={c.slug}>
                  <td><input type="checkbox" id={`use-${c.slug}`} checked={!!p} onChange={() => toggle(c.slug)} /></td>
                  <td><label htmlFor={`use-${c.slug}`}><strong>{c.title}</strong></label><br /><span className="muted">{c.summary}</span></td>
                  <td>{c.languages.length > 1 ? <LanguagePick challenge={c} picked={p} onChange={(languages) => p && setPicked({ ...picked, [c.slug]: { ...p, languages } })} /> : c.language}</td>
                  <td>{c.skills.map((s) => <span key={s} className="chip">{s}</span>)}</td>
                  <td>
                    {p?.version && p.version !== c.version ? (
                      <>pinned <code>{p.version.slice(0, 8)}</code> <button type="button" className="ghost small" onClick={() => setPicked({ ...picked, [c.slug]: { ...p, version: null } })}>use current</button></>
                    ) : (
                      <code title={c.version}>{c.version.slice(0, 8)}</code>
                    )}
                  </td>
                  <td><input type="number" min={1} max={100} aria-label={`Weight of ${c.title}`} disabled={!p} value={p?.weight ?? 1} onChange={(e) => p && setPicked({ ...picked, [c.slug]: { ...p, weight: Number(e.target.value) } })} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">Each challenge is pinned to the version shown when you save, so later edits to a challenge do not change this assessment.</p>
      </fieldset>
      {error && <p className="problem" role="alert">{error}</p>}
      <div className="row"><button type="submit" disabled={Object.keys(picked).length === 0}>{id ? 'Save' : 'Create assessment'}</button></div>
    </form>
  );
}

/** Which of a challenge's languages the candidate may use: all by default, at least one. */
function LanguagePick({ challenge, picked, onChange }: { challenge: ChallengeSummary; picked: Picked[string] | undefined; onChange: (languages: string[] | null) => void }) {
  const allowed = picked?.languages ?? challenge.languages;
  return (
    <fieldset className="languages-pick">
      <legend className="visually-hidden">Languages allowed in {challenge.title}</legend>
      {challenge.languages.map((l) => {
        const on = allowed.includes(l);
        return (
          <label key={l} className="inline">
            <input type="checkbox" aria-label={`Allow ${l} in ${challenge.title}`} checked={on} disabled={!picked || (on && allowed.length === 1)} onChange={() => onChange(toggleLanguage(challenge.languages, picked?.languages ?? null, l))} /> {l}
          </label>
        );
      })}
    </fieldset>
  );
}
