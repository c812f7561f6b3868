const KEY = 'assay.invitation';

/**
 * The candidate's invitation token. The link carries it in the fragment (`/take#inv_…`), which no
 * browser sends to a server; it is moved to sessionStorage and the address bar cleared, so it is
 * in no history entry, screenshot or Referer, and goes to the API only as a Bearer header.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const fromLink = location.hash.slice(1);
  if (fromLink.startsWith('inv_')) {
    storage.setItem(KEY, fromLink);
    history.replaceState(null, '', location.pathname);
    return fromLink;
  }
  return storage.getItem(KEY);
}
