/**
 * Hostile submissions for the sum-ruby fixture challenge (calc.rb must define add(a, b)), as cases.ts
 * has them for Python: each with the exact outcome it must get.
 */
import type { HostileCase } from './cases.js';

export const HONEST_RUBY = 'def add(a, b)\n  a + b\nend\n';

/** Runs `body` once, the first time add() is called, then behaves honestly. */
const onFirstCall = (body: string) => `$done = false

def add(a, b)
  unless $done
    $done = true
${body.split('\n').map((l) => `    ${l}`).join('\n')}
  end
  a + b
end
`;

const FORK_BOMB = 'loop do\n  fork { exec("sleep", "1000") }\nrescue SystemCallError\n  nil\nend';
const SURVIVOR = 'Process.detach(Process.spawn("setsid", "sleep", "1000", out: File::NULL, err: File::NULL))';

// One line a case: name, the outcome it must get, what add() does on its first call.
export const RUBY_HOSTILE_CASES: HostileCase[] = [
  { name: 'fork bomb', verdict: 'time_limit_exceeded', earned: 0, code: onFirstCall(FORK_BOMB) },
  { name: 'memory bomb', verdict: 'memory_limit_exceeded', earned: 0, code: onFirstCall('hog = []\nloop { hog << ("x" * (16 << 20)) }') },
  { name: 'infinite sleep', verdict: 'time_limit_exceeded', earned: 0, code: onFirstCall('sleep') },
  { name: 'a background child that tries to outlive the run', verdict: 'passed', earned: 6, code: onFirstCall(SURVIVOR) },
  // kill(-1) spares the caller, and every other process in the sandbox (init, the harness, the tests) is another user's.
  { name: 'kill -9 -1', verdict: 'passed', earned: 6, code: onFirstCall('Process.kill(:KILL, -1)') },
  { name: '100 MB of output in one line', verdict: 'output_limit_exceeded', earned: 0, code: onFirstCall('chunk = "x" * (1 << 20)\n100.times { $stdout.write(chunk) }') },
];
