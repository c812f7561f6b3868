<?php
declare(strict_types=1);

namespace Assay\Agent;

use Assay\Wire\BoundaryError;
use Assay\Wire\Codec;
use Assay\Wire\Errors;
use Assay\Wire\Frames;
use Assay\Wire\Names;
use Assay\Wire\Objects;
use Assay\Wire\Peer;

/**
 * The solution's side, as the candidate user: loads the solution, describes its API in a hello frame, then
 * answers the tests' calls. It decides nothing: whatever it answers is data to the tests' process.
 */
final class Agent implements Objects
{
    public const SOLUTION = '/work/solution';
    public static Agent $current;

    private Peer $peer;
    /** @var array<string, true> the classes and interfaces the solution declared */
    private array $classes = [];
    /** @var array<string, true> its functions */
    private array $functions = [];
    /** @var array<int, object> this side's objects the tests hold, by id */
    private array $own = [];
    private \WeakMap $ids;
    /** @var \WeakMap<object, int> stand-ins of the tests' objects (closures and PeerObjects), to their ids */
    private \WeakMap $peerIds;
    /** @var array<int, object> the same, by id */
    private array $stubs = [];

    public function __construct(private Frames $frames)
    {
        self::$current = $this;
        $this->ids = new \WeakMap();
        $this->peerIds = new \WeakMap();
        $this->peer = new Peer($frames, new Codec($this), fn (\stdClass $f) => $this->serve($f), fn (array $e) => $this->rebuild($e));
    }

    public function start(): void
    {
        $hello = Loader::load(self::SOLUTION, $this->frames);
        if (isset($hello['api'])) {
            $this->classes = array_fill_keys(array_column($hello['api']['classes'], 'n'), true);
            $this->functions = array_fill_keys($hello['api']['functions'], true);
            $hello['api']['classes'] = array_map(fn ($c) => ['c' => $this->peer->codec->encode($c['c'])] + $c, $hello['api']['classes']);
        }
        $this->frames->send(['hello' => $hello]);
        if (isset($hello['api'])) {
            $this->peer->serveUntilClosed();
        }
    }

    private function serve(\stdClass $f): mixed
    {
        $args = fn () => $this->arguments($f->a ?? null);
        return match ($f->q) {
            'new' => new ($this->solutionClass($f->c ?? null))(...$args()),
            'call' => $this->ownObject($f->h ?? null)->{$this->member($f->n ?? null)}(...$args()),
            'static' => [$this->solutionClass($f->c ?? null), $this->member($f->n ?? null)](...$args()),
            'fn' => $this->solutionFunction($f->n ?? null)(...$args()),
            'get' => $this->ownObject($f->h ?? null)->{$this->member($f->n ?? null)},
            'set' => $this->set($this->ownObject($f->h ?? null), $this->member($f->n ?? null), $this->peer->codec->decode($f->v ?? null)),
            'isset' => isset($this->ownObject($f->h ?? null)->{$this->member($f->n ?? null)}),
            'unset' => $this->unset($this->ownObject($f->h ?? null), $this->member($f->n ?? null)),
            'mark' => $this->mark($f->s ?? null),
            default => throw new BoundaryError('an unknown request'),
        };
    }

    private function arguments(mixed $json): array
    {
        $args = $this->peer->codec->decode($json);
        return is_array($args) ? $args : throw new BoundaryError('arguments that are not an array');
    }

    private function solutionClass(mixed $name): string
    {
        return is_string($name) && isset($this->classes[$name]) ? $name : throw new BoundaryError('not a class of the solution');
    }

    private function solutionFunction(mixed $name): string
    {
        return is_string($name) && isset($this->functions[$name]) ? $name : throw new BoundaryError('not a function of the solution');
    }

    private function member(mixed $name): string
    {
        return is_string($name) && Names::isMember($name) ? $name : throw new BoundaryError('not a member name');
    }

    private function ownObject(mixed $id): object
    {
        return is_int($id) && isset($this->own[$id]) ? $this->own[$id] : throw new BoundaryError('an unknown handle');
    }

    private function set(object $target, string $name, mixed $value): null
    {
        $target->$name = $value;
        return null;
    }

    private function unset(object $target, string $name): null
    {
        unset($target->$name);
        return null;
    }

    /** Ends a test's share of this process's output: the harness cuts it there (runners/php/run). */
    private function mark(mixed $marker): null
    {
        if (!is_string($marker)) {
            throw new BoundaryError('a marker that is not a string');
        }
        fflush(STDOUT);
        fflush(STDERR);
        fwrite(STDOUT, $marker);
        fflush(STDOUT);
        return null;
    }

    public function encodeObject(object $value): array
    {
        if (isset($this->peerIds[$value])) {
            return ['#' => 'y', 'id' => $this->peerIds[$value]];
        }
        if (!isset($this->ids[$value])) {
            $this->ids[$value] = count($this->own) + 1;
            $this->own[$this->ids[$value]] = $value;
        }
        $class = get_class($value);
        return ['#' => 'h', 'id' => $this->ids[$value], 'c' => isset($this->classes[$class]) || $value instanceof \Closure ? $class : null, 'i' => []];
    }

    public function decodeObject(\stdClass $tagged): mixed
    {
        if ($tagged->{'#'} === 'y') {
            $id = Codec::fields($tagged, ['id'])['id'] ?? null;
            return is_int($id) ? ($this->own[$id] ?? null) : null;
        }
        $fields = Codec::fields($tagged, ['id', 'c', 'i']);
        if ($fields === null || !is_int($fields['id']) || !is_array($fields['i'])) {
            return null;
        }
        return $this->stubs[$fields['id']] ??= $this->stub($fields['id'], $fields['c'], $fields['i']);
    }

    /** A stand-in for a test's object: a closure for a closure, else an object with the solution's interfaces it has. */
    private function stub(int $id, mixed $class, array $interfaces): object
    {
        if ($class === 'Closure') {
            $stub = fn (mixed ...$args) => $this->callPeer($id, '__invoke', $args);
        } else {
            $interfaces = array_filter($interfaces, fn ($name) => is_string($name) && isset($this->classes[$name]) && interface_exists($name, false));
            $stub = new (Stubs::classFor(array_values($interfaces)))($id);
        }
        $this->peerIds[$stub] = $id;
        return $stub;
    }

    public function callPeer(int $id, string $method, array $args): mixed
    {
        return $this->peer->request('call', ['h' => $id, 'n' => $method, 'a' => $this->peer->codec->encode($args)]);
    }

    /** An exception of the tests', as the nearest class this process has (an SPL one, or Exception). */
    private function rebuild(array $error): \Throwable
    {
        foreach ($error['chain'] as $class) {
            if (class_exists($class, false) && is_a($class, \Throwable::class, true) && (new \ReflectionClass($class))->isInternal()) {
                return Errors::instantiate($class, $error['message'], $error['code']);
            }
        }
        return new \Exception($error['message'], $error['code']);
    }
}

/** What a test handed the solution, other than a closure: its calls go back to the tests' process. */
class PeerObject
{
    final public function __construct(private readonly int $assayHandle)
    {
    }

    public function __call(string $name, array $args): mixed
    {
        return Agent::$current->callPeer($this->assayHandle, $name, $args);
    }
}
