import { useEffect, useRef, useState } from 'react';
import type { Client } from '../api/client';
import type { SourceFile } from '../api/types';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';
const DELAY_MS = 800;

/**
 * Saves a challenge's files as a draft on the server shortly after each change, so the work
 * survives a reload or another device; a failed save is retried with the next change or after 5 s.
 */
export function useAutosave(api: Client, slug: string, files: SourceFile[], dirty: boolean): SaveState {
  const [state, setState] = useState<SaveState>('saved');
  const latest = useRef(files);
  latest.current = files;
  useEffect(() => {
    if (!dirty) return;
    setState('unsaved');
    let retry: ReturnType<typeof setTimeout> | undefined;
    const save = async () => {
      setState('saving');
      try {
        await api.send('PUT', `/v1/candidate/drafts/${encodeURIComponent(slug)}`, { files: latest.current });
        setState('saved');
      } catch {
        setState('failed');
        retry = setTimeout(save, 5000);
      }
    };
    const timer = setTimeout(save, DELAY_MS);
    return () => {
      clearTimeout(timer);
      clearTimeout(retry);
    };
  }, [api, slug, files, dirty]);
  return state;
}

export const SAVE_LABEL: Record<SaveState, string> = { saved: 'All changes saved', unsaved: 'Unsaved changes', saving: 'Saving…', failed: 'Not saved — retrying' };
