import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiKey, AuditEntry, Member } from '../api/types';
import { CopyButton } from '../components/CopyButton';
import { messageOf, useStaff } from './StaffApp';
import { WebhookEndpoints } from './WebhookEndpoints';

const ROLES = ['interviewer', 'admin', 'owner'] as const;
const SCOPES = ['assessments:read', 'assessments:write', 'invitations:write', 'results:read', 'challenges:write', 'webhooks:write'] as const;

/** Organisation settings for admins: members and roles, API keys, webhook endpoints, the audit log. */
export function Settings() {
  const { api } = useStaff();
  const [members, setMembers] = useState<Member[]>([]);
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [newToken, setNewToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setMembers((await api.get<{ items: Member[] }>('/v1/members')).items);
      setKeys((await api.get<{ items: ApiKey[] }>('/v1/api-keys')).items);
      setAudit((await api.get<{ items: AuditEntry[] }>('/v1/audit-log?limit=50')).items);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await load();
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  };
  const addMember = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    if (await run(() => api.send('POST', '/v1/members', { name: f.get('name'), email: f.get('email'), role: f.get('role'), password: f.get('password') }))) form.reset();
  };
  const createKey = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    await run(async () => {
      const created = await api.send<{ token: string }>('POST', '/v1/api-keys', { name: f.get('name'), scopes: f.getAll('scopes') });
      setNewToken(created.token);
      form.reset();
    });
  };
  return (
    <>
      <h1>Organisation</h1>
      {error && <p className="problem" role="alert">{error}</p>}
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <table className="data">
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  <select aria-label={`Role of ${m.email}`} value={m.role} onChange={(e) => run(() => api.send('PATCH', `/v1/members/${m.id}`, { role: e.target.value }))}>
                    {ROLES.map((r) => <option key={r}>{r}</option>)}
                  </select>
                </td>
                <td><button type="button" className="ghost small" aria-label={`Remove ${m.email}`} onClick={() => confirm(`Remove ${m.email}?`) && run(() => api.send('DELETE', `/v1/members/${m.id}`))}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="row wrap bottom" onSubmit={addMember}>
          <label>Name<input name="name" required /></label>
          <label>Email<input name="email" type="email" required /></label>
          <label>Role<select name="role">{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
          <label>Initial password<input name="password" type="password" minLength={12} required autoComplete="new-password" /></label>
          <button type="submit">Add member</button>
        </form>
      </section>
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">API keys</h2>
        {newToken && (
          <div className="links" role="status">
            <p><strong>The new key, shown this once:</strong></p>
            <input readOnly value={newToken} aria-label="New API key" onFocus={(e) => e.target.select()} />
            <CopyButton text={newToken} what="the key" />
          </div>
        )}
        <table className="data">
          <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Scopes</th><th scope="col">Last used</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className={k.revokedAt ? 'revoked' : ''}>
                <td>{k.name}</td>
                <td><code>{k.prefix}…</code></td>
                <td>{k.scopes.map((s) => <span key={s} className="chip">{s}</span>)}</td>
                <td>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : 'never'}</td>
                <td>{k.revokedAt ? 'revoked' : <button type="button" className="ghost small" aria-label={`Revoke ${k.name}`} onClick={() => confirm(`Revoke ${k.name}? Calls with it fail at once.`) && run(() => api.send('DELETE', `/v1/api-keys/${k.id}`))}>Revoke</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="row wrap bottom" onSubmit={createKey}>
          <label>Key name<input name="name" required maxLength={100} /></label>
          <fieldset className="scopes">
            <legend>Scopes</legend>
            {SCOPES.map((s) => <label key={s} className="inline"><input type="checkbox" name="scopes" value={s} defaultChecked={s !== 'challenges:write' && s !== 'webhooks:write'} /> {s}</label>)}
          </fieldset>
          <button type="submit">Create key</button>
        </form>
      </section>
      <WebhookEndpoints onChanged={load} />
      <section aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit log table">
          <table className="data">
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Target</th></tr></thead>
            <tbody>
              {audit.map((a) => (
                <tr key={a.id}><td>{new Date(a.at).toLocaleString()}</td><td>{a.actor}</td><td>{a.action}</td><td><code>{a.target}</code></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
