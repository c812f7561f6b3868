/** Limits values to a range. */
public final class Clamp {
    private Clamp() {
    }

    /** `value`, limited to the range [low, high]; an empty range is an error. */
    public static int clamp(int value, int low, int high) {
        throw new UnsupportedOperationException("not implemented");
    }
}
