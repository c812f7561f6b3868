<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class NotesHandlerTest extends TestCase
{
    private NotesHandler $handler;

    protected function setUp(): void
    {
        $this->handler = new NotesHandler();
    }

    private function call(string $method, string $path, ?string $user = 'ada', mixed $body = null): array
    {
        $request = ['method' => $method, 'path' => $path, 'headers' => $user === null ? [] : ['X-User' => $user]];
        if ($body !== null) {
            $request['body'] = is_string($body) ? $body : json_encode($body);
        }
        $response = $this->handler->handle($request);
        $this->assertIsInt($response['status']);
        $this->assertIsArray($response['headers']);
        $this->assertIsString($response['body']);
        return $response;
    }

    private static function data(array $response): mixed
    {
        return json_decode($response['body'], true, 16, JSON_THROW_ON_ERROR);
    }

    private function create(string $title, string $user = 'ada'): int
    {
        $response = $this->call('POST', '/notes', $user, ['title' => $title, 'text' => "about $title"]);
        $this->assertSame(201, $response['status']);
        return self::data($response)['id'];
    }

    public function testCreatesANoteWith201AndItsLocation(): void
    {
        $response = $this->call('POST', '/notes', 'ada', ['title' => 'Groceries', 'text' => 'milk']);
        $this->assertSame(201, $response['status']);
        $note = self::data($response);
        $this->assertIsInt($note['id']);
        $this->assertSame(['id' => $note['id'], 'title' => 'Groceries', 'text' => 'milk'], $note);
        $this->assertSame('/notes/' . $note['id'], $response['headers']['Location'] ?? null);
        $this->assertSame('application/json', $response['headers']['Content-Type'] ?? null);
    }

    public function testReadsListsUpdatesAndDeletesOwnNotes(): void
    {
        $first = $this->create('first');
        $second = $this->create('second');
        $this->assertSame(['id' => $first, 'title' => 'first', 'text' => 'about first'], self::data($this->call('GET', "/notes/$first")));
        $this->assertSame([$first, $second], array_column(self::data($this->call('GET', '/notes')), 'id'));
        $updated = $this->call('PUT', "/notes/$second", 'ada', ['title' => 'renamed']);
        $this->assertSame(200, $updated['status']);
        $this->assertSame('renamed', self::data($updated)['title']);
        $deleted = $this->call('DELETE', "/notes/$first");
        $this->assertSame(204, $deleted['status']);
        $this->assertSame('', $deleted['body']);
        $this->assertSame(404, $this->call('GET', "/notes/$first")['status']);
    }

    public function testRequiresAUser(): void
    {
        $this->assertSame(401, $this->call('GET', '/notes', null)['status']);
        $this->assertSame(401, $this->call('POST', '/notes', '', ['title' => 'x'])['status']);
    }

    public function testValidatesTheTitleWith422(): void
    {
        foreach ([[], ['title' => ''], ['title' => '   '], ['title' => 42], ['title' => str_repeat('a', 101)], ['title' => 'ok', 'text' => ['no']]] as $body) {
            $response = $this->call('POST', '/notes', 'ada', $body);
            $this->assertSame(422, $response['status'], json_encode($body));
            $this->assertIsArray(self::data($response)['errors'] ?? null);
        }
        $this->assertSame(201, $this->call('POST', '/notes', 'ada', ['title' => str_repeat('é', 100)])['status']);
        $this->assertSame([], self::data($this->call('GET', '/notes', 'bob')));
    }

    public function testRefusesABodyThatIsNotJsonWith400(): void
    {
        $this->assertSame(400, $this->call('POST', '/notes', 'ada', '{"title": ')['status']);
        $this->assertSame(400, $this->call('POST', '/notes', 'ada', '"just a string"')['status']);
        $id = $this->create('kept');
        $this->assertSame(400, $this->call('PUT', "/notes/$id", 'ada', 'not json')['status']);
    }

    public function testAnswersUnknownPathsWith404AndOtherMethodsWith405(): void
    {
        $this->assertSame(404, $this->call('GET', '/nothing')['status']);
        $this->assertSame(404, $this->call('GET', '/notes/999')['status']);
        $this->assertSame(404, $this->call('GET', '/notes/abc')['status']);
        $response = $this->call('PATCH', '/notes');
        $this->assertSame(405, $response['status']);
        $this->assertSame('GET, POST', $response['headers']['Allow'] ?? null);
        $id = $this->create('x');
        $this->assertSame(405, $this->call('POST', "/notes/$id")['status']);
    }

    public function testCannotReadAnotherUsersNote(): void
    {
        $id = $this->create('secret', 'ada');
        $response = $this->call('GET', "/notes/$id", 'bob');
        $this->assertSame(404, $response['status']);
        $this->assertStringNotContainsString('secret', $response['body']);
        $this->assertSame([], self::data($this->call('GET', '/notes', 'bob')));
    }

    public function testCannotChangeOrDeleteAnotherUsersNote(): void
    {
        $id = $this->create('mine', 'ada');
        $this->assertSame(404, $this->call('PUT', "/notes/$id", 'bob', ['title' => 'taken'])['status']);
        $this->assertSame(404, $this->call('DELETE', "/notes/$id", 'bob')['status']);
        $this->assertSame('mine', self::data($this->call('GET', "/notes/$id", 'ada'))['title']);
    }
}
