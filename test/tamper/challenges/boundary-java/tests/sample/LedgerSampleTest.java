import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sample: the hidden tests call every method of Ledger the same way. */
class LedgerSampleTest {
    @Test
    void total() {
        assertEquals(350L, new Ledger(() -> 0).total(List.of(new Entry("a", 100), new Entry("b", 250))));
    }
}
