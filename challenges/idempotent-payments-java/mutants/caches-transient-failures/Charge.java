/** A charge that went through: the gateway's id for it and the request it charged. */
public record Charge(String id, ChargeRequest request) {
}
