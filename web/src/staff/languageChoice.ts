/**
 * The languages an assessment allows for one challenge after ticking or unticking one. `allowed`
 * null: not chosen yet, so every language the challenge offers (what the API stores when the
 * request names none). At least one stays allowed; the order is the challenge's.
 */
export function toggleLanguage(offered: string[], allowed: string[] | null, language: string): string[] | null {
  const current = allowed ?? offered;
  const next = current.includes(language) ? current.filter((l) => l !== language) : offered.filter((l) => l === language || current.includes(l));
  return next.length === 0 ? allowed : next;
}
