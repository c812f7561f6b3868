import path from 'node:path';
import { repoRoot } from '../../src/repoRoot.js';
import { hostileSuite } from './hostileSuite.js';
import { HONEST_PHP, PHP_HOSTILE_CASES } from './phpCases.js';

const target = { challengesDir: path.join(repoRoot, 'test/hostile/challenges'), slug: 'sum-php', file: 'calc.php', honest: HONEST_PHP };
hostileSuite('hostile PHP submissions', target, PHP_HOSTILE_CASES);
