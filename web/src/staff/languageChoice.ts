/**
 * The languages an assessment allows for one challenge after ticking or unticking one: null means
 * every language the challenge offers (so a language added to the challenge later is allowed too).
 * At least one stays allowed; the order is the challenge's.
 */
export function toggleLanguage(offered: string[], allowed: string[] | null, language: string): string[] | null {
  const current = allowed ?? offered;
  const next = current.includes(language) ? current.filter((l) => l !== language) : offered.filter((l) => l === language || current.includes(l));
  if (next.length === 0) return allowed;
  return next.length === offered.length ? null : next;
}
