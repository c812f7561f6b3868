import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../bench/options.js';
import { median, percentile } from '../../bench/stats.js';
import { boundaryTarget, drainTarget, intakeTarget, overheadTarget } from '../../bench/targets.js';

describe('bench percentiles', () => {
  it('takes the nearest rank of unsorted samples', () => {
    const samples = [50, 10, 40, 20, 30];
    expect(median(samples)).toBe(30);
    expect(percentile(samples, 95)).toBe(50);
    expect(percentile(samples, 0)).toBe(10);
    expect(percentile(Array.from({ length: 100 }, (_, i) => 100 - i), 99)).toBe(99);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('bench targets', () => {
  it('holds interpreted runners to 0.15× of the baseline overhead and compiled ones to 0.35×', () => {
    expect(overheadTarget('python', 150, 1000)).toEqual({ ratio: 0.15, max: 0.15, pass: true });
    expect(overheadTarget('node', 151, 1000)).toMatchObject({ pass: false });
    expect(overheadTarget('go', 350, 1000)).toMatchObject({ max: 0.35, pass: true });
    expect(overheadTarget('java', 400, 1000)).toMatchObject({ ratio: 0.4, pass: false });
  });

  it('counts the boundary cost from the high end of the recorded range, within 50 ms', () => {
    expect(boundaryTarget('python', 240)).toEqual({ costMs: 40, pass: true });
    expect(boundaryTarget('python', 251)).toEqual({ costMs: 51, pass: false });
    expect(boundaryTarget('java', 900)).toEqual({ costMs: -200, pass: true });
  });

  it('needs both the rate and the p99 for intake, and at most 10 % more per submission for a deep queue', () => {
    expect(intakeTarget(2000, 20).pass).toBe(true);
    expect(intakeTarget(1999, 5).pass).toBe(false);
    expect(intakeTarget(5000, 21).pass).toBe(false);
    expect(drainTarget(330, 300)).toEqual({ ratio: 1.1, pass: true });
    expect(drainTarget(331, 300).pass).toBe(false);
  });
});

describe('bench options', () => {
  it('runs everything by default', () => {
    const o = parseOptions([], {});
    expect(o.runners).toEqual(['python', 'node', 'sql', 'http', 'java', 'go', 'php', 'ruby']);
    expect(o.parts).toEqual(['intake', 'drain', 'fairness', 'services']);
    expect(o).toMatchObject({ intakeConnections: 20, drainDeep: 1000, drainShallow: 10, intakeDatabases: ['sqlite', 'postgres'], serviceEnv: {} });
  });

  it('picks runners and parts with --only, from the flag or the environment', () => {
    expect(parseOptions(['--only', 'node,java'], {})).toMatchObject({ runners: ['node', 'java'], parts: [] });
    expect(parseOptions(['--only', 'intake', '--only', 'go'], {})).toMatchObject({ runners: ['go'], parts: ['intake'] });
    expect(parseOptions([], { BENCH_ONLY: 'drain' })).toMatchObject({ runners: [], parts: ['drain'] });
    expect(() => parseOptions(['--only', 'cobol'], {})).toThrow('unknown --only entry "cobol"');
  });

  it('takes smaller counts, a throughput of 0 to skip it, and config for the service', () => {
    const o = parseOptions(['--latency-runs', '3', '--runs', '0', '--drain-deep', '100', '--intake-databases', 'sqlite', '--service-env', 'A=1', '--service-env', 'B=x=y'], {});
    expect(o).toMatchObject({ latencyRuns: 3, throughputRuns: 0, drainDeep: 100, intakeDatabases: ['sqlite'], serviceEnv: { A: '1', B: 'x=y' } });
    expect(parseOptions([], { BENCH_SERVICE_ENV: 'A=1 B=2' }).serviceEnv).toEqual({ A: '1', B: '2' });
    expect(() => parseOptions(['--latency-runs', '0'], {})).toThrow('latency runs must be an integer ≥ 1');
    expect(() => parseOptions(['--service-env', 'NOVALUE'], {})).toThrow('KEY=VALUE');
  });
});
