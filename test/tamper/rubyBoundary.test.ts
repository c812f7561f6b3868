import { boundarySuite } from './boundarySuite.js';
import { BOUNDARY_CASES } from './rubyBoundaryCases.js';

boundarySuite("attacks on the Ruby runner's boundary", 'boundary-ruby', 'solve.rb', 6, BOUNDARY_CASES);
