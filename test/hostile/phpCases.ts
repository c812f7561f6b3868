/**
 * Hostile submissions for the sum-php fixture challenge (calc.php must define add($a, $b)), as
 * cases.ts has them for Python: each with the exact outcome it must get.
 */
import type { HostileCase } from './cases.js';

export const HONEST_PHP = '<?php\ndeclare(strict_types=1);\n\nfunction add(int $a, int $b): int\n{\n    return $a + $b;\n}\n';

/** Runs `body` once, the first time add() is called, then behaves honestly. */
const onFirstCall = (body: string) => `<?php
declare(strict_types=1);

function add(int $a, int $b): int
{
    static $done = false;
    if (!$done) {
        $done = true;
${body.split('\n').map((l) => `        ${l}`).join('\n')}
    }
    return $a + $b;
}
`;

export const PHP_HOSTILE_CASES: HostileCase[] = [
  {
    name: 'fork bomb (pcntl_fork)',
    code: onFirstCall("while (true) {\n    if (@pcntl_fork() === 0) {\n        pcntl_exec('/bin/sleep', ['1000']);\n    }\n}"),
    verdict: 'time_limit_exceeded',
    earned: 0,
  },
  {
    name: 'memory bomb (the CLI has no memory_limit)',
    code: onFirstCall("$hog = [];\nwhile (true) {\n    $hog[] = str_repeat('x', 16 << 20);\n}"),
    verdict: 'memory_limit_exceeded',
    earned: 0,
  },
  { name: 'infinite sleep', code: onFirstCall('sleep(1000000);'), verdict: 'time_limit_exceeded', earned: 0 },
  {
    name: 'a background child that tries to outlive the run',
    code: onFirstCall("exec('setsid sleep 1000 > /dev/null 2>&1 &');"),
    verdict: 'passed',
    earned: 6,
  },
  // Every other process in the sandbox (init, the harness, the tests) is another user's.
  { name: 'kill -9 -1 (posix_kill)', code: onFirstCall('posix_kill(-1, 9);'), verdict: 'passed', earned: 6 },
  {
    name: 'disk fill of /tmp',
    code: onFirstCall("$f = fopen('/tmp/fill', 'wb');\nwhile (@fwrite($f, str_repeat('x', 1 << 20))) {\n}"),
    // The solution's process does not survive it: every test errors at the boundary, none passes.
    verdict: 'failed',
    earned: 0,
  },
  {
    name: '100 MB of output in one line',
    code: onFirstCall("$chunk = str_repeat('x', 1 << 20);\nfor ($i = 0; $i < 100; $i++) {\n    echo $chunk;\n}"),
    verdict: 'output_limit_exceeded',
    earned: 0,
  },
];
