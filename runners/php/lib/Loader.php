<?php
declare(strict_types=1);

namespace Assay\Agent;

use Assay\Wire\Frames;

/**
 * Loads the solution in this process and says what it declared. A syntax error is found before any of the
 * solution's code runs (token_get_all parses without executing); a fatal error while its files load
 * (a compile error PHP reports only then, an uncaught exception, exit) ends the process, and a shutdown
 * function still sends the hello frame that says why.
 */
final class Loader
{
    public static function load(string $root, Frames $frames): array
    {
        $files = self::files($root);
        foreach ($files as $file) {
            try {
                token_get_all(file_get_contents($file), TOKEN_PARSE);
            } catch (\ParseError $e) {
                return ['compile' => sprintf('Parse error: %s in %s on line %d', $e->getMessage(), self::relative($file), $e->getLine())];
            }
        }
        $byName = [];
        foreach ($files as $file) {
            $byName[strtolower(basename($file, '.php'))] ??= $file;
        }
        // A class used before its file was loaded (a parent in a later file) is found by its file's name.
        spl_autoload_register(function (string $class) use ($byName) {
            $file = $byName[strtolower(substr(strrchr('\\' . $class, '\\'), 1))] ?? null;
            if ($file !== null) {
                require_once $file;
            }
        });
        $loaded = false;
        register_shutdown_function(function () use (&$loaded, $frames) {
            if (!$loaded) {
                $last = error_get_last();
                $frames->send(['hello' => $last !== null && in_array($last['type'], [E_ERROR, E_COMPILE_ERROR, E_CORE_ERROR, E_PARSE], true)
                    ? ['compile' => sprintf('Fatal error: %s in %s on line %d', self::strip($last['message']), self::relative($last['file']), $last['line'])]
                    : ['load' => 'the solution ended its process while its files loaded']]);
            }
        });
        try {
            foreach ($files as $file) {
                require_once $file;
            }
        } catch (\Throwable $e) {
            $loaded = true;
            return ['load' => sprintf('%s: %s in %s on line %d', get_class($e), self::strip($e->getMessage()), self::relative($e->getFile()), $e->getLine())];
        }
        $loaded = true;
        return ['api' => self::api($root)];
    }

    /** The solution's .php files, in a stable order. */
    private static function files(string $root): array
    {
        $files = [];
        if (is_dir($root)) {
            foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($root, \FilesystemIterator::SKIP_DOTS)) as $file) {
                if ($file->isFile() && str_ends_with($file->getFilename(), '.php')) {
                    $files[] = $file->getPathname();
                }
            }
        }
        sort($files, SORT_STRING);
        return $files;
    }

    private static function relative(string $path): string
    {
        return str_starts_with($path, Agent::SOLUTION . '/') ? substr($path, strlen(Agent::SOLUTION) + 1) : $path;
    }

    private static function strip(string $message): string
    {
        return str_replace(Agent::SOLUTION . '/', '', $message);
    }

    /** The classes, interfaces and functions declared in the solution's files; enums and traits do not cross. */
    private static function api(string $root): array
    {
        $mine = fn (\ReflectionClass|\ReflectionFunction $r) => str_starts_with((string) $r->getFileName(), $root . '/');
        $classes = [];
        foreach ([...get_declared_interfaces(), ...get_declared_classes()] as $name) {
            $r = new \ReflectionClass($name);
            if (!$mine($r) || $r->isAnonymous() || $r->isEnum()) {
                continue;
            }
            $constants = [];
            foreach ($r->getReflectionConstants(\ReflectionClassConstant::IS_PUBLIC) as $constant) {
                if (self::plain($constant->getValue())) {
                    $constants[$constant->getName()] = $constant->getValue();
                }
            }
            $classes[] = [
                'n' => $r->getName(), 'k' => $r->isInterface() ? 'interface' : 'class',
                'p' => $r->getParentClass() ? $r->getParentClass()->getName() : null, 'i' => $r->getInterfaceNames(),
                't' => $r->implementsInterface(\Throwable::class), 'a' => $r->isAbstract() && !$r->isInterface(),
                's' => $r->hasMethod('__toString'), 'v' => $r->hasMethod('__invoke'), 'c' => $constants,
            ];
        }
        $functions = [];
        foreach (get_defined_functions()['user'] as $name) {
            $r = new \ReflectionFunction($name);
            if ($mine($r)) {
                $functions[] = $r->getName();
            }
        }
        return ['classes' => $classes, 'functions' => $functions];
    }

    /** A constant the tests' stand-in may declare as it is: scalars and arrays of them. */
    private static function plain(mixed $value): bool
    {
        return is_scalar($value) || $value === null || (is_array($value) && array_filter($value, fn ($v) => !self::plain($v)) === []);
    }
}
