<?php
declare(strict_types=1);

namespace Assay\Wire;

/** How one side turns objects into handles and back: its own objects, and stand-ins for the peer's. */
interface Objects
{
    /** An object as it crosses: `{"#": "h", …}` for one of this side's, `{"#": "y", "id": n}` for a stand-in's. */
    public function encodeObject(object $value): array;

    /** `h` (the peer's object: a stand-in) or `y` (one of this side's own, by id); null when malformed. */
    public function decodeObject(\stdClass $tagged): mixed;
}

/**
 * Values as JSON (docs/runner-contract.md, "The PHP boundary"): null, booleans, ints and UTF-8 strings are
 * themselves, a list is a JSON list; everything else is an object tagged by "#": `f` float (NAN, INF and
 * -INF as text), `b` bytes that are not UTF-8 (base64), `a` an array that is not a list ([[key, value], …],
 * in order), `h`/`y` objects. Decoding accepts exactly these shapes and nothing else.
 */
final class Codec
{
    public const MAX_DEPTH = 64;
    public const MAX_ITEMS = 1 << 20;

    public function __construct(private Objects $objects)
    {
    }

    public function encode(mixed $value, int $depth = 0): mixed
    {
        if ($depth > self::MAX_DEPTH) {
            throw new BoundaryError('a value nested more than 64 levels deep');
        }
        return match (true) {
            $value === null, is_bool($value), is_int($value) => $value,
            is_float($value) => ['#' => 'f', 'v' => is_nan($value) ? 'NAN' : (is_infinite($value) ? ($value > 0 ? 'INF' : '-INF') : $value)],
            is_string($value) => preg_match('//u', $value) === 1 ? $value : ['#' => 'b', 'v' => base64_encode($value)],
            is_array($value) => $this->encodeArray($value, $depth),
            is_object($value) => $this->objects->encodeObject($value),
            default => throw new BoundaryError('a ' . get_debug_type($value) . ' cannot cross to the other process'),
        };
    }

    private function encodeArray(array $value, int $depth): array
    {
        if (count($value) > self::MAX_ITEMS) {
            throw new BoundaryError('an array of more than 2^20 items');
        }
        if (array_is_list($value)) {
            return array_map(fn ($item) => $this->encode($item, $depth + 1), $value);
        }
        $pairs = [];
        foreach ($value as $key => $item) {
            $pairs[] = [$this->encode($key, $depth + 1), $this->encode($item, $depth + 1)];
        }
        return ['#' => 'a', 'v' => $pairs];
    }

    public function decode(mixed $json, int $depth = 0): mixed
    {
        if ($depth > self::MAX_DEPTH) {
            throw new BoundaryError('a value nested more than 64 levels deep');
        }
        if ($json === null || is_bool($json) || is_int($json) || is_string($json)) {
            return $json;
        }
        if (is_array($json)) {
            if (count($json) > self::MAX_ITEMS) {
                throw new BoundaryError('an array of more than 2^20 items');
            }
            return array_map(fn ($item) => $this->decode($item, $depth + 1), $json);
        }
        if ($json instanceof \stdClass && is_string($json->{'#'} ?? null)) {
            $value = match ($json->{'#'}) {
                'f' => self::float($json),
                'b' => self::bytes($json),
                'a' => $this->assoc($json, $depth),
                'h', 'y' => $this->objects->decodeObject($json),
                default => null,
            };
            if ($value !== null) {
                return $value;
            }
        }
        throw new BoundaryError('a malformed value from the other process');
    }

    /** The fields of a tagged object, exactly these or null. */
    public static function fields(\stdClass $tagged, array $names): ?array
    {
        $fields = get_object_vars($tagged);
        unset($fields['#']);
        $keys = array_map('strval', array_keys($fields));
        sort($keys);
        sort($names);
        return $keys === $names ? $fields : null;
    }

    private static function float(\stdClass $tagged): ?float
    {
        $v = self::fields($tagged, ['v'])['v'] ?? null;
        return match (true) {
            is_int($v), is_float($v) => (float) $v,
            $v === 'NAN' => NAN,
            $v === 'INF' => INF,
            $v === '-INF' => -INF,
            default => null,
        };
    }

    private static function bytes(\stdClass $tagged): ?string
    {
        $v = self::fields($tagged, ['v'])['v'] ?? null;
        $bytes = is_string($v) ? base64_decode($v, true) : false;
        return $bytes === false ? null : $bytes;
    }

    private function assoc(\stdClass $tagged, int $depth): ?array
    {
        $pairs = self::fields($tagged, ['v'])['v'] ?? null;
        if (!is_array($pairs) || count($pairs) > self::MAX_ITEMS) {
            return null;
        }
        $array = [];
        foreach ($pairs as $pair) {
            if (!is_array($pair) || count($pair) !== 2) {
                return null;
            }
            $key = $this->decode($pair[0], $depth + 1);
            if (!is_int($key) && !is_string($key)) {
                return null;
            }
            $array[$key] = $this->decode($pair[1], $depth + 1);
        }
        return $array;
    }
}
