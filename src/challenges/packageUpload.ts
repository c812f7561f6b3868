import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { PackageRejectedError } from '../errors/PackageRejectedError.js';
import { PayloadTooLargeError } from '../errors/PayloadTooLargeError.js';
import type { ChallengePackage, PackageFile } from './challengePackage.js';
import { fileBytes, fileOf, isBase64 } from './fileBytes.js';
import { InvalidPackageError } from './InvalidPackageError.js';
import { readPackage } from './readPackage.js';

/** An uploaded package, unpacked: what a challenge needs, with room for many mutants. */
export const UPLOAD_LIMITS = { maxBytes: 5 * 1024 * 1024, maxFiles: 1000 } as const;

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

const rejected = (problems: string[]) =>
  new PackageRejectedError(problems.join('; '), { errors: problems.map((message) => ({ field: '/body', message })) });

/**
 * The files of a tar.gz package. Decompression stops at the size limit (no gzip bomb gets further);
 * only regular files count, and a link or device is refused rather than followed.
 */
export async function filesFromArchive(archive: Buffer): Promise<PackageFile[]> {
  let tarball: Buffer;
  try {
    tarball = gunzipSync(archive, { maxOutputLength: UPLOAD_LIMITS.maxBytes + 10 * 1024 * 1024 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new PayloadTooLargeError(`The package unpacks to more than ${UPLOAD_LIMITS.maxBytes} bytes.`);
    throw rejected([`the body is not gzip data: ${(err as Error).message}`]);
  }
  const files: PackageFile[] = [];
  const problems: string[] = [];
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        if (header.type === 'file') files.push(fileOf(header.name, Buffer.concat(chunks)));
        else if (header.type !== 'directory') problems.push(`${header.name} is a ${header.type}; a package holds only files and folders`);
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', (err) => reject(rejected([`the archive is not a tar file: ${err.message}`])));
  });
  extract.end(tarball);
  await done;
  if (problems.length > 0) throw rejected(problems);
  return files;
}

/** Paths relative to the package root: `./` and one enclosing folder (as `tar czf pkg.tgz my-challenge/` makes) are dropped. */
function rooted(files: PackageFile[]): PackageFile[] {
  const clean = files.map((f) => ({ ...f, path: f.path.replace(/^(\.\/)+/, '') }));
  if (clean.some((f) => f.path === 'challenge.json')) return clean;
  const tops = new Set(clean.map((f) => f.path.split('/')[0]));
  const [top] = tops;
  if (tops.size === 1 && clean.some((f) => f.path === `${top}/challenge.json`)) return clean.map((f) => ({ ...f, path: f.path.slice(top!.length + 1) }));
  return clean;
}

function pathProblems(files: PackageFile[]): string[] {
  const problems = files.flatMap((f) => (f.path.split('/').every((s) => SEGMENT.test(s)) ? [] : [`${f.path}: a path may only use letters, digits, ".", "_" and "-", with no empty, "." or ".." segment, and no segment starting with "." or "-"`]));
  problems.push(...files.filter((f) => f.encoding === 'base64' && !isBase64(f.content)).map((f) => `${f.path}: the content is not valid base64`));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) problems.push(`${f.path} appears twice`);
    seen.add(f.path);
  }
  const bytes = files.reduce((n, f) => n + fileBytes(f).length, 0);
  if (bytes > UPLOAD_LIMITS.maxBytes) throw new PayloadTooLargeError(`The package holds ${bytes} bytes; at most ${UPLOAD_LIMITS.maxBytes} are allowed.`);
  if (files.length > UPLOAD_LIMITS.maxFiles) problems.push(`the package holds ${files.length} files; at most ${UPLOAD_LIMITS.maxFiles} are allowed`);
  return problems;
}

/** Writes a package's files into `<dir>/<slug>/` (readPackage checks the folder's name), returning that folder. */
export async function writePackage(dir: string, slug: string, files: PackageFile[]): Promise<string> {
  const root = path.join(dir, slug);
  for (const f of files) {
    const target = path.join(root, f.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, fileBytes(f));
  }
  return root;
}

/** The slug challenge.json claims, so the files can be laid out as a package folder. */
function claimedSlug(files: PackageFile[]): string {
  const manifest = files.find((f) => f.path === 'challenge.json');
  if (!manifest) throw rejected(['challenge.json is missing']);
  let slug: unknown;
  try {
    slug = (JSON.parse(manifest.content) as { slug?: unknown }).slug;
  } catch (err) {
    throw rejected([`challenge.json is not JSON: ${(err as Error).message}`]);
  }
  if (typeof slug !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw rejected(['challenge.json: slug must be lower-case words joined by "-"']);
  return slug;
}

/**
 * An uploaded package read exactly as `assay challenge validate` reads a folder, so both accept and
 * refuse the same packages; returns it with its files as they will be stored.
 */
export async function readUploadedPackage(uploaded: PackageFile[]): Promise<{ pkg: ChallengePackage; files: PackageFile[] }> {
  const files = rooted(uploaded);
  const problems = pathProblems(files);
  if (problems.length > 0) throw rejected(problems);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-upload-'));
  try {
    return { pkg: await readPackage(await writePackage(dir, claimedSlug(files), files)), files };
  } catch (err) {
    if (err instanceof InvalidPackageError) throw rejected(err.problems);
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
