export function total(xs) {
  if (xs == null) throw new RangeError('xs is required');
  return xs.reduce((sum, x) => sum + x, 0);
}

export const evens = (xs) => xs.filter((x) => x % 2 === 0);

export function counts(text) {
  const result = {};
  for (const ch of text) result[ch] = (result[ch] ?? 0) + 1;
  return result;
}

export const pair = (a, b) => [a, b];

export const apply = (fn, x) => fn(x);

export async function later(x) {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return x * 2;
}
