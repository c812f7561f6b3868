/** A `{ … }` block of C-family source: where it opens and closes, and the text that introduces it. */
export interface BraceBlock {
  open: number;
  close: number;
  /** From the last `;`, `{` or `}` before the block to its `{`, trimmed: `public Charge charge(String key)`. */
  header: string;
  parent: BraceBlock | null;
}

/**
 * Every brace block of Java, Go or TypeScript source, outermost first, skipping braces in comments,
 * strings and character literals. Good enough for starter files; not a parser.
 */
export function braceBlocks(source: string): BraceBlock[] {
  const found: BraceBlock[] = [];
  const stack: BraceBlock[] = [];
  let headerStart = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '/' && source[i + 1] === '/') i = endOf(source, '\n', i + 2) - 1;
    else if (c === '/' && source[i + 1] === '*') i = endOf(source, '*/', i + 2) + 1;
    else if (c === '"' || c === "'" || c === '`') i = endOfQuoted(source, c, i + 1);
    else if (c === '{') {
      const block = { open: i, close: -1, header: source.slice(headerStart, i).trim(), parent: stack.at(-1) ?? null };
      found.push(block);
      stack.push(block);
      headerStart = i + 1;
    } else if (c === '}') {
      const block = stack.pop();
      if (block) block.close = i;
      headerStart = i + 1;
    } else if (c === ';') headerStart = i + 1;
  }
  return found.filter((b) => b.close >= 0);
}

const endOf = (s: string, token: string, from: number) => {
  const at = s.indexOf(token, from);
  return at < 0 ? s.length : at;
};

function endOfQuoted(s: string, quote: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\' && quote !== '`') i++;
    else if (s[i] === quote) return i;
    else if (s[i] === '\n' && quote !== '`') return i;
  }
  return s.length;
}

/** `source` with each block's inside replaced, outermost blocks only (a replaced body takes its nested blocks with it). */
export function replaceInsides(source: string, blocks: BraceBlock[], inside: (b: BraceBlock) => string): string {
  const outermost = blocks.filter((b) => !blocks.some((o) => o !== b && o.open < b.open && o.close > b.close));
  let out = source;
  for (const b of [...outermost].sort((x, y) => y.open - x.open)) out = out.slice(0, b.open + 1) + inside(b) + out.slice(b.close);
  return out;
}
