import Docker from 'dockerode';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import type { Grader } from '../grading/grade.js';
import { imageResolver } from '../images/imageResolver.js';

/** What the CLI's commands use: the database and a grader, without Redis or a worker. */
export interface ToolContext {
  config: Config;
  grader: Grader;
  openDb(): Database;
}

export function toolContext(): ToolContext {
  const config = loadConfig();
  const docker = new Docker({ socketPath: config.dockerSocket });
  return {
    config,
    grader: { docker, serverLimits: config.sandbox, imageFor: imageResolver() },
    openDb: () => openDatabase(config.databasePath),
  };
}
