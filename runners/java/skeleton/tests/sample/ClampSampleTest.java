import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClampSampleTest {
    @Test
    void example() {
        assertEquals(5, Clamp.clamp(5, 0, 10));
    }
}
