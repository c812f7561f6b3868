/** The card processor. Every call to {@link #charge} moves real money. */
public interface PaymentGateway {
    /**
     * Charges the customer and returns the processor's id for the charge.
     *
     * @throws DeclinedException when the processor refused the charge: a final answer for this request
     * @throws UnavailableException when the processor could not be reached: nothing was charged, and the same
     *     request may be tried again
     */
    String charge(ChargeRequest request);

    /** The charge was refused (card declined, insufficient funds). Trying again gives the same answer. */
    class DeclinedException extends RuntimeException {
        public DeclinedException(String reason) {
            super(reason);
        }
    }

    /** The processor could not be reached or timed out before charging. */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }
}
