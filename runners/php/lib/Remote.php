<?php
declare(strict_types=1);

namespace Assay\Tester;

use Assay\Wire\BoundaryError;
use Assay\Wire\Codec;
use Assay\Wire\Errors;
use Assay\Wire\Frames;
use Assay\Wire\Names;
use Assay\Wire\Objects;
use Assay\Wire\Peer;

/**
 * The tests' side of the boundary, as the tester user: stand-ins for the solution's classes, functions and
 * objects, whose every call crosses to the solution's process. What comes back is data, rebuilt here:
 * the solution's process never holds an object of this one, only handles it may call back (a closure, a
 * fake a test handed over), and the verdict is PHPUnit's, in this process.
 */
final class Remote implements Objects
{
    public static Remote $current;
    public readonly Peer $peer;
    /** @var array<string, true> stand-ins defined here for the solution's classes */
    private array $standIns = [];
    /** @var array<string, true> the solution's interfaces, as defined here */
    private array $interfaces = [];
    /** @var array<int, Proxy> */
    private array $proxies = [];
    private \WeakMap $handles;
    /** @var array<int, object> this side's objects the solution holds */
    private array $own = [];
    private \WeakMap $ownIds;
    /** @var \WeakMap<\Throwable, string> where in the solution an exception was thrown */
    public \WeakMap $where;
    private array $thrown = [];

    public function __construct(Frames $frames)
    {
        self::$current = $this;
        $this->handles = new \WeakMap();
        $this->ownIds = new \WeakMap();
        $this->where = new \WeakMap();
        $this->peer = new Peer($frames, new Codec($this), fn (\stdClass $f) => $this->serve($f), fn (array $e) => $this->rebuild($e));
    }

    public function construct(Proxy $proxy, string $class, array $args): void
    {
        $handle = $this->peer->request('new', ['c' => $class, 'a' => $this->peer->codec->encode($args)]);
        $id = $handle instanceof Proxy ? $this->handles[$handle] : throw new BoundaryError('the solution did not construct an object');
        unset($this->proxies[$id]);
        $this->bind($proxy, $id);
    }

    public function call(Proxy $proxy, string $method, array $args): mixed
    {
        return $this->peer->request('call', ['h' => $this->handles[$proxy], 'n' => $method, 'a' => $this->peer->codec->encode($args)]);
    }

    public function property(string $op, Proxy $proxy, string $name, mixed $value = null): mixed
    {
        $fields = ['h' => $this->handles[$proxy], 'n' => $name] + ($op === 'set' ? ['v' => $this->peer->codec->encode($value)] : []);
        return $this->peer->request($op, $fields);
    }

    public function callStatic(string $class, string $method, array $args): mixed
    {
        return $this->peer->request('static', ['c' => $class, 'n' => $method, 'a' => $this->peer->codec->encode($args)]);
    }

    public function callFunction(string $name, array $args): mixed
    {
        return $this->peer->request('fn', ['n' => $name, 'a' => $this->peer->codec->encode($args)]);
    }

    public function string(Proxy $proxy): string
    {
        $text = $this->call($proxy, '__toString', []);
        return is_string($text) ? $text : throw new BoundaryError('__toString of the solution returned no string');
    }

    /** A test has been reported: the exceptions it saw may go. */
    public function forgetThrown(): void
    {
        $this->thrown = [];
    }

    public function defined(string $class): void
    {
        $this->standIns[$class] = true;
        if (interface_exists($class, false)) {
            $this->interfaces[$class] = true;
        }
    }

    public function isStandIn(string $class): bool
    {
        return isset($this->standIns[$class]);
    }

    /** The solution's calls into a test's objects: only methods they could call in one process, never magic ones. */
    private function serve(\stdClass $f): mixed
    {
        $target = is_int($f->h ?? null) ? ($this->own[$f->h] ?? null) : null;
        $name = $f->n ?? null;
        if ($f->q !== 'call' || $target === null || !is_string($name) || !Names::isMember($name)) {
            throw new BoundaryError('the tests serve only calls of what a test handed over');
        }
        $args = $this->peer->codec->decode($f->a ?? null);
        if (!is_array($args)) {
            throw new BoundaryError('arguments that are not an array');
        }
        if ($name === '__invoke' && is_callable($target)) {
            return $target(...$args);
        }
        if (str_starts_with($name, '__') || !is_callable([$target, $name])) {
            throw new \BadMethodCallException("the test's object has no public method $name()");
        }
        return $target->$name(...$args);
    }

    public function encodeObject(object $value): array
    {
        if ($value instanceof Proxy && isset($this->handles[$value])) {
            return ['#' => 'y', 'id' => $this->handles[$value]];
        }
        if (!isset($this->ownIds[$value])) {
            if (array_filter([get_class($value), ...array_values(class_parents($value))], ExceptionClasses::ours(...)) !== []) {
                // A test case (an array callable [$this, 'm']) or PHPUnit's objects would let the solution call
                // expectException() or the like on the test: only closures and the tests' own objects cross.
                throw new BoundaryError('an object of PHPUnit or the runner (' . get_class($value) . ') cannot be handed to the solution; pass a closure');
            }
            $this->ownIds[$value] = count($this->own) + 1;
            $this->own[$this->ownIds[$value]] = $value;
        }
        $interfaces = array_values(array_filter(class_implements($value), fn ($i) => isset($this->interfaces[$i])));
        return ['#' => 'h', 'id' => $this->ownIds[$value], 'c' => $value instanceof \Closure ? 'Closure' : null, 'i' => $interfaces];
    }

    public function decodeObject(\stdClass $tagged): mixed
    {
        if ($tagged->{'#'} === 'y') {
            $id = Codec::fields($tagged, ['id'])['id'] ?? null;
            return is_int($id) ? ($this->own[$id] ?? null) : null;
        }
        $fields = Codec::fields($tagged, ['id', 'c', 'i']);
        if ($fields === null || !is_int($fields['id']) || $fields['i'] !== [] || !($fields['c'] === null || is_string($fields['c']))) {
            return null;
        }
        if (!isset($this->proxies[$fields['id']])) {
            // A class of the solution's API has its stand-in; any other object (a closure, an anonymous class) a generic one.
            $class = is_string($fields['c']) && isset($this->standIns[$fields['c']]) && is_subclass_of($fields['c'], Proxy::class) ? $fields['c'] : RemoteObject::class;
            $reflection = new \ReflectionClass($class);
            $proxy = $reflection->isAbstract() ? new RemoteObject(...[]) : $reflection->newInstanceWithoutConstructor();
            $this->bind($proxy, $fields['id']);
        }
        return $this->proxies[$fields['id']];
    }

    private function bind(Proxy $proxy, int $id): void
    {
        $this->proxies[$id] = $proxy;
        $this->handles[$proxy] = $id;
        \Closure::bind(fn () => $this->assayHandle = $id, $proxy, Proxy::class)();
    }

    /** The solution's exception as a class of the same name here (ExceptionClasses), with its message and code. */
    private function rebuild(array $error): \Throwable
    {
        $class = ExceptionClasses::for($error['chain']);
        $e = $class === null
            ? new SolutionException($error['chain'][0] . ': ' . $error['message'], $error['code'])
            : Errors::instantiate($class, $error['message'], $error['code']);
        if ($error['where'] !== null) {
            $this->where[$e] = $error['where'];
            // PHPUnit keeps only a weak reference to what a test threw: held here until the test has been reported.
            $this->thrown[] = $e;
        }
        return $e;
    }
}

/** An exception of the solution's whose class could not be rebuilt here (its name is one of the tests' side's own). */
final class SolutionException extends \Exception
{
}
