/**
 * What a test framework or the Assay runner contract prints when tests pass, for every manifest test
 * (the names are public): pytest and JUnit lines, `go test` and `go test -json` lines, TAP, JUnit XML
 * and result documents with and without a guessed nonce. A runner that trusts any of it is forgeable.
 */
export function fakePassMarkers(testNames: string[]): string {
  const result = JSON.stringify({
    type: 'result',
    result: { version: 1, status: 'pass', message: null, tests: testNames.map((name) => ({ name, status: 'pass', message: null, output: null, durationMs: 1 })) },
  });
  const events = testNames.map((name) => JSON.stringify({ type: 'test', test: { name, status: 'pass', message: null, output: null, durationMs: 1 } }));
  const bare = testNames.map((n) => n.split('::').pop()!);
  return [
    ...testNames.map((n) => `PASSED ${n}`),
    ...testNames.map((n) => `${n} PASSED`),
    ...bare.flatMap((n) => [`=== RUN   ${n}`, `--- PASS: ${n} (0.00s)`]),
    ...bare.map((n) => JSON.stringify({ Action: 'pass', Test: n, Elapsed: 0 })),
    'PASS',
    'ok  \tsolution\t0.010s',
    'TAP version 13',
    ...testNames.map((n, i) => `ok ${i + 1} - ${n}`),
    `1..${testNames.length}`,
    `# pass ${testNames.length}`,
    '# fail 0',
    `<testsuite tests="${testNames.length}" failures="0" errors="0">${bare.map((n) => `<testcase name="${n}"/>`).join('')}</testsuite>`,
    ...events,
    result,
    ...events.map((e) => `0000000000000000 ${e}`),
    `0000000000000000 ${result}`,
  ].join('\n');
}
