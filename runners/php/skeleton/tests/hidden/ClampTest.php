<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

// No require of the solution: the runner provides its classes and functions (docs/runner-contract.md).
final class ClampTest extends TestCase
{
    public function testInsideTheRange(): void
    {
        $this->assertSame(5, Clamp::clamp(5, 0, 10));
    }

    public function testOutsideTheRange(): void
    {
        $this->assertSame([0, 10], [Clamp::clamp(-3, 0, 10), Clamp::clamp(42, 0, 10)]);
    }

    public function testRejectsAnEmptyRange(): void
    {
        $this->expectException(InvalidArgumentException::class);
        Clamp::clamp(1, 10, 0);
    }
}
