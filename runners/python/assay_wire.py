"""Frames on the boundary's connections: a 4-byte big-endian length, then that many bytes of JSON.

The peer may be hostile: a frame is bounded, and anything that is not a well-formed frame of JSON ends
the connection (ProtocolError) rather than being guessed at.
"""
import json
import struct

MAX_FRAME_BYTES = 16 << 20
_HEADER = struct.Struct(">I")


class ProtocolError(Exception):
    """The peer broke the protocol: the connection cannot be trusted to carry anything more."""


class PeerGone(ProtocolError):
    """The connection closed: the process at its other end exited or was killed."""


class Connection:
    """One stream socket, read a chunk at a time: a small reply costs one read, not two."""

    def __init__(self, sock):
        self.sock = sock
        self._buffer = bytearray()

    def send(self, message):
        data = json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "surrogatepass")
        if len(data) > MAX_FRAME_BYTES:
            raise ValueError(f"a value of {len(data)} bytes is too large to cross the boundary")
        try:
            self.sock.sendall(_HEADER.pack(len(data)) + data)
        except OSError as err:
            raise PeerGone(f"the connection failed: {err}") from None

    def recv(self):
        self._fill(_HEADER.size)
        (size,) = _HEADER.unpack_from(self._buffer)
        if size > MAX_FRAME_BYTES:
            raise ProtocolError(f"a frame of {size} bytes is over the limit")
        self._fill(_HEADER.size + size)
        data = bytes(self._buffer[_HEADER.size:_HEADER.size + size])
        del self._buffer[:_HEADER.size + size]
        try:
            return json.loads(data.decode("utf-8", "surrogatepass"))
        except (ValueError, RecursionError) as err:
            raise ProtocolError(f"a frame is not valid JSON: {err}") from None

    def close(self):
        self.sock.close()

    def _fill(self, size):
        while len(self._buffer) < size:
            try:
                chunk = self.sock.recv(max(65536, size - len(self._buffer)))
            except OSError as err:
                raise PeerGone(f"the connection failed: {err}") from None
            if not chunk:
                raise PeerGone("the other process closed the connection")
            self._buffer += chunk
