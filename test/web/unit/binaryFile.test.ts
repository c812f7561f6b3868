import { describe, expect, it } from 'vitest';
import { binaryNote } from '../../../web/src/components/binaryFile';

describe('a binary file in the editor', () => {
  it('is named with its size instead of being shown as text', () => {
    expect(binaryNote({ path: 'a.bin', content: 'AwT/AIA=', encoding: 'base64' })).toBe('a.bin is a binary file (5 bytes); it is kept and submitted as it is.');
    expect(binaryNote({ path: 'b.bin', content: 'AA==', encoding: 'base64' })).toBe('b.bin is a binary file (1 byte); it is kept and submitted as it is.');
  });
  it('leaves text to the editor', () => {
    expect(binaryNote({ path: 'a.py', content: 'x = 1' })).toBeNull();
    expect(binaryNote({ path: 'a.py', content: 'x = 1', encoding: 'utf8' })).toBeNull();
  });
});
