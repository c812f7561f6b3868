import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One ledger entry. */
record Entry(String account, long cents) {
}

/** What the ledger stamps with. */
interface Clock {
    long now();
}

class InsufficientFunds extends RuntimeException {
    InsufficientFunds(String message) {
        super(message);
    }
}

public class Ledger {
    private final Clock clock;
    private final AtomicLong counted = new AtomicLong();

    public Ledger(Clock clock) {
        this.clock = clock;
    }

    public long total(List<Entry> entries) {
        return entries.stream().mapToLong(Entry::cents).sum();
    }

    public List<String> accounts(List<Entry> entries) {
        List<String> accounts = new ArrayList<>();
        for (Entry entry : entries) {
            accounts.add(entry.account());
        }
        return accounts;
    }

    public Map<String, Long> balances(List<Entry> entries) {
        Map<String, Long> balances = new LinkedHashMap<>();
        for (Entry entry : entries) {
            balances.merge(entry.account(), entry.cents(), Long::sum);
        }
        return balances;
    }

    public Entry largest(List<Entry> entries) {
        return entries.stream().max(Comparator.comparingLong(Entry::cents)).orElseThrow();
    }

    public String stamp(String label) {
        return label + "@" + clock.now();
    }

    public void withdraw(long cents) {
        if (cents < 0) {
            throw new InsufficientFunds("cannot withdraw " + cents);
        }
    }

    public void count() {
        counted.incrementAndGet();
    }

    public long counted() {
        return counted.get();
    }
}
