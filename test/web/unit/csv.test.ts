import { describe, expect, it } from 'vitest';
import { parseCandidates, splitCsvLine } from '../../../web/src/staff/csv';

describe('pasted CSV of candidates', () => {
  it('splits quoted cells, commas, semicolons and tabs', () => {
    expect(splitCsvLine('"Lovelace, Ada",ada@x.test')).toEqual(['Lovelace, Ada', 'ada@x.test']);
    expect(splitCsvLine('a; b\tc')).toEqual(['a', 'b', 'c']);
    expect(splitCsvLine('"say ""hi""",b')).toEqual(['say "hi"', 'b']);
  });

  it('reads name,email[,externalId] lines without a header', () => {
    expect(parseCandidates('Ada,ada@x.test,42\n\nGrace,grace@x.test\n')).toEqual({
      rows: [{ name: 'Ada', email: 'ada@x.test', externalId: '42' }, { name: 'Grace', email: 'grace@x.test' }],
      problems: [],
    });
  });

  it('follows a header in any order, and names a candidate by the email when the name is blank', () => {
    expect(parseCandidates('Email,External ID,Name\nada@x.test,7,Ada\nbob@x.test,,').rows).toEqual([
      { name: 'Ada', email: 'ada@x.test', externalId: '7' },
      { name: 'bob', email: 'bob@x.test' },
    ]);
  });

  it('reports bad emails and duplicates by line, keeping the good rows', () => {
    const { rows, problems } = parseCandidates('Ada,ada@x.test\nNo,not-an-email\nAda again,ADA@x.test');
    expect(rows).toHaveLength(1);
    expect(problems).toEqual(['line 2: "not-an-email" is not an email address', 'line 3: ADA@x.test is listed twice']);
  });
});
