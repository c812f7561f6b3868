import { randomUUID } from 'node:crypto';
import type { Audit } from '../audit/audit.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';
import type { Actor, OwnerId } from '../tenancy/actor.js';
import { authorize } from '../tenancy/permissions.js';
import type { PackageFile } from './challengePackage.js';
import type { ChallengeImport, ChallengeImportRepository } from './challengeImportRepository.js';
import type { ChallengeRepository } from './challengeRepository.js';
import { readUploadedPackage } from './packageUpload.js';

export interface ChallengeImportDeps {
  imports: ChallengeImportRepository;
  challenges: Pick<ChallengeRepository, 'save'>;
  /** Hands the package to a worker (queue/validationQueue.ts), which reports back through `record`. */
  validate: (job: { ownerId: OwnerId; importId: string; slug: string; files: PackageFile[] }) => Promise<void>;
  audit: Audit;
  now?: () => Date;
}

/**
 * An organisation's private challenges, uploaded through the API: read as `assay challenge validate`
 * reads a folder (a broken package is refused at once), then validated by a worker (reference, starter,
 * mutants); only then does it join the organisation's catalogue, where no other organisation sees it.
 */
export function challengeImportService(deps: ChallengeImportDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    async upload(caller: Actor, uploaded: PackageFile[]): Promise<ChallengeImport> {
      const actor = authorize(caller, 'challenges.write');
      const { pkg, files } = await readUploadedPackage(uploaded);
      const row: ChallengeImport = { id: randomUUID(), slug: pkg.manifest.slug, version: pkg.version, status: 'validating', problems: [], checks: [], createdAt: now(), finishedAt: null };
      await deps.imports.insert(actor.ownerId, row, files);
      try {
        await deps.validate({ ownerId: actor.ownerId, importId: row.id, slug: row.slug, files });
      } catch (err) {
        const problem = 'the validation queue was unavailable; upload the package again';
        await deps.imports.finish(actor.ownerId, row.id, { status: 'rejected', problems: [problem], checks: [] }, now());
        throw err instanceof ServiceUnavailableError ? err : new ServiceUnavailableError(problem, { cause: err });
      }
      await deps.audit(actor, 'challenge.uploaded', `challenge-import:${row.id}`, { slug: row.slug, version: row.version });
      return row;
    },

    async get(caller: Actor, id: string): Promise<ChallengeImport> {
      const found = await deps.imports.get(authorize(caller, 'challenges.write').ownerId, id);
      if (!found) throw new NotFoundError(`No challenge import ${id}.`);
      return found;
    },

    /** A worker's report: a package without problems joins the organisation's catalogue, as its current version. */
    async record(msg: { ownerId: OwnerId; importId: string; problems: string[]; checks: string[] }): Promise<void> {
      const found = await deps.imports.get(msg.ownerId, msg.importId);
      const files = found?.status === 'validating' && (await deps.imports.files(msg.ownerId, msg.importId));
      if (!files) return;
      const accepted = msg.problems.length === 0;
      // Saving first and then finishing makes a retried report harmless: a version is stored once.
      if (accepted) await deps.challenges.save(msg.ownerId, (await readUploadedPackage(files)).pkg, now());
      await deps.imports.finish(msg.ownerId, msg.importId, { status: accepted ? 'accepted' : 'rejected', problems: msg.problems, checks: msg.checks }, now());
    },
  };
}

export type ChallengeImportService = ReturnType<typeof challengeImportService>;
