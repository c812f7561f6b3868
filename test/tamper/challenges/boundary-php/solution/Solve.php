<?php
declare(strict_types=1);

function total(?array $xs): int
{
    if ($xs === null) {
        throw new InvalidArgumentException('xs is required');
    }
    return array_sum($xs);
}

function evens(array $xs): array
{
    return array_values(array_filter($xs, fn (int $x) => $x % 2 === 0));
}

function counts(string $text): array
{
    $result = [];
    foreach (str_split($text) as $ch) {
        $result[$ch] = ($result[$ch] ?? 0) + 1;
    }
    return $result;
}

function label(int $a, int $b): string
{
    return "$a:$b";
}

function apply(callable $fn, int $x): int
{
    return $fn($x);
}
