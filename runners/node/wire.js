// Frames on the boundary's connection: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
// The peer may be hostile: a frame is bounded, and a malformed one ends the connection.
import { writeSync } from 'node:fs';

export const MAX_FRAME_BYTES = 16 << 20;

export class ProtocolError extends Error {}

export function writeFrame(fd, message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > MAX_FRAME_BYTES) throw new RangeError(`a value of ${body.length} bytes is too large to cross the boundary`);
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, 4);
  for (let sent = 0; sent < frame.length; ) sent += writeSync(fd, frame, sent);
}

export class FrameParser {
  #buffer = Buffer.alloc(0);

  /** The complete frames' JSON texts so far; throws ProtocolError on an oversized frame. */
  push(chunk) {
    this.#buffer = this.#buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#buffer, chunk]);
    const frames = [];
    while (this.#buffer.length >= 4) {
      const size = this.#buffer.readUInt32BE(0);
      if (size > MAX_FRAME_BYTES) throw new ProtocolError(`a frame of ${size} bytes is over the limit`);
      if (this.#buffer.length < 4 + size) break;
      frames.push(this.#buffer.toString('utf8', 4, 4 + size));
      this.#buffer = this.#buffer.subarray(4 + size);
    }
    return frames;
  }
}
