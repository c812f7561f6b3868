import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { ImageBuildError } from './ImageBuildError.js';

interface BuildEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/** Builds `tag` from a tar context, passing each line of the builder's output to `log`. */
export async function buildImage(
  docker: Docker,
  tag: string,
  context: Readable,
  buildargs: Record<string, string>,
  log: (msg: string) => void,
): Promise<void> {
  const output = await docker.buildImage(context, { t: tag, buildargs, rm: true, forcerm: true });
  // A failed step does not fail the HTTP request: it arrives as an `error` event in the stream.
  const failure = await new Promise<string | undefined>((resolve, reject) => {
    let error: string | undefined;
    docker.modem.followProgress(
      output,
      (err: Error | null) => (err ? reject(new ImageBuildError(tag, err.message)) : resolve(error)),
      (event: BuildEvent) => {
        for (const line of event.stream?.split('\n') ?? []) if (line.trim() !== '') log(line);
        if (event.error) error = event.errorDetail?.message ?? event.error;
      },
    );
  });
  if (failure !== undefined) throw new ImageBuildError(tag, failure);
}
