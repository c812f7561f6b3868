import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readPackage } from '../../src/challenges/readPackage.js';
import { mainLanguage } from '../../src/similarity/compareSources.js';
import type { Language } from '../../src/challenges/manifest.js';
import type { SubmittedFile } from '../../src/submissions/submission.js';

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/similarity');
const CHALLENGES = path.resolve(import.meta.dirname, '../../challenges');

export interface CorpusChallenge {
  slug: string;
  language: Language;
  starter: SubmittedFile[];
  /** The reference solution and the independently written ones, each a whole submission. */
  solutions: { name: string; files: SubmittedFile[] }[];
}

/**
 * The corpus: per challenge under test/fixtures/similarity/, folders of files written apart from the
 * reference, each laid over the reference solution's files (so a submission keeps the untouched ones).
 */
export async function readCorpus(): Promise<CorpusChallenge[]> {
  const slugs = (await readdir(CORPUS, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return Promise.all(slugs.map(async (slug) => {
    const pkg = await readPackage(path.join(CHALLENGES, slug));
    const alts = (await readdir(path.join(CORPUS, slug))).sort();
    const solutions = [{ name: 'reference', files: pkg.solution }];
    for (const alt of alts) {
      const own = await Promise.all((await readdir(path.join(CORPUS, slug, alt))).map(async (p) => ({ path: p, content: await readFile(path.join(CORPUS, slug, alt, p), 'utf8') })));
      solutions.push({ name: alt, files: [...pkg.solution.filter((f) => !own.some((o) => o.path === f.path)), ...own] });
    }
    return { slug, language: mainLanguage(pkg.solution)!, starter: pkg.starter, solutions };
  }));
}
