// A worker thread of each boundary process: reads the connection's frames with blocking reads, so that
// the main thread gets them both while its event loop runs (a message) and while it is blocked waiting
// for a reply (Atomics.wait on `signal`, then receiveMessageOnPort).
import { readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { FrameParser } from './wire.js';

const { fd, port, signal } = workerData;
const counter = new Int32Array(signal);
const parser = new FrameParser();
const chunk = Buffer.alloc(65536);

function post(message) {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

try {
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    for (const frame of parser.push(chunk.subarray(0, n))) post({ frame });
  }
  post({ closed: 'the other process closed the connection' });
} catch (err) {
  post({ closed: `the connection failed: ${err.message}` });
}
