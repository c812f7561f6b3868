/**
 * `npm run images [runner…]`: builds the sandbox images that are missing (all runners by default).
 * Needs a Docker engine; with no ASSAY_BASE_IMAGE, also root and debootstrap for the first build.
 */
import Docker from 'dockerode';
import { ensureRunnerImages } from '../src/images/ensureRunnerImages.js';
import { runnerImageRef } from '../src/images/imageRefs.js';
import { RUNNERS } from '../src/images/runners.js';
import { loadConfig } from '../src/config.js';

const runners = process.argv.length > 2 ? process.argv.slice(2) : [...RUNNERS];
const started = Date.now();
try {
  const { baseImage } = loadConfig();
  await ensureRunnerImages(new Docker(), runners, baseImage, (msg) => console.log(msg));
  for (const runner of runners) console.log(`ready: ${await runnerImageRef(runner, baseImage)}`);
  console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
