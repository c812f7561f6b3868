import os from 'node:os';
import type Docker from 'dockerode';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  docker: string;
  node: string;
  /** Containers running on the engine that are not the benchmark's (other work sharing the host). */
  otherContainers: number;
  loadAverage: number;
}

export async function describeMachine(docker: Docker): Promise<Machine> {
  const version = await docker.version();
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: os.release(),
    docker: version.Version,
    node: process.version,
    otherContainers: (await docker.listContainers()).length,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
