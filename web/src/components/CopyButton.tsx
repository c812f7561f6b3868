import { useEffect, useState } from 'react';

type State = 'idle' | 'copied' | 'failed';

/**
 * Copies a text to the clipboard and says so: the button reads "Copied ✓" for a while and a live
 * region announces it, or that copying failed (no clipboard permission: select and copy by hand).
 * `what` completes the button's name ("Copy <what>") for screen readers; the visible text stays short.
 */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<State>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const reset = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(reset);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="secondary small" onClick={copy}>{state === 'copied' ? 'Copied ✓' : 'Copy'}<span className="visually-hidden"> {what}</span></button>
      <span role="status" className={state === 'failed' ? 'problem small-print' : 'visually-hidden'}>
        {state === 'copied' ? `Copied ${what} to the clipboard` : state === 'failed' ? `Could not copy ${what}: select it and copy it by hand` : ''}
      </span>
    </>
  );
}
