import type { RunnerName } from '../../images/runners.js';
import type { Cheat, CheatSource } from './cheat.js';
import { goCheats } from './goCheats.js';
import { httpCheats } from './httpCheats.js';
import { javaCheats } from './javaCheats.js';
import { nodeCheats } from './nodeCheats.js';
import { phpCheats } from './phpCheats.js';
import { pythonCheats } from './pythonCheats.js';
import { rubyCheats } from './rubyCheats.js';
import { sqlCheats } from './sqlCheats.js';

const BY_RUNNER: Record<RunnerName, (source: CheatSource) => Cheat[]> = {
  python: pythonCheats,
  node: nodeCheats,
  java: javaCheats,
  go: goCheats,
  sql: sqlCheats,
  http: httpCheats,
  php: phpCheats,
  ruby: rubyCheats,
};

/** The built-in cheat set for a challenge's runner, generated from what a candidate sees of it. */
export const cheatsFor = (runner: RunnerName, source: CheatSource): Cheat[] => BY_RUNNER[runner](source);
