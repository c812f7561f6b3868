import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { classHighlighter, highlightTree } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../web/src/components/languages.js';

const challenges = path.resolve(import.meta.dirname, '../../challenges');

/** The files a candidate opens in the workspace: every shipped challenge's starter and sample tests. */
function candidateFiles(): string[] {
  const files: string[] = [];
  for (const slug of readdirSync(challenges)) {
    for (const dir of ['starter', 'tests/sample']) {
      const root = path.join(challenges, slug, dir);
      for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
      }
    }
  }
  return files;
}

/** How many tokens of `text` the language's parser gives a highlighting class. */
function highlightedTokens(file: string, text: string): number {
  const state = EditorState.create({ doc: text, extensions: [languageOf(file)!.extension()] });
  const tree = ensureSyntaxTree(state, state.doc.length, 5000);
  let tokens = 0;
  if (tree) highlightTree(tree, classHighlighter, () => tokens++);
  return tokens;
}

describe('the editor\'s languages', () => {
  it.each(candidateFiles().map((file) => [path.relative(challenges, file), file]))('highlight %s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(languageOf(file)).not.toBeNull();
    expect(highlightedTokens(file, text)).toBeGreaterThan(text.trim() === '' ? -1 : 0);
  });

  it.each([
    ['app.php', 'PHP', '<?php\nfunction f(): int { return 1; }\n'],
    ['config.ru', 'Ruby', 'run ->(env) { [200, {}, ["ok"]] }\n'],
    ['openapi.yaml', 'YAML', 'openapi: 3.1.0\ninfo:\n  title: Tasks\n'],
    ['page.html', 'HTML', '<p class="x">Hi</p>\n'],
  ])('know %s as %s', (file, name, text) => {
    expect(languageOf(file)?.name).toBe(name);
    expect(highlightedTokens(file, text)).toBeGreaterThan(0);
  });

  it('leave an unknown kind of file as plain text', () => {
    expect(languageOf('notes.txt')).toBeNull();
    expect(languageOf('Makefile')).toBeNull();
  });
});
