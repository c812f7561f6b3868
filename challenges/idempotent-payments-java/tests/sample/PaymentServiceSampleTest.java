import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The style of the hidden tests: a fake gateway that counts its calls. */
class PaymentServiceSampleTest {
    private final AtomicInteger gatewayCalls = new AtomicInteger();
    private final PaymentService service = new PaymentService(request -> "ch_" + gatewayCalls.incrementAndGet());

    @Test
    void chargesOnceAndRepeatsTheAnswer() {
        ChargeRequest coffee = new ChargeRequest("cus_alice", 450, "EUR");
        Charge first = service.charge("order-17", coffee);
        assertEquals(new Charge("ch_1", coffee), first);
        assertEquals(first, service.charge("order-17", coffee));
        assertEquals(1, gatewayCalls.get());
    }
}
