import Docker from 'dockerode';
import { loadConfig, type Config } from '../config.js';
import type { Grader } from '../grading/grade.js';
import { imageResolver } from '../images/imageResolver.js';
import { openStore } from '../platform/openStore.js';
import type { Store } from '../platform/store.js';

/** What the CLI's commands use: the database and a grader, without Redis or a worker. */
export interface ToolContext {
  config: Config;
  grader: Grader;
  openStore(): Promise<Store>;
}

export function toolContext(config: Config = loadConfig()): ToolContext {
  const docker = new Docker({ socketPath: config.dockerSocket });
  return {
    config,
    grader: { docker, scope: config.queueName, imageFor: imageResolver(config.baseImage) },
    openStore: () => openStore(config.database),
  };
}
