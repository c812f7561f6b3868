<?php
declare(strict_types=1);

final class SumSampleTest extends PHPUnit\Framework\TestCase
{
    public function testAdds(): void
    {
        $this->assertSame(3, add(1, 2));
    }
}
