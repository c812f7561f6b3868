/** The idempotency key was already used with a different request (HTTP 422 in our API). */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(String idempotencyKey) {
        super("idempotency key " + idempotencyKey + " was already used with a different request");
    }
}
