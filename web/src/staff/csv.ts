/** One candidate to invite, as read from pasted CSV. */
export interface CandidateRow {
  name: string;
  email: string;
  externalId?: string;
}

/** Splits one CSV line, honouring double quotes ("a, b" and "" inside quotes). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';' || ch === '\t') (cells.push(cell.trim()), (cell = ''));
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/**
 * Candidates from pasted CSV: `name,email[,externalId]` per line, or any column order when the
 * first line is a header naming `name` and `email`. Returns the rows and a problem per bad line.
 */
export function parseCandidates(text: string): { rows: CandidateRow[]; problems: string[] } {
  const lines = text.split(/\r?\n/).map((l, i) => ({ n: i + 1, cells: splitCsvLine(l) })).filter((l) => l.cells.some((c) => c !== ''));
  const header = lines[0]?.cells.map((c) => c.toLowerCase().replace(/[^a-z]/g, ''));
  const hasHeader = header?.includes('email') ?? false;
  const col = (names: string[], fallback: number) => (hasHeader ? header!.findIndex((h) => names.includes(h)) : fallback);
  const [nameAt, emailAt, idAt] = [col(['name', 'fullname', 'candidate'], 0), col(['email', 'emailaddress'], 1), col(['externalid', 'id'], 2)];
  const rows: CandidateRow[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { n, cells } of hasHeader ? lines.slice(1) : lines) {
    const email = cells[emailAt] ?? '';
    const name = (nameAt >= 0 ? cells[nameAt] : '') || email.split('@')[0] || '';
    const externalId = idAt >= 0 ? cells[idAt] : undefined;
    if (!EMAIL.test(email)) problems.push(`line ${n}: "${email}" is not an email address`);
    else if (seen.has(email.toLowerCase())) problems.push(`line ${n}: ${email} is listed twice`);
    else {
      seen.add(email.toLowerCase());
      rows.push({ name, email, ...(externalId ? { externalId } : {}) });
    }
  }
  return { rows, problems };
}
