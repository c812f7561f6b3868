import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CounterTest {
    private Counter counter;

    @BeforeEach
    void setUp() {
        counter = new Counter();
    }

    @Test
    void counts() {
        System.out.println("counting");
        assertEquals(1, counter.increment("a"));
        assertEquals(2, counter.increment("a"));
    }

    @Test
    void fails() {
        assertEquals(3, counter.increment("a"), "a failing assertion, for the training run");
    }

    @Test
    void throwsForUnknownKeys() {
        assertThrows(IllegalArgumentException.class, () -> counter.get("missing"));
        counter.get("missing");
    }

    // The test libraries' classes go into the tests' JVM's archive too (sandboxes/java/Dockerfile).
    @Test
    void speaksAssertJHamcrestAndMockito() {
        @SuppressWarnings("unchecked")
        Supplier<String> keys = mock(Supplier.class);
        when(keys.get()).thenReturn("m");
        assertThat(counter.increment(keys.get())).isEqualTo(1);
        assertThat(List.of(1, 2)).containsExactly(1, 2);
        MatcherAssert.assertThat(counter.get("m"), Matchers.is(1));
        verify(keys).get();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void countsTimes(int times) {
        for (int i = 0; i < times; i++) {
            counter.increment("k");
        }
        assertEquals(times, counter.get("k"));
    }

    @Test
    void isThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return counter.increment("shared");
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            assertTrue(result.get(5, TimeUnit.SECONDS) > 0);
        }
        pool.shutdown();
        assertEquals(8, counter.get("shared"));
    }

    @Nested
    class WhenEmpty {
        @Test
        void hasNothing() {
            assertThrows(IllegalArgumentException.class, () -> counter.get("a"));
        }
    }
}
