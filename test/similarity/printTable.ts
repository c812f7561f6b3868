import { readCorpus } from './corpus.js';
import { measure, rates } from './measure.js';
import { loadConfig } from '../../src/config.js';

// `npm run similarity:corpus`: the table of docs/integrity.md, at the configured threshold.
const { threshold } = loadConfig().similarity;
const measured = await measure(await readCorpus());
const pct = (n: number) => n.toFixed(2);
console.log(`threshold ${threshold}\n`);
console.log('| challenge | language | copy | rename | reorder | comments-whitespace | dead-code | all |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const m of measured) {
  for (const name of [...new Set(m.copies.map((c) => c.solution))]) {
    console.log(`| ${m.slug} | ${m.language} | ${name} | ${m.copies.filter((c) => c.solution === name).map((c) => pct(c.similarity)).join(' | ')} |`);
  }
}
console.log('\n| challenge | distinct pair | similarity |\n| --- | --- | --- |');
for (const m of measured) for (const d of m.distinct) console.log(`| ${m.slug} | ${d.left} ~ ${d.right} | ${pct(d.similarity)} |`);
for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, threshold]) {
  const r = rates(measured, t);
  console.log(`at ${t}: copies flagged ${r.copiesFlagged}/${r.copies}, distinct pairs flagged ${r.distinctFlagged}/${r.distinct}`);
}
