<?php
declare(strict_types=1);

namespace Assay\Wire;

/** Why a call could not cross: a malformed frame, a value that cannot cross, a peer that went away. */
final class BoundaryError extends \Error
{
}

/** Frames on a stream socket: a 4-byte big-endian length, then a JSON object (at most 16 MiB). */
final class Frames
{
    public const MAX_BYTES = 16 << 20;
    // json_decode's depth counts the frame's own levels; Codec caps the values at 64.
    private const MAX_DEPTH = 80;

    /** @param resource $stream */
    public function __construct(private $stream)
    {
    }

    public function send(array $frame): void
    {
        $json = json_encode($frame, JSON_THROW_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        if (strlen($json) > self::MAX_BYTES) {
            throw new BoundaryError('a value too large to cross (over 16 MiB)');
        }
        $data = pack('N', strlen($json)) . $json;
        for ($done = 0; $done < strlen($data); $done += $wrote) {
            $wrote = @fwrite($this->stream, substr($data, $done));
            if ($wrote === false || $wrote === 0) {
                throw new BoundaryError('the other process went away');
            }
        }
    }

    /** The next frame as an object (a JSON object decoded as stdClass, never an array), or null at the end. */
    public function receive(): ?\stdClass
    {
        $head = $this->read(4);
        if ($head === null) {
            return null;
        }
        $length = unpack('N', $head)[1];
        if ($length > self::MAX_BYTES) {
            throw new BoundaryError('a frame over 16 MiB');
        }
        $body = $this->read($length);
        if ($body === null) {
            throw new BoundaryError('a truncated frame');
        }
        try {
            $frame = json_decode($body, false, self::MAX_DEPTH, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new BoundaryError('a frame that is not JSON: ' . $e->getMessage());
        }
        if (!$frame instanceof \stdClass) {
            throw new BoundaryError('a frame that is not a JSON object');
        }
        return $frame;
    }

    private function read(int $length): ?string
    {
        $data = '';
        while (strlen($data) < $length) {
            $chunk = @fread($this->stream, $length - strlen($data));
            if ($chunk === false || $chunk === '') {
                return null;
            }
            $data .= $chunk;
        }
        return $data;
    }
}
