<?php
declare(strict_types=1);

namespace Assay\Tester;

use SebastianBergmann\Comparator\Comparator;
use SebastianBergmann\Comparator\ComparisonFailure;

/**
 * assertEquals between a boolean and anything else but a boolean fails. PHPUnit compares them loosely
 * (`true == 6`), so a solution returning `true` would equal every truthy value a test expects; the
 * solution's values are data here, and no value of its may be equal to everything.
 */
final class StrictBool extends Comparator
{
    public function accepts($expected, $actual): bool
    {
        return is_bool($expected) !== is_bool($actual);
    }

    public function assertEquals($expected, $actual, $delta = 0.0, $canonicalize = false, $ignoreCase = false): void
    {
        throw new ComparisonFailure($expected, $actual, var_export($expected, true), var_export($actual, true), false,
            sprintf('Failed asserting that %s matches expected %s (a boolean equals only a boolean).', var_export($actual, true), var_export($expected, true)));
    }
}
