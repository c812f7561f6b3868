// The tester's report channel: fd 4, a pipe to the root harness, which alone knows the run's nonce.
// Each line is the tester's token, one space, one JSON event; nothing else writes there.
import { writeSync } from 'node:fs';
import { EventWriter } from './events.js';

export const EVENTS_FD = 4;
let token = null;

export function openEvents(runToken) {
  token = runToken;
  return new EventWriter(token, EVENTS_FD);
}

/** Which test starts now, for the harness's watchdog. */
export function running(name) {
  if (token !== null) writeSync(EVENTS_FD, `${token} ${JSON.stringify({ type: 'running', name })}\n`);
}
