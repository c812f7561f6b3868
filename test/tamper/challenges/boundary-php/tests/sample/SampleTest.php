<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class SampleTest extends TestCase
{
    public function testTotal(): void
    {
        $this->assertEquals(3, total([1, 2]));
    }
}
