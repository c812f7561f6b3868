<?php
declare(strict_types=1);

/**
 * A small REST resource, /notes, for the user named by the X-User header. A request is
 * ['method' => 'GET', 'path' => '/notes/1', 'headers' => ['X-User' => 'ada'], 'body' => '…'];
 * a response is ['status' => 200, 'headers' => ['Content-Type' => 'application/json'], 'body' => '…'].
 */
final class NotesHandler
{
    private const TITLE_MAX = 100;

    /** @var array<int, array{id: int, owner: string, title: string, text: string}> */
    private array $notes = [];
    private int $nextId = 1;

    public function handle(array $request): array
    {
        $user = self::header($request, 'X-User');
        if ($user === null || $user === '') {
            return self::error(401, 'an X-User header is required');
        }
        $path = rtrim((string) ($request['path'] ?? ''), '/');
        $method = strtoupper((string) ($request['method'] ?? 'GET'));
        if ($path === '/notes') {
            return match ($method) {
                'GET' => self::json(200, array_values(array_filter($this->notes, fn ($n) => $n['owner'] === $user)), ['strip']),
                'POST' => $this->create($user, $request),
                default => self::notAllowed('GET, POST'),
            };
        }
        if (preg_match('#^/notes/([1-9][0-9]*)$#D', $path, $m) !== 1) {
            return self::error(404, 'no such resource');
        }
        $note = $this->notes[(int) $m[1]] ?? null;
        // Another user's note is as absent as one that never existed.
        if ($note === null || $note['owner'] !== $user) {
            return in_array($method, ['GET', 'PUT', 'DELETE'], true) ? self::error(404, 'no such note') : self::notAllowed('GET, PUT, DELETE');
        }
        return match ($method) {
            'GET' => self::json(200, $note, ['strip']),
            'PUT' => $this->update($note, $request),
            'DELETE' => $this->delete($note),
            default => self::notAllowed('GET, PUT, DELETE'),
        };
    }

    private function create(string $user, array $request): array
    {
        $fields = self::fields($request);
        if (isset($fields['status'])) {
            return $fields;
        }
        $note = ['id' => $this->nextId++, 'owner' => $user] + $fields;
        $this->notes[$note['id']] = $note;
        $response = self::json(201, $note, ['strip']);
        $response['headers']['Location'] = '/notes/' . $note['id'];
        return $response;
    }

    private function update(array $note, array $request): array
    {
        $fields = self::fields($request);
        if (isset($fields['status'])) {
            return $fields;
        }
        $this->notes[$note['id']] = array_merge($note, $fields);
        return self::json(200, $this->notes[$note['id']], ['strip']);
    }

    private function delete(array $note): array
    {
        unset($this->notes[$note['id']]);
        return ['status' => 204, 'headers' => [], 'body' => ''];
    }

    /** The note's fields from a JSON body, or the error response that says what is wrong with it. */
    private static function fields(array $request): array
    {
        try {
            $body = json_decode((string) ($request['body'] ?? ''), true, 16, JSON_THROW_ON_ERROR);
        } catch (JsonException) {
            return self::error(400, 'the body is not JSON');
        }
        if (!is_array($body) || array_is_list($body) && $body !== []) {
            return self::error(400, 'the body is not a JSON object');
        }
        $errors = [];
        $title = $body['title'] ?? null;
        if (!is_string($title) || trim($title) === '') {
            $errors['title'] = 'required';
        } elseif (mb_strlen($title) > self::TITLE_MAX) {
            $errors['title'] = 'at most ' . self::TITLE_MAX . ' characters';
        }
        $text = $body['text'] ?? '';
        if (!is_string($text)) {
            $errors['text'] = 'must be a string';
        }
        if ($errors !== []) {
            return self::json(422, ['errors' => $errors]);
        }
        return ['title' => trim($title), 'text' => $text];
    }

    private static function header(array $request, string $name): ?string
    {
        foreach ($request['headers'] ?? [] as $key => $value) {
            if (strcasecmp((string) $key, $name) === 0) {
                return is_string($value) ? $value : null;
            }
        }
        return null;
    }

    private static function json(int $status, array $data, array $options = []): array
    {
        if (in_array('strip', $options, true)) {
            $data = isset($data['id']) ? self::public($data) : array_map(self::public(...), $data);
        }
        return ['status' => $status, 'headers' => ['Content-Type' => 'application/json'], 'body' => json_encode($data, JSON_THROW_ON_ERROR)];
    }

    /** A note as clients see it: without its owner. */
    private static function public(array $note): array
    {
        return ['id' => $note['id'], 'title' => $note['title'], 'text' => $note['text']];
    }

    private static function error(int $status, string $message): array
    {
        return self::json($status, ['error' => $message]);
    }

    private static function notAllowed(string $allow): array
    {
        $response = self::error(405, 'method not allowed');
        $response['headers']['Allow'] = $allow;
        return $response;
    }
}
