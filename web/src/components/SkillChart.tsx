import type { SkillScore } from '../api/types';

/** Points per skill as horizontal bars, with the numbers as text so it reads without the picture. */
export function SkillChart({ skills }: { skills: SkillScore[] }) {
  if (skills.length === 0) return <p className="muted">No scored submission yet.</p>;
  return (
    <figure className="skill-chart" aria-label="Score per skill">
      <ul>
        {skills.map((s) => (
          <li key={s.skill}>
            <span className="skill-name">{s.skill}</span>
            <span className="bar" role="meter" aria-label={s.skill} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(s.percent)}>
              <span style={{ width: `${Math.max(0, Math.min(100, s.percent))}%` }} />
            </span>
            <span className="skill-value">
              {Math.round(s.percent)}% <span className="muted">({s.earned}/{s.max})</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
