import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogueEntry } from '../challenges/catalogueEntry.js';
import type { Manifest } from '../challenges/manifest.js';
import { readPackage } from '../challenges/readPackage.js';

const START = '<!-- catalogue:start (npm run docs:challenges writes this part from the manifests) -->';
const END = '<!-- catalogue:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** One challenge's part of the interviewers' catalogue, in Markdown. */
function section(manifest: Manifest): string {
  const e = catalogueEntry(manifest);
  const time = e.estimatedMinutes ? `about ${e.estimatedMinutes.mid} min (mid-level), ${e.estimatedMinutes.senior} min (senior)` : 'not estimated';
  const lines = [
    `### \`${manifest.slug}\`: ${manifest.title}`,
    '',
    e.measures,
    '',
    `- runner \`${manifest.runner}\`, ${e.points} points, difficulty ${e.difficulty ?? 'not rated'}, ${time}`,
    `- skills (share of the points from tests naming each): ${e.skills.map((s) => `${s.skill} ${s.percent}% (${s.points} pts)`).join(', ')}`,
  ];
  if (e.critical.length === 0) lines.push('- critical tests: none');
  else {
    lines.push('- critical tests (while one does not pass, the score is at most the ceiling):', '', '| group | ceiling | why | tests |', '| --- | --- | --- | --- |');
    for (const g of e.critical) lines.push(`| ${cell(g.name)} | ${g.ceiling}% | ${cell(g.reason)} | ${g.tests.map((t) => `\`${cell(t)}\``).join(', ')} |`);
  }
  return lines.join('\n');
}

/** The catalogue of every package under `dir`, by slug. */
export async function catalogueMarkdown(dir: string): Promise<string> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const manifests = await Promise.all(names.map(async (n) => (await readPackage(path.join(dir, n))).manifest));
  return manifests.map(section).join('\n\n');
}

/** `doc` with its catalogue part replaced by `catalogue`; throws when the markers are missing. */
export function withCatalogue(doc: string, catalogue: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the document has no ${START} … ${END} part`);
  return `${doc.slice(0, start + START.length)}\n${catalogue}\n${doc.slice(end)}`;
}

/** The document at `docPath` with its catalogue regenerated from `dir`'s manifests. */
export async function regeneratedCatalogueDoc(docPath: string, dir: string): Promise<{ current: string; regenerated: string }> {
  const current = await readFile(docPath, 'utf8');
  return { current, regenerated: withCatalogue(current, await catalogueMarkdown(dir)) };
}
