<?php
declare(strict_types=1);

/**
 * A small REST resource, /notes, for the user named by the X-User header. A request is
 * ['method' => 'GET', 'path' => '/notes/1', 'headers' => ['X-User' => 'ada'], 'body' => '…'];
 * a response is ['status' => 200, 'headers' => ['Content-Type' => 'application/json'], 'body' => '…'].
 */
final class NotesHandler
{
    public function handle(array $request): array
    {
        return ['status' => 501, 'headers' => ['Content-Type' => 'application/json'], 'body' => '{"error":"not implemented"}'];
    }
}
