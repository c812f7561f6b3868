<?php
declare(strict_types=1);

namespace Assay\Tester;

use Assay\Wire\BoundaryError;
use Assay\Wire\Codec;
use Assay\Wire\Names;

/** The solution's API from its hello frame (Assay\Agent\Loader::api), checked field by field before any use. */
final class Api
{
    public static function check(mixed $api, Codec $codec): array
    {
        if (!$api instanceof \stdClass || Codec::fields($api, ['classes', 'functions']) === null
            || !is_array($api->classes) || !is_array($api->functions) || count($api->classes) + count($api->functions) > 10_000) {
            throw new BoundaryError("a malformed API from the solution's process");
        }
        $functions = array_values(array_filter($api->functions, fn ($name) => is_string($name) && Names::isClass($name)));
        return ['classes' => array_map(fn ($class) => self::class_($class, $codec), $api->classes), 'functions' => $functions];
    }

    private static function class_(mixed $class, Codec $codec): array
    {
        $fields = $class instanceof \stdClass ? Codec::fields($class, ['n', 'k', 'p', 'i', 't', 'a', 's', 'v', 'c']) : null;
        $names = fn ($list) => is_array($list) && array_filter($list, fn ($n) => !is_string($n) || !Names::isClass($n)) === [];
        $ok = $fields !== null && is_string($fields['n']) && Names::isClass($fields['n']) && in_array($fields['k'], ['class', 'interface'], true)
            && ($fields['p'] === null || (is_string($fields['p']) && Names::isClass($fields['p']))) && $names($fields['i'])
            && is_bool($fields['t']) && is_bool($fields['a']) && is_bool($fields['s']) && is_bool($fields['v']);
        $constants = $ok ? $codec->decode($fields['c']) : null;
        if (!is_array($constants)) {
            throw new BoundaryError("a malformed class in the solution's API");
        }
        return ['c' => $constants] + $fields;
    }
}
