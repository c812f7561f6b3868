import { boundarySuite } from './boundarySuite.js';
import { GO_BOUNDARY_CASES } from './goBoundaryCases.js';

boundarySuite("attacks on the Go runner's boundary", 'boundary-go', 'solve.go', 5, GO_BOUNDARY_CASES);
