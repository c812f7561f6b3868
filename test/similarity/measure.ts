import { compareSources } from '../../src/similarity/compareSources.js';
import type { CorpusChallenge } from './corpus.js';
import { plagiarise, TRANSFORMATIONS, type Transformation } from './plagiarise.js';

export interface Measured {
  slug: string;
  language: string;
  /** Each solution against its own transformed copy. */
  copies: { solution: string; how: Transformation; similarity: number }[];
  /** Each pair of independently written solutions. */
  distinct: { left: string; right: string; similarity: number }[];
}

async function similarity(c: CorpusChallenge, left: CorpusChallenge['solutions'][number]['files'], right: typeof left): Promise<number> {
  const result = await compareSources({ id: 'a', files: left }, [{ id: 'b', files: right }], c.starter, c.language);
  return result.get('b')?.similarity ?? 0;
}

/** Similarity of every copy to its original and of every distinct pair, as the service computes it. */
export async function measure(corpus: CorpusChallenge[]): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const c of corpus) {
    const m: Measured = { slug: c.slug, language: c.language, copies: [], distinct: [] };
    for (const s of c.solutions) {
      for (const how of TRANSFORMATIONS) m.copies.push({ solution: s.name, how, similarity: await similarity(c, plagiarise(s.files, c.starter, how), s.files) });
    }
    c.solutions.forEach((a, i) => c.solutions.slice(i + 1).forEach((b) => m.distinct.push({ left: a.name, right: b.name, similarity: 0 })));
    for (const d of m.distinct) d.similarity = await similarity(c, c.solutions.find((s) => s.name === d.left)!.files, c.solutions.find((s) => s.name === d.right)!.files);
    out.push(m);
  }
  return out;
}

/** Copies flagged and distinct pairs flagged (by mistake) at a threshold. */
export function rates(measured: Measured[], threshold: number) {
  const copies = measured.flatMap((m) => m.copies);
  const distinct = measured.flatMap((m) => m.distinct);
  return {
    copiesFlagged: copies.filter((c) => c.similarity >= threshold).length,
    copies: copies.length,
    distinctFlagged: distinct.filter((d) => d.similarity >= threshold).length,
    distinct: distinct.length,
  };
}
