import { describe, expect, it } from 'vitest';
import { compareSources } from '../../src/similarity/compareSources.js';
import type { Language } from '../../src/challenges/manifest.js';
import { loadConfig } from '../../src/config.js';
import { plagiarise } from './plagiarise.js';

const { threshold } = loadConfig({}).similarity;

// Per language: a solution, one written apart from it for the same task, and the starter both begin from.
const CASES: Record<Language, { path: string; starter: string; solution: string; other: string }> = {
  python: {
    path: 'stats.py',
    starter: 'def median(values):\n    raise NotImplementedError\n',
    solution: 'def median(values):\n    ordered = sorted(values)\n    n = len(ordered)\n    if n == 0:\n        raise ValueError("empty")\n    mid = n // 2\n    if n % 2 == 1:\n        return ordered[mid]\n    return (ordered[mid - 1] + ordered[mid]) / 2\n\n\ndef mean(values):\n    total = 0\n    for v in values:\n        total += v\n    return total / len(values)\n',
    other: 'import statistics\n\n\ndef median(values):\n    if not values:\n        raise ValueError("no values")\n    return statistics.median(values)\n',
  },
  javascript: {
    path: 'stats.js',
    starter: 'export function median(values) {\n  throw new Error("todo");\n}\n',
    solution: 'export function median(values) {\n  const ordered = [...values].sort((a, b) => a - b);\n  const n = ordered.length;\n  if (n === 0) throw new Error("empty");\n  const mid = Math.floor(n / 2);\n  if (n % 2 === 1) return ordered[mid];\n  return (ordered[mid - 1] + ordered[mid]) / 2;\n}\n\nexport function mean(values) {\n  let total = 0;\n  for (const v of values) total += v;\n  return total / values.length;\n}\n',
    other: 'export const median = (xs) => {\n  if (!xs.length) throw new RangeError("no values");\n  const s = xs.slice().sort((p, q) => p - q);\n  return xs.length % 2 ? s[(xs.length - 1) / 2] : s.slice(xs.length / 2 - 1, xs.length / 2 + 1).reduce((p, q) => p + q) / 2;\n};\n',
  },
  typescript: {
    path: 'stats.ts',
    starter: 'export function median(values: number[]): number {\n  throw new Error("todo");\n}\n',
    solution: 'export function median(values: number[]): number {\n  const ordered = [...values].sort((a, b) => a - b);\n  const n = ordered.length;\n  if (n === 0) throw new Error("empty");\n  const mid = Math.floor(n / 2);\n  if (n % 2 === 1) return ordered[mid]!;\n  return (ordered[mid - 1]! + ordered[mid]!) / 2;\n}\n\nexport function mean(values: number[]): number {\n  let total = 0;\n  for (const v of values) total += v;\n  return total / values.length;\n}\n',
    other: 'export function median(xs: number[]): number {\n  if (xs.length === 0) throw new RangeError("no values");\n  const counts = new Map<number, number>();\n  xs.forEach((x) => counts.set(x, (counts.get(x) ?? 0) + 1));\n  const keys = [...counts.keys()].sort((p, q) => p - q);\n  let seen = 0;\n  const want = [Math.floor((xs.length - 1) / 2), Math.floor(xs.length / 2)];\n  const picked: number[] = [];\n  for (const k of keys) {\n    const c = counts.get(k)!;\n    for (const w of want) if (w >= seen && w < seen + c) picked.push(k);\n    seen += c;\n  }\n  return (picked[0]! + picked[1]!) / 2;\n}\n',
  },
  java: {
    path: 'Stats.java',
    starter: 'public class Stats {\n    public static double median(int[] values) {\n        throw new UnsupportedOperationException();\n    }\n}\n',
    solution: 'import java.util.Arrays;\n\npublic class Stats {\n    public static double median(int[] values) {\n        int[] ordered = values.clone();\n        Arrays.sort(ordered);\n        int n = ordered.length;\n        if (n == 0) {\n            throw new IllegalArgumentException("empty");\n        }\n        int mid = n / 2;\n        if (n % 2 == 1) {\n            return ordered[mid];\n        }\n        return (ordered[mid - 1] + ordered[mid]) / 2.0;\n    }\n\n    public static double mean(int[] values) {\n        long total = 0;\n        for (int v : values) {\n            total += v;\n        }\n        return (double) total / values.length;\n    }\n}\n',
    other: 'import java.util.PriorityQueue;\nimport java.util.Collections;\n\npublic class Stats {\n    public static double median(int[] values) {\n        PriorityQueue<Integer> low = new PriorityQueue<>(Collections.reverseOrder());\n        PriorityQueue<Integer> high = new PriorityQueue<>();\n        for (int v : values) {\n            low.add(v);\n            high.add(low.poll());\n            if (high.size() > low.size()) low.add(high.poll());\n        }\n        if (low.isEmpty()) throw new IllegalStateException("no values");\n        return low.size() > high.size() ? low.peek() : (low.peek() + high.peek()) / 2.0;\n    }\n}\n',
  },
  go: {
    path: 'stats.go',
    starter: 'package stats\n\nfunc Median(values []float64) float64 {\n\tpanic("todo")\n}\n',
    solution: 'package stats\n\nimport "sort"\n\nfunc Median(values []float64) float64 {\n\tordered := append([]float64(nil), values...)\n\tsort.Float64s(ordered)\n\tn := len(ordered)\n\tif n == 0 {\n\t\tpanic("empty")\n\t}\n\tmid := n / 2\n\tif n%2 == 1 {\n\t\treturn ordered[mid]\n\t}\n\treturn (ordered[mid-1] + ordered[mid]) / 2\n}\n\nfunc Mean(values []float64) float64 {\n\ttotal := 0.0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total / float64(len(values))\n}\n',
    other: 'package stats\n\nimport "slices"\n\n// Median by selection: quickselect the middle elements.\nfunc Median(xs []float64) float64 {\n\tif len(xs) == 0 {\n\t\tpanic("no values")\n\t}\n\ts := slices.Clone(xs)\n\tslices.Sort(s)\n\tswitch k := len(s); {\n\tcase k&1 == 1:\n\t\treturn s[k>>1]\n\tdefault:\n\t\tlo, hi := s[k>>1-1], s[k>>1]\n\t\treturn lo + (hi-lo)/2\n\t}\n}\n',
  },
  php: {
    path: 'Stats.php',
    starter: '<?php\n\nfunction median(array $values): float\n{\n    throw new LogicException("todo");\n}\n',
    solution: '<?php\n\nfunction median(array $values): float\n{\n    $ordered = $values;\n    sort($ordered);\n    $n = count($ordered);\n    if ($n === 0) {\n        throw new InvalidArgumentException("empty");\n    }\n    $mid = intdiv($n, 2);\n    if ($n % 2 === 1) {\n        return $ordered[$mid];\n    }\n    return ($ordered[$mid - 1] + $ordered[$mid]) / 2;\n}\n\nfunction mean(array $values): float\n{\n    $total = 0;\n    foreach ($values as $v) {\n        $total += $v;\n    }\n    return $total / count($values);\n}\n',
    other: '<?php\n\nfunction median(array $xs): float\n{\n    if (!$xs) throw new RangeException("no values");\n    usort($xs, fn ($p, $q) => $p <=> $q);\n    $k = count($xs);\n    return $k & 1 ? $xs[$k >> 1] : array_sum(array_slice($xs, ($k >> 1) - 1, 2)) / 2;\n}\n',
  },
  ruby: {
    path: 'stats.rb',
    starter: 'module Stats\n  def self.median(values)\n    raise NotImplementedError\n  end\nend\n',
    solution: 'module Stats\n  def self.median(values)\n    ordered = values.sort\n    n = ordered.length\n    raise ArgumentError, "empty" if n.zero?\n\n    mid = n / 2\n    return ordered[mid] if n.odd?\n\n    (ordered[mid - 1] + ordered[mid]) / 2.0\n  end\n\n  def self.mean(values)\n    total = 0\n    values.each { |v| total += v }\n    total.to_f / values.length\n  end\nend\n',
    other: 'module Stats\n  def self.median(xs)\n    raise RangeError, "no values" if xs.empty?\n\n    s = xs.sort\n    k = s.size\n    k.odd? ? s[k / 2] : s[(k / 2) - 1, 2].sum / 2.0\n  end\nend\n',
  },
  sql: {
    path: 'query.sql',
    starter: '-- Each customer\'s paid total, highest first.\nSELECT 1;\n',
    solution: 'SELECT c.name, SUM(o.total_cents) AS paid\nFROM customers c\nJOIN orders o ON o.customer_id = c.id\nWHERE o.status = \'paid\' AND o.created_at >= \'2024-01-01\'\nGROUP BY c.id, c.name\nHAVING SUM(o.total_cents) > 0\nORDER BY paid DESC, c.name;\n',
    other: 'WITH paid AS (\n  SELECT customer_id, total_cents FROM orders WHERE status = \'paid\'\n)\nSELECT (SELECT name FROM customers WHERE id = p.customer_id) AS name, p.sum AS paid\nFROM (SELECT customer_id, sum(total_cents) AS sum FROM paid GROUP BY customer_id) p\nORDER BY 2 DESC;\n',
  },
};

