import java.util.Objects;

/** Charges customers through the gateway, at most once per idempotency key. */
public class PaymentService {
    private final PaymentGateway gateway;

    public PaymentService(PaymentGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    public Charge charge(String idempotencyKey, ChargeRequest request) {
        // TODO: remember each key's outcome; a retried request must never charge the customer twice.
        return new Charge(gateway.charge(request), request);
    }
}
