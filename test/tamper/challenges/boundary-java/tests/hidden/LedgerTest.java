import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Compares with the solution's values as Java would (equals), hands it a clock, and calls it from eight threads. */
class LedgerTest {
    private static final List<Entry> ENTRIES = List.of(new Entry("a", 100), new Entry("b", 250), new Entry("a", 5));

    private final AtomicInteger ticks = new AtomicInteger();
    private final Ledger ledger = new Ledger(() -> 41 + ticks.incrementAndGet());

    @Test
    void total() {
        assertEquals(355L, ledger.total(ENTRIES));
    }

    @Test
    void accounts() {
        assertEquals(List.of("a", "b", "a"), ledger.accounts(ENTRIES));
    }

    @Test
    void balances() {
        assertEquals(Map.of("a", 105L, "b", 250L), ledger.balances(ENTRIES));
    }

    @Test
    void largest() {
        assertEquals(new Entry("b", 250), ledger.largest(ENTRIES));
    }

    @Test
    void stamp() {
        assertEquals("x@42", ledger.stamp("x"));
        assertEquals(1, ticks.get(), "the clock is read once");
    }

    @Test
    void refusesANegativeWithdrawal() {
        assertThrows(InsufficientFunds.class, () -> ledger.withdraw(-5));
    }

    @Test
    void countsFromEightThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < 50; n++) {
                    ledger.count();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        assertEquals(400L, ledger.counted());
    }
}
