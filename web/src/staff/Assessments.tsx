import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Assessment } from '../api/types';
import { messageOf, useStaff } from './StaffApp';

export function Assessments() {
  const { api, session } = useStaff();
  const [items, setItems] = useState<Assessment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ items: Assessment[] }>('/v1/assessments').then((r) => setItems(r.items), (e) => setError(messageOf(e)));
  }, [api]);
  return (
    <>
      <div className="page-title">
        <h1>Assessments</h1>
        {session.member.role !== 'interviewer' && <Link className="button" to="/assessments/new">New assessment</Link>}
      </div>
      {error && <p className="problem" role="alert">{error}</p>}
      {items && items.length === 0 && <p>No assessments yet.</p>}
      {items && items.length > 0 && (
        <table className="data">
          <thead><tr><th scope="col">Name</th><th scope="col">Challenges</th><th scope="col">Time limit</th><th scope="col">Updated</th></tr></thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td><Link to={`/assessments/${a.id}`}>{a.name}</Link></td>
                <td>{a.challenges.map((c) => c.slug).join(', ')}</td>
                <td>{a.timeLimitMinutes} min</td>
                <td>{new Date(a.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
