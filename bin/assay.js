#!/usr/bin/env node
// `npx assay …`: the CLI is TypeScript, loaded through tsx so that it runs from a checkout without a build.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
