import type { PackageFile } from './challengePackage.js';

/** How a file's `content` is written: as text, or (for binary files) in base64. */
export const FILE_ENCODINGS = ['utf8', 'base64'] as const;

export type FileEncoding = (typeof FILE_ENCODINGS)[number];

/** The bytes a file holds, decoded from its content. */
export const fileBytes = (f: PackageFile): Buffer => Buffer.from(f.content, f.encoding ?? 'utf8');
