<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class SampleTest extends TestCase
{
    public function testExample(): void
    {
        $this->assertSame(5, Clamp::clamp(5, 0, 10));
    }
}
