import path from 'node:path';
import { repoRoot } from '../../src/repoRoot.js';
import { hostileSuite } from './hostileSuite.js';
import { HONEST_RUBY, RUBY_HOSTILE_CASES } from './rubyCases.js';

const target = { challengesDir: path.join(repoRoot, 'test/hostile/challenges'), slug: 'sum-ruby', file: 'calc.rb', honest: HONEST_RUBY };
hostileSuite('hostile Ruby submissions', target, RUBY_HOSTILE_CASES);
