<?php
declare(strict_types=1);

namespace Assay\Tester;

/**
 * A stand-in for an object of the solution's: `new` of the solution's class, method calls, static calls and
 * property access all cross to the solution's process. It holds only its handle: two stand-ins are equal
 * (assertEquals) only when they stand for the same object, so the solution never decides an equality.
 */
abstract class Proxy
{
    private int $assayHandle;

    public function __construct(mixed ...$args)
    {
        Remote::$current->construct($this, static::class, $args);
    }

    public function __call(string $name, array $args): mixed
    {
        return Remote::$current->call($this, $name, $args);
    }

    public static function __callStatic(string $name, array $args): mixed
    {
        return Remote::$current->callStatic(static::class, $name, $args);
    }

    public function __get(string $name): mixed
    {
        return Remote::$current->property('get', $this, $name);
    }

    public function __set(string $name, mixed $value): void
    {
        Remote::$current->property('set', $this, $name, $value);
    }

    public function __isset(string $name): bool
    {
        return Remote::$current->property('isset', $this, $name) === true;
    }

    public function __unset(string $name): void
    {
        Remote::$current->property('unset', $this, $name);
    }
}

/** The stand-in for an object of the solution's that is of no class of its API: a closure, an anonymous class. */
final class RemoteObject extends Proxy
{
    public function __construct()
    {
    }

    public function __invoke(mixed ...$args): mixed
    {
        return Remote::$current->call($this, '__invoke', $args);
    }
}
