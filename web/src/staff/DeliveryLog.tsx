import { useCallback, useEffect, useState } from 'react';
import type { WebhookAttempt, WebhookEndpoint } from '../api/types';
import { deliveriesOf } from './deliveryLog';
import { messageOf, useStaff } from './StaffApp';

/** Deliveries go on in the background: the open log reads itself again this often. */
const REFRESH_MS = 3000;

/** An endpoint's delivery log (its latest 100 attempts), one row per event (status, attempts, response code, time), with a redeliver button. */
export function DeliveryLog({ endpoint, onRedelivered }: { endpoint: WebhookEndpoint; onRedelivered: () => void }) {
  const { api } = useStaff();
  const [attempts, setAttempts] = useState<WebhookAttempt[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api.get<{ items: WebhookAttempt[] }>(`/v1/webhook-endpoints/${endpoint.id}/attempts`).then((r) => setAttempts(r.items), (err) => setError(messageOf(err))), [api, endpoint.id]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const redeliver = async (eventId: string) => {
    setError(null);
    try {
      await api.send('POST', `/v1/webhook-endpoints/${endpoint.id}/redeliver`, { eventId });
      setNotice(`Event ${eventId} is being sent again.`);
      onRedelivered();
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const deliveries = deliveriesOf(attempts ?? []);
  return (
    <section aria-labelledby="delivery-log-title" className="delivery-log">
      <div className="row wrap">
        <h3 id="delivery-log-title" className="grow">Delivery log of <code>{endpoint.url}</code></h3>
        <button type="button" className="ghost small" onClick={() => void load()}>Refresh</button>
      </div>
      {error && <p className="problem" role="alert">{error}</p>}
      <p role="status" className="muted">{notice}</p>
      {attempts === null ? <p aria-busy="true">Loading…</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Delivery log table">
          <table className="data">
            <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Response code</th><th scope="col">Last attempt</th><th scope="col">Response</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {deliveries.length === 0 && <tr><td colSpan={7} className="muted">Nothing sent to this endpoint yet.</td></tr>}
              {deliveries.map((d) => (
                <tr key={d.eventId} className={d.latest.succeeded ? 'delivery-ok' : 'delivery-failed'}>
                  <td><code>{d.eventId}</code></td>
                  <td className="state">{d.latest.succeeded ? 'succeeded' : d.delivered ? 'succeeded before; last attempt failed' : 'failed'}</td>
                  <td>{d.attempts.length}</td>
                  <td>{d.latest.statusCode ?? 'none'}</td>
                  <td>{new Date(d.latest.at).toLocaleString()} <span className="muted">({d.latest.latencyMs} ms)</span></td>
                  <td><code className="response">{d.latest.response || '(empty)'}</code></td>
                  <td><button type="button" className="secondary small" aria-label={`Redeliver ${d.eventId}`} onClick={() => redeliver(d.eventId)}>Redeliver</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
