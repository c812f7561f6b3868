import { boundarySuite } from './boundarySuite.js';
import { JEST_BOUNDARY_CASES } from './nodeBoundaryJestCases.js';

boundarySuite("attacks on the Node runner's jest framework", 'boundary-node-jest', 'solve.js', 7, JEST_BOUNDARY_CASES);
