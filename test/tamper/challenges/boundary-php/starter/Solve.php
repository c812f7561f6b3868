<?php
declare(strict_types=1);

function total(?array $xs): int
{
    return 0;
}

function evens(array $xs): array
{
    return [];
}

function counts(string $text): array
{
    return [];
}

function label(int $a, int $b): string
{
    return '';
}

function apply(callable $fn, int $x): int
{
    return 0;
}
