import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint } from '../api/types';
import { CopyButton } from '../components/CopyButton';
import { DeliveryLog } from './DeliveryLog';
import { messageOf, useStaff } from './StaffApp';

type Fields = Pick<WebhookEndpoint, 'url' | 'description' | 'eventTypes'>;
const fieldsOf = (form: HTMLFormElement): Fields => {
  const f = new FormData(form);
  return { url: String(f.get('url')), description: String(f.get('description')), eventTypes: f.getAll('eventTypes').map(String) };
};

/** The organisation's webhook endpoints: add (the signing secret shown once), edit, disable, delete, and each one's delivery log. */
export function WebhookEndpoints({ onChanged }: { onChanged: () => void }) {
  const { api } = useStaff();
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[]>([]);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => setEndpoints((await api.get<{ items: WebhookEndpoint[] }>('/v1/webhook-endpoints')).items), [api]);
  useEffect(() => void load().catch((err) => setError(messageOf(err))), [load]);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await load();
      onChanged();
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  };
  const showSecret = (created: { endpoint: WebhookEndpoint; secret: string }) => setSecret({ url: created.endpoint.url, secret: created.secret });
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    if (await run(async () => showSecret(await api.send('POST', '/v1/webhook-endpoints', fieldsOf(form))))) form.reset();
  };
  const save = (id: string) => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (await run(() => api.send('PATCH', `/v1/webhook-endpoints/${id}`, fieldsOf(e.currentTarget)))) setEditing(null);
  };
  const editingEndpoint = endpoints.find((ep) => ep.id === editing);
  const logEndpoint = endpoints.find((ep) => ep.id === logOf);
  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhook endpoints</h2>
      <p className="muted">Assay sends each subscribed event to these URLs, signed (Standard Webhooks), and retries until it gets a 2xx.</p>
      {error && <p className="problem" role="alert">{error}</p>}
      {secret && (
        <div className="links" role="status">
          <p><strong>The signing secret of {secret.url}, shown this once:</strong></p>
          <input readOnly value={secret.secret} aria-label="Signing secret" onFocus={(e) => e.target.select()} />
          <CopyButton text={secret.secret} what="the secret" />
        </div>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Webhook endpoints table">
        <table className="data">
          <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">State</th><th scope="col">Last success</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {endpoints.length === 0 && <tr><td colSpan={5} className="muted">No endpoint yet.</td></tr>}
            {endpoints.map((ep) => (
              <tr key={ep.id} className={ep.enabled ? '' : 'revoked'}>
                <td><code>{ep.url}</code>{ep.description && <><br /><span className="muted">{ep.description}</span></>}</td>
                <td>{ep.eventTypes.map((t) => <span key={t} className="chip">{t}</span>)}</td>
                <td>{ep.enabled ? 'enabled' : `disabled${ep.disabledReason ? ` (${ep.disabledReason})` : ''}`}</td>
                <td>{ep.lastSuccessAt ? new Date(ep.lastSuccessAt).toLocaleString() : 'never'}</td>
                <td className="actions">
                  <button type="button" className="ghost small" aria-label={`Delivery log of ${ep.url}`} aria-expanded={logOf === ep.id} onClick={() => setLogOf(logOf === ep.id ? null : ep.id)}>Delivery log</button>{' '}
                  <button type="button" className="ghost small" aria-label={`Edit ${ep.url}`} onClick={() => setEditing(ep.id)}>Edit</button>{' '}
                  <button type="button" className="ghost small" aria-label={`${ep.enabled ? 'Disable' : 'Enable'} ${ep.url}`} onClick={() => run(() => api.send('PATCH', `/v1/webhook-endpoints/${ep.id}`, { enabled: !ep.enabled }))}>{ep.enabled ? 'Disable' : 'Enable'}</button>{' '}
                  <button type="button" className="ghost small" aria-label={`New secret for ${ep.url}`} onClick={() => confirm(`A new signing secret for ${ep.url}? The old one keeps signing beside it for a day.`) && run(async () => showSecret(await api.send('POST', `/v1/webhook-endpoints/${ep.id}/rotate-secret`, {})))}>New secret</button>{' '}
                  <button type="button" className="ghost small" aria-label={`Delete ${ep.url}`} onClick={() => confirm(`Delete ${ep.url} and its delivery log?`) && run(() => api.send('DELETE', `/v1/webhook-endpoints/${ep.id}`))}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {logEndpoint && <DeliveryLog endpoint={logEndpoint} onRedelivered={onChanged} />}
      {editingEndpoint ? (
        <EndpointForm key={editingEndpoint.id} title={`Edit ${editingEndpoint.url}`} initial={editingEndpoint} submit="Save endpoint" onSubmit={save(editingEndpoint.id)} onCancel={() => setEditing(null)} />
      ) : (
        <EndpointForm title="Add an endpoint" initial={{ url: '', description: '', eventTypes: [...WEBHOOK_EVENT_TYPES] }} submit="Add endpoint" onSubmit={add} />
      )}
    </section>
  );
}

function EndpointForm({ title, initial, submit, onSubmit, onCancel }: { title: string; initial: Fields; submit: string; onSubmit: (e: FormEvent<HTMLFormElement>) => void; onCancel?: () => void }) {
  return (
    <form className="stack endpoint-form" onSubmit={onSubmit} aria-label={title}>
      <h3>{title}</h3>
      <div className="row wrap bottom">
        <label className="grow">Endpoint URL<input name="url" type="url" required maxLength={2000} defaultValue={initial.url} placeholder="https://ats.example.com/assay-hooks" /></label>
        <label className="grow">Description<input name="description" maxLength={500} defaultValue={initial.description} /></label>
      </div>
      <fieldset className="scopes">
        <legend>Events</legend>
        {WEBHOOK_EVENT_TYPES.map((t) => <label key={t} className="inline"><input type="checkbox" name="eventTypes" value={t} defaultChecked={initial.eventTypes.includes(t)} /> {t}</label>)}
      </fieldset>
      <div className="row">
        <button type="submit">{submit}</button>
        {onCancel && <button type="button" className="ghost" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
