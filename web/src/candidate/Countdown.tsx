import { useEffect, useRef, useState } from 'react';
import { formatRemaining, urgency, warningCrossed } from './countdown';

/** The time left to the server's deadline; warns (and tells screen readers) at 10 and 2 minutes; calls onExpired at 0. */
export function Countdown({ deadline, onExpired }: { deadline: string; onExpired: () => void }) {
  const end = new Date(deadline).getTime();
  const [left, setLeft] = useState(() => end - Date.now());
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<number | null>(null);
  const expired = useRef(false);
  useEffect(() => {
    const tick = () => {
      const now = end - Date.now();
      const warning = warningCrossed(previous.current, now);
      if (warning !== null) setAnnouncement(`${warning} minute${warning === 1 ? '' : 's'} left.`);
      previous.current = now;
      setLeft(now);
      if (now <= 0 && !expired.current) {
        expired.current = true;
        onExpired();
      }
    };
    tick();
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [end, onExpired]);
  const level = urgency(left);
  return (
    <div className={`countdown ${level}`}>
      <span className="label">Time left</span> <time aria-label={`Time left ${formatRemaining(left)}`}>{formatRemaining(left)}</time>
      <div role="alert" className="warning-banner" hidden={!announcement}>{announcement}</div>
    </div>
  );
}