const files = (path: string, content: string) => [{ path, content }];
const similarity = async (language: Language, a: string, b: string) => {
  const c = CASES[language];
  const result = await compareSources({ id: 'a', files: files(c.path, a) }, [{ id: 'b', files: files(c.path, b) }], files(c.path, c.starter), language);
  return result.get('b');
};

describe.each(Object.keys(CASES) as Language[])('similarity in %s', (language) => {
  const c = CASES[language];
  it('flags a copy with renamed names, reordered blocks, new comments, whitespace and dead code', async () => {
    const copy = plagiarise(files(c.path, c.solution), files(c.path, c.starter), 'all')[0]!.content;
    expect(copy).not.toBe(c.solution);
    const pair = await similarity(language, copy, c.solution);
    expect(pair!.similarity).toBeGreaterThanOrEqual(threshold);
    expect(pair!.fragments[0]!.kgrams).toBe(pair!.longestFragment);
    expect(pair!.fragments[0]!.left.path).toBe(c.path);
  });
  it('does not flag a solution written apart', async () => {
    const pair = await similarity(language, c.other, c.solution);
    expect(pair?.similarity ?? 0).toBeLessThan(threshold);
  });
  it('does not count the starter code both begin from', async () => {
    const pair = await similarity(language, c.starter, c.starter);
    expect(pair?.similarity ?? 0).toBe(0);
  });
});

describe('where fragments stand', () => {
  it('maps a region back to its file and lines when a submission has several files', async () => {
    const solution = CASES.python.solution;
    const header = 'import os\n\n\ndef helper():\n    return os.getcwd()\n';
    const left = [{ path: 'a_helpers.py', content: header }, { path: 'b_stats.py', content: solution }];
    const result = await compareSources({ id: 'a', files: left }, [{ id: 'b', files: files('stats.py', solution) }], [], 'python');
    const fragment = result.get('b')!.fragments[0]!;
    expect(fragment.left.path).toBe('b_stats.py');
    expect(fragment.right.path).toBe('stats.py');
    expect(fragment.left.startLine).toBe(fragment.right.startLine);
    expect(fragment.left.endLine).toBeLessThanOrEqual(solution.split('\n').length);
  });
});
