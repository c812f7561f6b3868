import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The image build's training run (sandboxes/java/Dockerfile) compiles and tests this, to fill the CDS archive. */
public class Counter {
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public int increment(String key) {
        return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    public int get(String key) {
        AtomicInteger count = counts.get(key);
        if (count == null) {
            throw new IllegalArgumentException("unknown key: " + key);
        }
        return count.get();
    }
}
