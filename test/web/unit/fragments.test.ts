import { describe, expect, it } from 'vitest';
import { excerpt, lineRange } from '../../../web/src/staff/fragments';

const files = [{ path: 'a.py', content: Array.from({ length: 12 }, (_, n) => `line ${n + 1}`).join('\n') }];
const region = (startLine: number, endLine: number, path = 'a.py') => ({ path, startLine, startCol: 1, endLine, endCol: 99 });

describe('a shared fragment in the report', () => {
  it('shows the lines it covers, numbered and aligned', () => {
    expect(excerpt(files, region(9, 11))).toEqual({ path: 'a.py', first: 9, text: ' 9  line 9\n10  line 10\n11  line 11' });
  });
  it('says when its file is not in the submission', () => {
    expect(excerpt(files, region(1, 2, 'b.py'))).toBeNull();
  });
  it('names one line or a range', () => {
    expect([lineRange(region(3, 3)), lineRange(region(3, 9))]).toEqual(['line 3', 'lines 3–9']);
  });
});
