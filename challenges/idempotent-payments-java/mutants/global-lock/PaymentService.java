import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Correct, but one lock for every key: a slow charge holds up every other customer. */
public class PaymentService {
    private record Outcome(ChargeRequest request, Charge charge, PaymentGateway.DeclinedException declined) {
    }

    private final PaymentGateway gateway;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    public PaymentService(PaymentGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    public synchronized Charge charge(String idempotencyKey, ChargeRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255 || request == null) {
            throw new IllegalArgumentException("bad idempotency key or request");
        }
        Outcome previous = outcomes.get(idempotencyKey);
        if (previous != null) {
            if (!previous.request().equals(request)) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            if (previous.declined() != null) {
                throw previous.declined();
            }
            return previous.charge();
        }
        try {
            Charge charge = new Charge(gateway.charge(request), request);
            outcomes.put(idempotencyKey, new Outcome(request, charge, null));
            return charge;
        } catch (PaymentGateway.DeclinedException declined) {
            outcomes.put(idempotencyKey, new Outcome(request, null, declined));
            throw declined;
        }
    }
}
