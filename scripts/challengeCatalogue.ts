/** `npm run docs:challenges`: rewrites the catalogue part of docs/challenges.md from the manifests in challenges/. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../src/repoRoot.js';
import { regeneratedCatalogueDoc } from '../src/tools/catalogueDoc.js';

const doc = path.join(repoRoot, 'docs/challenges.md');
const { current, regenerated } = await regeneratedCatalogueDoc(doc, path.join(repoRoot, 'challenges'));
if (current === regenerated) console.log('docs/challenges.md: the catalogue is up to date');
else {
  await writeFile(doc, regenerated);
  console.log('docs/challenges.md: catalogue rewritten');
}
