import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Charges customers through the gateway, at most once per idempotency key. */
public class PaymentService {
    static final int MAX_KEY_LENGTH = 255;

    /** One attempt per key: the first caller runs it, later callers with the same key share its outcome. */
    private record Attempt(ChargeRequest request, CompletableFuture<Charge> outcome) {
    }

    private final PaymentGateway gateway;
    private final ConcurrentMap<String, Attempt> attempts = new ConcurrentHashMap<>();

    public PaymentService(PaymentGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    public Charge charge(String idempotencyKey, ChargeRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("the idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters, not blank");
        }
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        Attempt mine = new Attempt(request, new CompletableFuture<>());
        // putIfAbsent is atomic: of any number of concurrent first calls, exactly one gets to charge.
        Attempt attempt = attempts.putIfAbsent(idempotencyKey, mine);
        if (attempt == null) {
            return run(idempotencyKey, mine);
        }
        try {
            return attempt.outcome().join();
        } catch (CompletionException e) {
            // The same exception the first caller got.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        }
    }

    private Charge run(String idempotencyKey, Attempt attempt) {
        try {
            Charge charge = new Charge(gateway.charge(attempt.request()), attempt.request());
            attempt.outcome().complete(charge);
            return charge;
        } catch (PaymentGateway.DeclinedException declined) {
            // A decline is the answer for this key: repeating the request must not charge the card again.
            attempt.outcome().completeExceptionally(declined);
            throw declined;
        } catch (Throwable transientFailure) {
            // Nothing was charged: free the key for a retry, and give the same failure to those waiting.
            attempts.remove(idempotencyKey, attempt);
            attempt.outcome().completeExceptionally(transientFailure);
            throw transientFailure;
        }
    }
}
