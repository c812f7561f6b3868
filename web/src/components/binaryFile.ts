import type { SourceFile } from '../api/types';

/** What to show instead of an editor for a binary file (sent base64), or null for text. */
export function binaryNote(file: SourceFile): string | null {
  if (file.encoding !== 'base64') return null;
  const padding = file.content.endsWith('==') ? 2 : file.content.endsWith('=') ? 1 : 0;
  const bytes = (file.content.length / 4) * 3 - padding;
  return `${file.path} is a binary file (${bytes} ${bytes === 1 ? 'byte' : 'bytes'}); it is kept and submitted as it is.`;
}
