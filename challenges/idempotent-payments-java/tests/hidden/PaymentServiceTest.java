import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {
    private static final ChargeRequest COFFEE = new ChargeRequest("cus_alice", 450, "EUR");
    private static final ChargeRequest BOOK = new ChargeRequest("cus_alice", 2_500, "EUR");

    /** A gateway that records every call and answers with `behaviour` (by default: ch_1, ch_2, …). */
    static final class FakeGateway implements PaymentGateway {
        final List<ChargeRequest> calls = new ArrayList<>();
        final AtomicInteger callCount = new AtomicInteger();
        volatile Function<ChargeRequest, String> behaviour = request -> null;

        @Override
        public String charge(ChargeRequest request) {
            int n = callCount.incrementAndGet();
            synchronized (calls) {
                calls.add(request);
            }
            String id = behaviour.apply(request);
            return id != null ? id : "ch_" + n;
        }
    }

    private final FakeGateway gateway = new FakeGateway();
    private final PaymentService service = new PaymentService(gateway);
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /** Field by field: the candidate's files define Charge and ChargeRequest, so their equals() is not trusted. */
    private static void assertCharge(String id, ChargeRequest request, Charge actual) {
        assertEquals(id, actual.id(), "charge id");
        assertEquals(request.customerId(), actual.request().customerId(), "customerId");
        assertEquals(request.amountCents(), actual.request().amountCents(), "amountCents");
        assertEquals(request.currency(), actual.request().currency(), "currency");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs every task at once (released together by a latch) and returns their futures. */
    private <T> List<Future<T>> together(List<Callable<T>> tasks) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        return futures;
    }

    @Test
    void firstChargeCallsTheGatewayOnce() {
        assertCharge("ch_1", COFFEE, service.charge("order-17", COFFEE));
        assertEquals(1, gateway.callCount.get(), "gateway calls");
        assertEquals(450, gateway.calls.get(0).amountCents());
    }

    @Test
    void repeatedKeyReturnsTheSameChargeWithoutChargingAgain() {
        Charge first = service.charge("order-17", COFFEE);
        for (int i = 0; i < 3; i++) {
            assertCharge(first.id(), COFFEE, service.charge("order-17", new ChargeRequest("cus_alice", 450, "EUR")));
        }
        assertEquals(1, gateway.callCount.get(), "gateway calls");
    }

    @Test
    void sameKeyWithADifferentRequestIsAConflict() {
        Charge first = service.charge("order-17", COFFEE);
        assertThrows(IdempotencyConflictException.class, () -> service.charge("order-17", BOOK));
        assertThrows(IdempotencyConflictException.class,
                () -> service.charge("order-17", new ChargeRequest("cus_bob", 450, "EUR")));
        assertThrows(IdempotencyConflictException.class,
                () -> service.charge("order-17", new ChargeRequest("cus_alice", 450, "USD")));
        assertCharge(first.id(), COFFEE, service.charge("order-17", COFFEE));
        assertEquals(1, gateway.callCount.get(), "gateway calls");
    }

    @Test
    void distinctKeysAreDistinctCharges() {
        Charge a = service.charge("order-17", COFFEE);
        Charge b = service.charge("order-18", COFFEE);
        assertNotEquals(a.id(), b.id());
        assertEquals(2, gateway.callCount.get(), "gateway calls");
        assertCharge(a.id(), COFFEE, service.charge("order-17", COFFEE));
        assertCharge(b.id(), COFFEE, service.charge("order-18", COFFEE));
    }

    @Test
    void rejectsBlankOrOversizedKeysWithoutCharging() {
        for (String key : new String[] {null, "", "   ", "k".repeat(256)}) {
            assertThrows(IllegalArgumentException.class, () -> service.charge(key, COFFEE),
                    () -> "key " + (key == null ? "null" : "of length " + key.length()));
        }
        assertThrows(IllegalArgumentException.class, () -> service.charge("order-17", null));
        assertEquals(0, gateway.callCount.get(), "gateway calls");
        assertCharge("ch_1", COFFEE, service.charge("k".repeat(255), COFFEE));
    }

    @Test
    void aDeclineIsTheFinalAnswerForItsKey() {
        gateway.behaviour = request -> {
            throw new PaymentGateway.DeclinedException("insufficient funds");
        };
        var first = assertThrows(PaymentGateway.DeclinedException.class, () -> service.charge("order-17", COFFEE));
        gateway.behaviour = request -> null;
        var again = assertThrows(PaymentGateway.DeclinedException.class, () -> service.charge("order-17", COFFEE));
        assertEquals(first.getMessage(), again.getMessage());
        assertEquals(1, gateway.callCount.get(), "a declined card is not charged again");
        assertThrows(IdempotencyConflictException.class, () -> service.charge("order-17", BOOK));
    }

    @Test
    void anUnavailableGatewayLeavesTheKeyFreeForARetry() {
        gateway.behaviour = request -> {
            throw new PaymentGateway.UnavailableException("timed out");
        };
        assertThrows(PaymentGateway.UnavailableException.class, () -> service.charge("order-17", COFFEE));
        gateway.behaviour = request -> null;
        assertCharge("ch_2", COFFEE, service.charge("order-17", COFFEE));
        assertCharge("ch_2", COFFEE, service.charge("order-17", COFFEE));
        assertEquals(2, gateway.callCount.get(), "gateway calls");
    }

    @Test
    void concurrentChargesWithOneKeyChargeExactlyOnce() throws Exception {
        // A slow gateway keeps the first charge in flight while the others arrive.
        gateway.behaviour = request -> {
            pause(50);
            return null;
        };
        List<Callable<Charge>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            tasks.add(() -> service.charge("order-17", new ChargeRequest("cus_alice", 450, "EUR")));
        }
        List<Charge> charges = new ArrayList<>();
        for (Future<Charge> future : together(tasks)) {
            charges.add(future.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, gateway.callCount.get(), "32 concurrent requests with one key must charge once");
        for (Charge charge : charges) {
            assertCharge("ch_1", COFFEE, charge);
        }
    }

    @Test
    void concurrentConflictingRequestsChargeOnceAndConflictTheRest() throws Exception {
        gateway.behaviour = request -> {
            pause(50);
            return null;
        };
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ChargeRequest request = i % 2 == 0 ? COFFEE : BOOK;
            tasks.add(() -> {
                try {
                    return service.charge("order-17", request);
                } catch (IdempotencyConflictException conflict) {
                    return conflict;
                }
            });
        }
        List<Charge> charges = new ArrayList<>();
        int conflicts = 0;
        for (Future<Object> future : together(tasks)) {
            Object outcome = future.get(10, TimeUnit.SECONDS);
            if (outcome instanceof Charge charge) {
                charges.add(charge);
            } else {
                conflicts++;
            }
        }
        assertEquals(1, gateway.callCount.get(), "gateway calls");
        assertEquals(16, charges.size(), "callers with the winning request get its charge");
        assertEquals(16, conflicts, "callers with the other request get a conflict");
        for (Charge charge : charges) {
            assertCharge("ch_1", gateway.calls.get(0), charge);
        }
    }

    @Test
    void aSlowChargeDoesNotHoldUpOtherKeys() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        gateway.behaviour = request -> {
            if (request.customerId().equals("cus_slow")) {
                entered.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        };
        Future<Charge> slow = pool.submit(() -> service.charge("order-slow", new ChargeRequest("cus_slow", 100, "EUR")));
        try {
            assertTrue(entered.await(5, TimeUnit.SECONDS), "the slow charge reached the gateway");
            Future<Charge> other = pool.submit(() -> service.charge("order-17", COFFEE));
            try {
                assertCharge("ch_2", COFFEE, other.get(1, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                fail("a charge with another key waited for the slow one");
            }
        } finally {
            release.countDown();
        }
        assertEquals("cus_slow", slow.get(5, TimeUnit.SECONDS).request().customerId());
    }
}
