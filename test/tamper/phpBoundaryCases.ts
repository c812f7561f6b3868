/**
 * Attacks on the PHP runner's boundary by a candidate who has read Assay's source, against the
 * boundary-php fixture (challenges/boundary-php: six 1-point PHPUnit tests that compare with
 * assertEquals and call sort() and assertCount(), as challenge authors write them). Each pairs an attack
 * with what the code it wraps earns honestly, and the exact verdict the run must get. Without the
 * boundary (the solution loaded into PHPUnit's process, PHPUnit's loose boolean equality) each of them
 * scores more, or ends another way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/repoRoot.js';
import type { BoundaryCase } from './boundarySuite.js';

const FIXTURE = path.join(repoRoot, 'test/tamper/challenges/boundary-php');
/** Wrong everywhere (the starter): earns nothing on its own. */
const WRONG = readFileSync(path.join(FIXTURE, 'starter/Solve.php'), 'utf8');
/** The reference: what an attack becomes if it found a way to cheat. */
const RIGHT = readFileSync(path.join(FIXTURE, 'solution/Solve.php'), 'utf8');
const NAMES = ['testTotal', 'testEvens', 'testCounts', 'testLabel', 'testApply', 'testRejectsNull'];

/** The wrong solution with its functions' declared return types loosened, so they may return anything. */
const untyped = (code: string) => code.replace(/\): (int|array|string)\n/g, '): mixed\n');
const returning = (value: string) => untyped(WRONG).replace(/return (0|\[\]|'');/g, `return ${value};`);

/** Forged pass events, PHPUnit lines and JUnit XML for every test, with guessed tokens. */
const FORGE = String.raw`$forged = '';
foreach (${JSON.stringify(NAMES)} as $name) {
    $event = json_encode(['type' => 'test', 'test' => ['name' => "SolveTest::$name", 'status' => 'pass', 'message' => null, 'output' => null, 'durationMs' => 1]]);
    $forged .= "$event\n0000000000000000 $event\n$name PASSED\n<testcase name=\"$name\"/>\n";
}
$forged .= json_encode(['type' => 'result', 'result' => ['version' => 1, 'status' => 'pass', 'message' => null, 'tests' => []]]) . "\nOK (6 tests, 6 assertions)\n";
`;

export const BOUNDARY_CASES: BoundaryCase[] = [
  {
    name: 'returns true, which PHPUnit finds loosely equal to every truthy value',
    code: returning('true'),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns objects that claim to be everything (__toString lies, ArrayAccess, Countable, IteratorAggregate)',
    code: `${untyped(WRONG).replace(/return (0|\[\]|'');/g, 'return new Anything();')}
final class Anything implements ArrayAccess, Countable, IteratorAggregate
{
    public function __toString(): string { return '3:4'; }
    public function count(): int { return 3; }
    public function offsetExists(mixed $o): bool { return true; }
    public function offsetGet(mixed $o): mixed { return 2; }
    public function offsetSet(mixed $o, mixed $v): void { }
    public function offsetUnset(mixed $o): void { }
    public function getIterator(): Iterator { return new ArrayIterator([2, 4]); }
    public function __get($name) { return $this; }
    public function __call($name, $args) { return true; }
}
`,
    // The stand-in is none of these interfaces: only its explicit string conversion crosses, and
    // '3:4' is label's right answer, which the wrapped code does compute.
    verdict: 'failed',
    honest: 1,
  },
  {
    name: "patches PHPUnit's classes in its own process and a shutdown function, then prints forged events and PHPUnit output",
    code: `<?php
declare(strict_types=1);

namespace PHPUnit\\Framework {
    abstract class Assert
    {
        public static function assertEquals(...$args): void { }
        public static function assertCount(...$args): void { }
    }
    abstract class TestCase extends Assert { }
}

namespace {
    ${WRONG.replace('<?php\ndeclare(strict_types=1);\n', '')}
    ${FORGE}
    echo $forged;
    fwrite(STDERR, $forged);
    register_shutdown_function(function () use ($forged) { echo $forged; });
}
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'reads /proc of every process (environ, fds, memory) for a nonce or token, then writes forged events to every fd it can reach',
    code: `${WRONG}
${FORGE}
$found = '';
foreach (glob('/proc/[0-9]*') as $proc) {
    foreach (['environ', 'cmdline', 'maps'] as $part) {
        $found .= @file_get_contents("$proc/$part", false, null, 0, 4096) ?: '';
    }
    foreach (glob("$proc/fd/*") ?: [] as $fd) {
        $found .= @readlink($fd) . "\n";
    }
    $mem = @fopen("$proc/mem", 'r');
    if ($mem) {
        $found .= 'opened the memory of ' . $proc;
    }
}
preg_match_all('/\\b[0-9a-f]{32,64}\\b/', $found, $tokens);
foreach (array_unique($tokens[0]) as $token) {
    foreach (explode("\\n", $forged) as $line) {
        $forged .= "$token $line\\n";
    }
}
for ($fd = 0; $fd < 32; $fd++) {
    $stream = @fopen("php://fd/$fd", 'w');
    if ($stream) {
        @fwrite($stream, $forged);
    }
}
`,
    verdict: 'error',
    honest: 0,
  },
  {
    name: "reads the hidden tests and the tests' process's files to hard-code answers",
    code: `${WRONG}
$seen = '';
foreach (['/work/tests', '/work', '/tmp', '/opt/assay'] as $root) {
    try {
        foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS)) as $file) {
            $seen .= @file_get_contents((string) $file, false, null, 0, 8192) ?: '';
        }
    } catch (Throwable) {
    }
}
if (!str_contains($seen, 'assertEquals(6')) {
    throw new RuntimeException('no hidden test was readable');
}
`,
    verdict: 'error',
    honest: 0,
    hides: ['assertEquals(6', 'SolveTest extends'],
  },
  {
    name: 'exits 0 in the middle of the run, after four honest answers',
    code: RIGHT.replace(/^(function \w+\([^)]*\)[^\n]*\n\{\n)/gm, '$1    static $calls = 0;\n    if (++$GLOBALS["assayCalls"] > 4) {\n        exit(0);\n    }\n').replace('declare(strict_types=1);\n', 'declare(strict_types=1);\n\n$GLOBALS["assayCalls"] = 0;\n'),
    verdict: 'failed',
    honest: 4,
  },
  {
    name: 'loops forever on its first call',
    code: WRONG.replace('    return 0;\n}', '    while (true) {\n    }\n}'),
    verdict: 'time_limit_exceeded',
    honest: 0,
  },
];
