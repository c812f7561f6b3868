<?php
declare(strict_types=1);

final class Clamp
{
    /** `$value`, limited to the range [low, high]; an empty range is an error. */
    public static function clamp(int $value, int $low, int $high): int
    {
        if ($low > $high) {
            throw new InvalidArgumentException('low must not exceed high');
        }
        return max($low, min($value, $high));
    }
}
