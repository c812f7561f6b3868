import type { FieldProblem } from '../errors/AppError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { fileBytes, isBase64 } from '../challenges/fileBytes.js';
import { SUBMISSION_LIMITS } from './submissionLimits.js';
import type { SubmittedFile } from './submission.js';

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Why a path cannot be a file inside the solution folder, or null when it can. */
function pathProblem(path: string): string | null {
  if (path.includes('\0')) return 'must not contain NUL bytes';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'must be relative, not absolute';
  if (path.includes('\\')) return 'must use / as the separator';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'must not contain ".." segments';
  if (segments.some((s) => s === '' || s === '.')) return 'must not contain empty or "." segments';
  if (!segments.every((s) => SEGMENT.test(s))) return 'segments may only use letters, digits, ".", "_" and "-", and must not start with "." or "-"';
  return null;
}

/** Why a file's content cannot be decoded, or null when it can. */
function contentProblem(file: SubmittedFile): string | null {
  if (file.encoding === 'base64') return isBase64(file.content) ? null : 'is not valid base64';
  return file.content.isWellFormed() ? null : 'is not valid UTF-8 text (lone surrogate)';
}

export interface FileRules {
  /** A draft may be all empty files (a workspace just opened); a submission must have something to run. */
  allowEmpty?: boolean;
}

/**
 * What the schema cannot say about submitted files: safe paths, no duplicates, content that decodes
 * (well-formed Unicode, as a lone surrogate cannot be written as UTF-8, or base64), sizes counted in
 * decoded bytes, and some content at all (an empty file, such as `__init__.py`, is fine).
 */
export function validateFiles(files: SubmittedFile[], rules: FileRules = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  files.forEach((file, i) => {
    const problem = pathProblem(file.path);
    if (problem) problems.push({ field: `/body/files/${i}/path`, message: problem });
    const key = file.path.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) problems.push({ field: `/body/files/${i}/path`, message: `duplicates /body/files/${first}/path` });
    else seen.set(key, i);
    const content = contentProblem(file);
    if (content) {
      problems.push({ field: `/body/files/${i}/content`, message: content });
      return;
    }
    const bytes = fileBytes(file).length;
    // The schema's length cap leaves room for base64, which is longer than what it holds: the limit is on bytes.
    if (bytes > SUBMISSION_LIMITS.maxFileBytes) problems.push({ field: `/body/files/${i}/content`, message: `size ${bytes} bytes exceeds ${SUBMISSION_LIMITS.maxFileBytes}` });
    total += bytes;
  });
  files.forEach((file, i) => {
    const segments = file.path.toLowerCase().split('/');
    for (let n = 1; n < segments.length; n++) {
      const folder = segments.slice(0, n).join('/');
      const clash = seen.get(folder);
      if (clash !== undefined) problems.push({ field: `/body/files/${i}/path`, message: `is inside /body/files/${clash}/path, which is a file` });
    }
  });
  if (problems.length === 0 && total === 0 && !rules.allowEmpty) problems.push({ field: '/body/files', message: 'every file is empty: there is nothing to run' });
  if (total > SUBMISSION_LIMITS.maxTotalBytes) {
    problems.push({ field: '/body/files', message: `total size ${total} bytes exceeds ${SUBMISSION_LIMITS.maxTotalBytes}` });
  }
  return problems;
}

/** Throws the problems of `validateFiles` as one validation error (400), each field named. */
export function assertValidFiles(files: SubmittedFile[], rules: FileRules = {}): void {
  const problems = validateFiles(files, rules);
  if (problems.length > 0) throw new ValidationError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), { errors: problems });
}
