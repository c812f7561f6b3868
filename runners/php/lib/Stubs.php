<?php
declare(strict_types=1);

namespace Assay\Agent;

/**
 * Classes for the tests' objects that implement interfaces of the solution (a fake clock, a repository):
 * one per set of interfaces, every method written from the interface's own signature (Reflection), so the
 * solution's type declarations accept it; each call goes back to the tests' process.
 */
final class Stubs
{
    /** @var array<string, string> */
    private static array $made = [];

    /** @param list<string> $interfaces interfaces the solution declared (Agent checked them) */
    public static function classFor(array $interfaces): string
    {
        sort($interfaces);
        $key = implode(',', $interfaces);
        if (isset(self::$made[$key])) {
            return self::$made[$key];
        }
        $short = 'PeerObject' . count(self::$made);
        $methods = [];
        foreach ($interfaces as $interface) {
            foreach ((new \ReflectionClass($interface))->getMethods() as $method) {
                $methods[$method->getName()] ??= self::method($method);
            }
        }
        $implements = $interfaces === [] ? '' : ' implements ' . implode(', ', array_map(fn ($i) => '\\' . $i, $interfaces));
        eval("namespace Assay\\Agent; final class $short extends PeerObject$implements {\n" . implode("\n", $methods) . "\n}");
        return self::$made[$key] = __NAMESPACE__ . '\\' . $short;
    }

    private static function method(\ReflectionMethod $m): string
    {
        $params = [];
        foreach ($m->getParameters() as $p) {
            $params[] = ($p->hasType() ? self::type($p->getType(), $m) . ' ' : '') . ($p->isPassedByReference() ? '&' : '')
                . ($p->isVariadic() ? '...' : '') . '$' . $p->getName() . self::default($p);
        }
        $type = $m->hasReturnType() ? $m->getReturnType() : ($m->hasTentativeReturnType() ? $m->getTentativeReturnType() : null);
        $returns = $type === null ? '' : ': ' . self::type($type, $m);
        $call = '$this->__call(' . var_export($m->getName(), true) . ', func_get_args())';
        $body = match ((string) $type) {
            'void' => "$call;",
            'never' => "$call; throw new \\Assay\\Wire\\BoundaryError('a never-returning method returned');",
            default => "return $call;",
        };
        return sprintf('public %sfunction %s(%s)%s { %s }', $m->isStatic() ? 'static ' : '', $m->getName(), implode(', ', $params), $returns, $body);
    }

    /** A type as the generated code must spell it: fully qualified, `self` being the interface. */
    private static function type(\ReflectionType $type, \ReflectionMethod $m): string
    {
        if ($type instanceof \ReflectionNamedType) {
            $name = $type->getName() === 'self' ? $m->getDeclaringClass()->getName() : $type->getName();
            $spelt = $type->isBuiltin() ? $name : '\\' . $name;
            return $type->allowsNull() && $name !== 'mixed' && $name !== 'null' ? "?$spelt" : $spelt;
        }
        $glue = $type instanceof \ReflectionUnionType ? '|' : '&';
        return implode($glue, array_map(fn ($t) => $t instanceof \ReflectionIntersectionType ? '(' . self::type($t, $m) . ')' : self::type($t, $m), $type->getTypes()));
    }

    private static function default(\ReflectionParameter $p): string
    {
        if (!$p->isDefaultValueAvailable()) {
            return '';
        }
        return ' = ' . ($p->isDefaultValueConstant() ? '\\' . $p->getDefaultValueConstantName() : var_export($p->getDefaultValue(), true));
    }
}
