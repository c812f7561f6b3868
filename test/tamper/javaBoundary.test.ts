import { boundarySuite } from './boundarySuite.js';
import { BOUNDARY_CASES } from './javaBoundaryCases.js';

boundarySuite("attacks on the Java runner's boundary", 'boundary-java', 'Ledger.java', 7, BOUNDARY_CASES);
