/** Points as a percentage with two decimals, no higher than a cap's ceiling when one applies. */
export const percent = (earned: number, max: number, ceiling: number | null = null): number => {
  const raw = max === 0 ? 0 : Math.round((earned / max) * 10000) / 100;
  return ceiling === null ? raw : Math.min(raw, ceiling);
};
