// Jest-style comparisons, a mock handed to the solution and an awaited call: what values that decide
// their own equality (asymmetricMatch), forged reports and patched matchers would attack.
import { apply, counts, evens, later, pair, total } from '../solution/solve';

describe('solve', () => {
  test('total', () => {
    expect(total([1, 2, 3])).toEqual(6);
  });

  test('evens', () => {
    expect(evens([1, 2, 3, 4])).toEqual([2, 4]);
  });

  test('counts', () => {
    expect(counts('aab')).toEqual({ a: 2, b: 1 });
  });

  test('pair', () => {
    expect(pair(1, 'b')).toStrictEqual([1, 'b']);
  });

  test('apply', () => {
    const inc = jest.fn((x) => x + 1);
    expect(apply(inc, 41)).toEqual(42);
    expect(inc).toHaveBeenCalledWith(41);
  });

  test('rejects null', () => {
    expect(() => total(null)).toThrow(RangeError);
  });

  test('later', async () => {
    await expect(later(21)).resolves.toEqual(42);
  });
});
