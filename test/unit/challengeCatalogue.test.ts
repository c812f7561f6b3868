import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../src/challenges/readPackage.js';
import { repoRoot } from '../../src/repoRoot.js';
import { catalogueMarkdown, regeneratedCatalogueDoc, withCatalogue } from '../../src/tools/catalogueDoc.js';

const CHALLENGES = path.join(repoRoot, 'challenges');

describe('the interviewers\' catalogue (docs/challenges.md)', () => {
  it('says what the manifests say: run `npm run docs:challenges` after changing one', async () => {
    const { current, regenerated } = await regeneratedCatalogueDoc(path.join(repoRoot, 'docs/challenges.md'), CHALLENGES);
    expect(current).toBe(regenerated);
  });

  it('tells a stale catalogue from the manifests\' and rewrites it; refuses a document without the part', async () => {
    const { current, regenerated } = await regeneratedCatalogueDoc(path.join(repoRoot, 'docs/challenges.md'), CHALLENGES);
    const stale = current.replace('| group | ceiling | why | tests |', '| group | cap | why | tests |');
    expect(stale).not.toBe(current);
    expect(withCatalogue(stale, await catalogueMarkdown(CHALLENGES))).toBe(regenerated);
    expect(() => withCatalogue('# no markers', 'x')).toThrow(/has no <!-- catalogue:start/);
  });

  it('rates and times every shipped challenge, and every test names the skills it measures', async () => {
    for (const name of await readdir(CHALLENGES)) {
      const { manifest } = await readPackage(path.join(CHALLENGES, name));
      expect(manifest.difficulty, name).toBeDefined();
      expect(manifest.estimatedMinutes!.senior, name).toBeLessThanOrEqual(manifest.estimatedMinutes!.mid);
      expect(manifest.tests.filter((t) => t.skills === undefined).map((t) => t.name), name).toEqual([]);
    }
  });
});
