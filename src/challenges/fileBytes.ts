import type { PackageFile } from './challengePackage.js';

/** How a file's `content` is written: as text, or (for binary files) in base64. */
export const FILE_ENCODINGS = ['utf8', 'base64'] as const;

export type FileEncoding = (typeof FILE_ENCODINGS)[number];

/** The bytes a file holds, decoded from its content. */
export const fileBytes = (f: PackageFile): Buffer => Buffer.from(f.content, f.encoding ?? 'utf8');

/** Canonical base64 (padded, no whitespace): what decodes is exactly what was sent. */
export const isBase64 = (s: string) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A file read from disk or an archive: text when its bytes are UTF-8, else base64, so no byte is lost. */
export function fileOf(path: string, bytes: Uint8Array): PackageFile {
  try {
    return { path, content: strictUtf8.decode(bytes) };
  } catch {
    return { path, content: Buffer.from(bytes).toString('base64'), encoding: 'base64' };
  }
}
