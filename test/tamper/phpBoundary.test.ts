import { boundarySuite } from './boundarySuite.js';
import { BOUNDARY_CASES } from './phpBoundaryCases.js';

boundarySuite("attacks on the PHP runner's boundary", 'boundary-php', 'Solve.php', 6, BOUNDARY_CASES);
