<?php
declare(strict_types=1);

namespace Assay\Wire;

/**
 * One side of the boundary: a request is `{"q": op, …}`, its reply `{"ok": value}` or `{"err": exception}`.
 * Both processes are single-threaded, so calls nest: while a side waits for its reply it serves the
 * requests that arrive (a callback the solution makes into a test's closure, which may call it again).
 */
final class Peer
{
    /**
     * @param \Closure(\stdClass): mixed $serve answers one request of the peer's
     * @param \Closure(array): \Throwable $rebuild an exception the peer threw, as this side's own
     */
    public function __construct(private Frames $frames, public readonly Codec $codec, private \Closure $serve, private \Closure $rebuild)
    {
    }

    public function request(string $op, array $fields = []): mixed
    {
        $this->frames->send(['q' => $op] + $fields);
        while (true) {
            $frame = $this->frames->receive();
            if ($frame === null) {
                throw new BoundaryError('the other process went away (it ended, or crashed)');
            }
            $fields = get_object_vars($frame);
            if (isset($fields['q'])) {
                $this->serve($frame);
            } elseif (array_keys($fields) === ['ok']) {
                return $this->codec->decode($fields['ok']);
            } elseif (array_keys($fields) === ['err'] && ($error = Errors::check($fields['err'])) !== null) {
                throw ($this->rebuild)($error);
            } else {
                throw new BoundaryError('a malformed reply from the other process');
            }
        }
    }

    /** Serves the peer's requests until it hangs up. */
    public function serveUntilClosed(): void
    {
        while (($frame = $this->frames->receive()) !== null) {
            $this->serve($frame);
        }
    }

    private function serve(\stdClass $frame): void
    {
        try {
            $reply = ['ok' => $this->codec->encode(($this->serve)($frame))];
        } catch (\Throwable $e) {
            $reply = ['err' => Errors::describe($e)];
        }
        $this->frames->send($reply);
    }
}

/** Exceptions as they cross: `{"c": [class, parent, …], "m": message, "k": code, "w": where or null}`. */
final class Errors
{
    private const SOLUTION = '/work/solution/';

    public static function describe(\Throwable $e): array
    {
        $chain = [];
        for ($class = get_class($e); $class !== false; $class = get_parent_class($class)) {
            $chain[] = $class;
        }
        return ['c' => $chain, 'm' => $e->getMessage(), 'k' => is_int($e->getCode()) ? $e->getCode() : 0, 'w' => self::where($e)];
    }

    /** Where in the solution it was thrown, relative to it (`Cart.php:12`), or null. */
    private static function where(\Throwable $e): ?string
    {
        $frames = [['file' => $e->getFile(), 'line' => $e->getLine()], ...$e->getTrace()];
        foreach ($frames as $frame) {
            if (str_starts_with($frame['file'] ?? '', self::SOLUTION)) {
                return substr($frame['file'], strlen(self::SOLUTION)) . ':' . ($frame['line'] ?? 0);
            }
        }
        return null;
    }

    /** The exception the peer described, checked field by field; null when malformed. */
    public static function check(mixed $error): ?array
    {
        if (!$error instanceof \stdClass || Codec::fields($error, ['c', 'm', 'k', 'w']) === null) {
            return null;
        }
        $ok = is_array($error->c) && $error->c !== [] && count($error->c) <= 32
            && array_filter($error->c, fn ($name) => !is_string($name) || !Names::isClass($name)) === []
            && is_string($error->m) && is_int($error->k) && ($error->w === null || is_string($error->w));
        return $ok ? ['chain' => $error->c, 'message' => $error->m, 'code' => $error->k, 'where' => $error->w] : null;
    }

    /** An exception of `$class` with the peer's message and code, built without its class's constructor. */
    public static function instantiate(string $class, string $message, int $code): \Throwable
    {
        $e = (new \ReflectionClass($class))->newInstanceWithoutConstructor();
        $scope = $e instanceof \Exception ? \Exception::class : \Error::class;
        (new \ReflectionProperty($scope, 'message'))->setValue($e, $message);
        (new \ReflectionProperty($scope, 'code'))->setValue($e, $code);
        return $e;
    }
}

/** The names that may cross: only these are ever written into code a side generates. */
final class Names
{
    public static function isClass(string $name): bool
    {
        return preg_match('/^[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*(\\\\[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*)*$/D', $name) === 1;
    }

    public static function isMember(string $name): bool
    {
        return preg_match('/^[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*$/D', $name) === 1;
    }

    /** [namespace, short name] of a class or function name. */
    public static function split(string $name): array
    {
        $at = strrpos($name, '\\');
        return $at === false ? ['', $name] : [substr($name, 0, $at), substr($name, $at + 1)];
    }
}
