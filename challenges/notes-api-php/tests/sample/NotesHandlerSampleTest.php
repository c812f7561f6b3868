<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

// The handler's classes are there without a require: the runner provides them.
final class NotesHandlerSampleTest extends TestCase
{
    public function testCreatesANote(): void
    {
        $response = (new NotesHandler())->handle(['method' => 'POST', 'path' => '/notes', 'headers' => ['X-User' => 'ada'], 'body' => '{"title": "Groceries"}']);
        $this->assertSame(201, $response['status']);
        $this->assertSame('Groceries', json_decode($response['body'], true)['title']);
    }
}
