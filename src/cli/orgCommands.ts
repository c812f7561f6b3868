import { randomBytes } from 'node:crypto';
import { organisationService } from '../organisations/organisationService.js';
import type { ToolContext } from '../runtime/toolContext.js';
import { withStore } from './challengeCommands.js';
import { UsageError } from './UsageError.js';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** `assay org create --name N --slug s --owner-email e [--owner-name n]`: an organisation and its owner. */
export async function createOrganisation(ctx: ToolContext, opts: { name?: string; slug?: string; ownerEmail?: string; ownerName?: string }): Promise<string> {
  if (!opts.name) throw new UsageError('missing --name');
  if (!opts.slug || !SLUG.test(opts.slug)) throw new UsageError('--slug must be 2-63 lowercase letters, digits and dashes');
  if (!opts.ownerEmail || !/^[^@\s]+@[^@\s]+$/.test(opts.ownerEmail)) throw new UsageError('--owner-email must be an email address');
  const password = randomBytes(18).toString('base64url');
  const { id } = await withStore(ctx, (store) =>
    organisationService(store).create({ slug: opts.slug!, name: opts.name!, owner: { email: opts.ownerEmail!, name: opts.ownerName ?? opts.ownerEmail!, password } }));
  return [
    `created organisation ${opts.slug} (${id})`,
    `its owner signs in (POST /v1/session) with`,
    `  email:    ${opts.ownerEmail!.trim().toLowerCase()}`,
    `  password: ${password}`,
    'shown this once: sign in and keep it safe.',
  ].join('\n');
}
