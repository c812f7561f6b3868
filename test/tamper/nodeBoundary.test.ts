import { boundarySuite } from './boundarySuite.js';
import { BOUNDARY_CASES } from './nodeBoundaryCases.js';

boundarySuite("attacks on the Node runner's boundary", 'boundary-node', 'solve.js', 7, BOUNDARY_CASES);
