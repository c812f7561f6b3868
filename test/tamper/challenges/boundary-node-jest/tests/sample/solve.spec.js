// A sample: the hidden tests call every function of solve.js the same way.
import { total } from '../solution/solve';

test('total', () => {
  expect(total([1, 2, 3])).toEqual(6);
});
