<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

// assertEquals and builtins, as challenge authors write them: what the boundary must keep honest.
final class SolveTest extends TestCase
{
    public function testTotal(): void
    {
        $this->assertEquals(6, total([1, 2, 3]));
    }

    public function testEvens(): void
    {
        $evens = evens([4, 1, 2, 3]);
        sort($evens);
        $this->assertEquals([2, 4], $evens);
    }

    public function testCounts(): void
    {
        $this->assertEquals(['a' => 2, 'b' => 1], counts('aab'));
        $this->assertCount(3, counts('xyz'));
    }

    public function testLabel(): void
    {
        $this->assertEquals('3:4', label(3, 4));
    }

    public function testApply(): void
    {
        $this->assertEquals(42, apply(fn ($v) => $v * 2, 21));
    }

    public function testRejectsNull(): void
    {
        $this->expectException(InvalidArgumentException::class);
        total(null);
    }
}
