<?php
declare(strict_types=1);

namespace Assay\Tester;

use Assay\Wire\Names;

/**
 * Code for the solution's API in the tests' process, from the hello frame (Assay\Agent\Loader): an empty
 * interface per interface, a Proxy subclass per class (its public constants, __toString and __invoke when
 * the class has them), a real exception class per exception class, a forwarding function per function.
 * Only checked names and var_export'ed constants are written into the code; a name the tests' side already
 * has (PHPUnit's, the runner's, PHP's) gets no stand-in.
 */
final class StandIns
{
    private array $classes = [];

    public function __construct(private Remote $remote, array $api)
    {
        foreach ($api['classes'] as $class) {
            $this->classes[$class['n']] = $class;
        }
        foreach (array_keys($this->classes) as $name) {
            $this->define($name);
        }
        foreach ($api['functions'] as $name) {
            $this->defineFunction($name);
        }
    }

    private function define(string $name): bool
    {
        if ($this->remote->isStandIn($name)) {
            return true;
        }
        $class = $this->classes[$name] ?? null;
        if ($class === null || !ExceptionClasses::free($name)) {
            return false;
        }
        unset($this->classes[$name]);
        $interfaces = array_values(array_filter($class['i'], fn ($i) => is_string($i) && $this->define($i)));
        $parent = is_string($class['p']) && $this->define($class['p']) ? '\\' . $class['p'] : null;
        [$namespace, $short] = Names::split($name);
        if ($class['k'] === 'interface') {
            $code = "interface $short" . self::names(' extends ', $interfaces) . ' {}';
        } else {
            $parent ??= $class['t'] ? '\\' . (ExceptionClasses::internalBase($class['p']) ?? \Exception::class) : '\\' . Proxy::class;
            $members = [];
            foreach ($class['c'] as $constant => $value) {
                if (is_string($constant) && Names::isMember($constant) && self::plain($value)) {
                    $members[] = "public const $constant = " . var_export($value, true) . ';';
                }
            }
            if ($class['s'] && !$class['t']) {
                $members[] = 'public function __toString(): string { return \\Assay\\Tester\\Remote::$current->string($this); }';
            }
            if ($class['v'] && !$class['t']) {
                $members[] = 'public function __invoke(mixed ...$args): mixed { return \\Assay\\Tester\\Remote::$current->call($this, "__invoke", $args); }';
            }
            $code = ($class['a'] ? 'abstract ' : '') . "class $short extends $parent" . self::names(' implements ', $interfaces) . ' { ' . implode(' ', $members) . ' }';
        }
        eval("namespace $namespace { $code }");
        $this->remote->defined($name);
        return true;
    }

    private function defineFunction(string $name): void
    {
        if (!is_string($name) || !Names::isClass($name) || function_exists($name)) {
            return;
        }
        [$namespace, $short] = Names::split($name);
        $spelt = var_export($name, true);
        eval("namespace $namespace { function $short(mixed ...\$args): mixed { return \\Assay\\Tester\\Remote::\$current->callFunction($spelt, \$args); } }");
    }

    private static function names(string $keyword, array $names): string
    {
        return $names === [] ? '' : $keyword . implode(', ', array_map(fn ($n) => '\\' . $n, $names));
    }

    private static function plain(mixed $value): bool
    {
        return is_scalar($value) || $value === null || (is_array($value) && array_filter($value, fn ($v) => !self::plain($v)) === []);
    }
}

/** The solution's exception classes here: the stand-in, an internal class of PHP's, or one made on demand. */
final class ExceptionClasses
{
    // Namespaces of the tests' side, whose classes load on demand: no class of the solution's may take their names.
    private const OURS = ['Assay\\', 'PHPUnit\\', 'SebastianBergmann\\', 'Doctrine\\', 'DeepCopy\\', 'PharIo\\', 'TheSeer\\', 'Prophecy\\', 'Composer\\'];

    /** Whether `$name` is a valid class name that the tests' side does not have. */
    public static function free(string $name): bool
    {
        return !self::ours($name) && Names::isClass($name) && !class_exists($name) && !interface_exists($name) && !trait_exists($name) && !enum_exists($name);
    }

    /** Whether `$name` is in a namespace of the tests' side (PHPUnit, its libraries, the runner). */
    public static function ours(string $name): bool
    {
        foreach (self::OURS as $prefix) {
            if (stripos($name, $prefix) === 0) {
                return true;
            }
        }
        return false;
    }

    public static function internalBase(?string $name): ?string
    {
        return $name !== null && class_exists($name, false) && is_a($name, \Throwable::class, true)
            && (new \ReflectionClass($name))->isInternal() && !(new \ReflectionClass($name))->isFinal() ? $name : null;
    }

    /** The class to throw for the chain [class, parent, …, root], or null when the name is the tests' side's own. */
    public static function for(array $chain): ?string
    {
        $name = $chain[0];
        if (Remote::$current->isStandIn($name) && is_a($name, \Throwable::class, true)) {
            return $name;
        }
        if (self::internalBase($name) !== null) {
            return $name;
        }
        if (!self::free($name)) {
            return null;
        }
        $parent = count($chain) > 1 ? self::for(array_slice($chain, 1)) : \Exception::class;
        if ($parent === null) {
            return null;
        }
        [$namespace, $short] = Names::split($name);
        eval("namespace $namespace { class $short extends \\$parent {} }");
        Remote::$current->defined($name);
        return $name;
    }
}
