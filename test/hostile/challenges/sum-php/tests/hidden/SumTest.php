<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class SumTest extends TestCase
{
    public function testAddsPositiveNumbers(): void
    {
        $this->assertSame(5, add(2, 3));
    }

    public function testAddsNegativeNumbers(): void
    {
        $this->assertSame(-5, add(-2, -3));
    }

    public function testSlowButFine(): void
    {
        usleep(300_000);
        $this->assertSame(0, add(0, 0));
    }
}
