import java.util.Objects;

/**
 * What a client asks to be charged. Two requests are the same payload when they are equal (a record compares
 * every field).
 */
public record ChargeRequest(String customerId, long amountCents, String currency) {
    public ChargeRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amountCents must be positive");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
    }
}
