import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Job } from 'bullmq';
import { writePackage } from '../challenges/packageUpload.js';
import type { Grader } from '../grading/grade.js';
import type { ValidationJob, ValidationReportMessage } from '../queue/validationQueue.js';
import type { ServerLimits } from '../sandbox/limits.js';
import { validatePackage } from '../tools/validatePackage.js';

/**
 * Validates an uploaded package exactly as `assay challenge validate` validates a folder. Our own
 * failures throw and are retried; after the last try the upload is rejected, saying why.
 */
export async function processValidation(grader: Grader, server: ServerLimits, job: Job<ValidationJob>, report: (msg: ValidationReportMessage) => Promise<unknown>): Promise<void> {
  const { ownerId, importId, slug, files } = job.data;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-validate-'));
  try {
    const found = await validatePackage(grader, server, await writePackage(dir, slug, files));
    await report({ ownerId, importId, problems: found.problems, checks: found.checks });
  } catch (err) {
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
    await report({ ownerId, importId, problems: [`the package could not be validated (${(err as Error).message}); upload it again`], checks: [] });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
