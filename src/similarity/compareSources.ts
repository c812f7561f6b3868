import { Dolos, File, type Fragment, type Region } from '@dodona/dolos-lib';
import { languageOfPath } from '../challenges/languageOfPath.js';
import type { Language } from '../challenges/manifest.js';
import type { SubmittedFile } from '../submissions/submission.js';
import type { MatchedRegion, PairComparison, SourceRegion } from './similarityPair.js';

/**
 * Dolos's tree-sitter grammars by Assay language. Dolos has none for Ruby: Scala's (def, class, blocks,
 * no semicolons) parses it closely enough to compare structure, as test/similarity/knownPairs.test.ts checks.
 */
const DOLOS_LANGUAGE: Record<Language, string> = {
  python: 'python',
  javascript: 'javascript',
  typescript: 'typescript',
  java: 'java',
  go: 'go',
  sql: 'sql',
  php: 'php',
  ruby: 'scala',
};

/** Enough regions to show where two submissions agree, without storing a whole diff. */
const MAX_FRAGMENTS = 50;

/** One submission's files of one language, laid end to end as the single document dolos compares. */
interface Document {
  text: string;
  /** Where each file starts, in rows of `text` (from 0). */
  files: { path: string; firstRow: number; rows: number }[];
}

function documentOf(files: SubmittedFile[], language: Language): Document {
  const doc: Document = { text: '', files: [] };
  let row = 0;
  for (const f of [...files].filter((f) => languageOfPath(f.path) === language).sort((a, b) => a.path.localeCompare(b.path))) {
    const content = f.content.endsWith('\n') ? f.content : `${f.content}\n`;
    const rows = content.split('\n').length - 1;
    doc.files.push({ path: f.path, firstRow: row, rows });
    doc.text += content;
    row += rows;
  }
  return doc;
}

/** The language most of a submission's code is written in (by characters), or null when it has none. */
export function mainLanguage(files: SubmittedFile[]): Language | null {
  const size = new Map<Language, number>();
  for (const f of files) {
    const lang = languageOfPath(f.path);
    if (lang) size.set(lang, (size.get(lang) ?? 0) + f.content.length);
  }
  return [...size].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A region of the joined document back in its file; one crossing into the next file is cut at its end. */
function regionIn(doc: Document, r: Region): SourceRegion {
  const file = doc.files.findLast((f) => f.firstRow <= r.startRow) ?? doc.files[0]!;
  const lastRow = file.firstRow + file.rows - 1;
  const crosses = r.endRow > lastRow;
  return {
    path: file.path,
    startLine: r.startRow - file.firstRow + 1,
    startCol: r.startCol + 1,
    endLine: (crosses ? lastRow : r.endRow) - file.firstRow + 1,
    endCol: crosses ? Number.MAX_SAFE_INTEGER : r.endCol + 1,
  };
}

const matched = (left: Document, right: Document, f: Fragment): MatchedRegion => ({
  left: regionIn(left, f.leftSelection),
  right: regionIn(right, f.rightSelection),
  kgrams: f.leftkgrams.length,
});

export interface Source {
  id: string;
  files: SubmittedFile[];
}

/**
 * Compares one submission with earlier ones of the same challenge and language, the starter code
 * ignored (dolos drops every fingerprint the template has). Dolos tokenizes with tree-sitter and
 * keeps only node types, so names, whitespace and comments do not count, and winnowing matches
 * fragments wherever they stand, so reordered functions still match.
 */
export async function compareSources(subject: Source, others: Source[], starter: SubmittedFile[], language: Language): Promise<Map<string, PairComparison>> {
  const result = new Map<string, PairComparison>();
  const docs = new Map([subject, ...others].map((s) => [s.id, documentOf(s.files, language)]));
  const compared = [subject, ...others].filter((s) => docs.get(s.id)!.text.trim() !== '');
  if (compared[0]?.id !== subject.id || compared.length < 2) return result;
  const files = compared.map((s, i) => new File(`${i}`, docs.get(s.id)!.text));
  const template = documentOf(starter, language).text;
  const dolos = new Dolos({ language: DOLOS_LANGUAGE[language] });
  const report = await dolos.analyze(files, undefined, template.trim() === '' ? undefined : new File('starter', template));
  const [subjectFile, ...otherFiles] = report.files;
  const left = docs.get(subject.id)!;
  otherFiles.forEach((file, i) => {
    const other = compared[i + 1]!;
    const pair = report.getPair(subjectFile!, file);
    const leftIsSubject = pair.leftFile === subjectFile;
    const right = docs.get(other.id)!;
    const fragments = pair.buildFragments()
      .map((f) => (leftIsSubject ? matched(left, right, f) : swap(matched(right, left, f))))
      .sort((a, b) => b.kgrams - a.kgrams)
      .slice(0, MAX_FRAGMENTS);
    result.set(other.id, { similarity: pair.similarity, longestFragment: pair.longest, fragments });
  });
  return result;
}

const swap = (m: MatchedRegion): MatchedRegion => ({ left: m.right, right: m.left, kgrams: m.kgrams });
