import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClampTest {
    @Test
    void insideTheRange() {
        assertEquals(5, Clamp.clamp(5, 0, 10));
    }

    @Test
    void outsideTheRange() {
        assertEquals(0, Clamp.clamp(-3, 0, 10));
        assertEquals(10, Clamp.clamp(42, 0, 10));
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> Clamp.clamp(1, 10, 0));
    }
}
