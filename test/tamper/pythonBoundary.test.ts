import { boundarySuite } from './boundarySuite.js';
import { BOUNDARY_CASES } from './pythonBoundaryCases.js';

boundarySuite("attacks on the Python runner's boundary", 'boundary-python', 'solve.py', 6, BOUNDARY_CASES);
