import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';

const rules = createRequire(import.meta.url)(path.join(repoRoot, '.dependency-cruiser.cjs'));
const src = path.join(repoRoot, 'src');

async function cruiseSrc(): Promise<ICruiseResult> {
  const { output } = await cruise(['src'], { ...rules.options, ruleSet: { forbidden: rules.forbidden }, baseDir: repoRoot });
  return output as ICruiseResult;
}

/** The folder (or top-level file) of src a module belongs to: `src/queue/x.ts` → `queue`. */
const unit = (file: string) => file.replace(/^src\//, '').split('/')[0]!;

/** Strongly connected components of the folder graph with more than one folder: the cycles. */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do scc.push((w = stack.pop()!));
      while (w !== v);
      if (scc.length > 1) cycles.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('the architecture (docs/architecture.md, .dependency-cruiser.cjs)', () => {
  it('keeps every import rule: adapters in the composition root only, no drivers outside them, workers without storage', async () => {
    const result = await cruiseSrc();
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('has no import cycle between folders', async () => {
    const edges = new Map<string, Set<string>>();
    for (const m of (await cruiseSrc()).modules) {
      if (!m.source.startsWith('src/')) continue;
      for (const d of m.dependencies) {
        if (!d.resolved.startsWith('src/') || unit(d.resolved) === unit(m.source)) continue;
        edges.set(unit(m.source), (edges.get(unit(m.source)) ?? new Set()).add(unit(d.resolved)));
      }
    }
    expect(edges.size).toBeGreaterThan(10);
    expect(folderCycles(edges)).toEqual([]);
  });

  it('reads process.env in the config module only', () => {
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const readers = files.filter((f) => /process\.env/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(readers).toEqual(['config.ts']);
  });
});
