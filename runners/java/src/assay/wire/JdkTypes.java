package assay.wire;

import java.util.Set;

/** The JDK types the boundary knows: those a signature may name, and the exceptions that cross as themselves. */
public final class JdkTypes {
    /** Exceptions rebuilt as the same JDK class on the other side (each has a constructor taking a message). */
    public static final Set<String> THROWABLES = Set.of(
            "java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException", "java.lang.Error",
            "java.lang.IllegalArgumentException", "java.lang.IllegalStateException",
            "java.lang.UnsupportedOperationException", "java.lang.ArithmeticException",
            "java.lang.IndexOutOfBoundsException", "java.lang.NullPointerException",
            "java.lang.NumberFormatException", "java.lang.InterruptedException",
            "java.util.NoSuchElementException", "java.util.ConcurrentModificationException",
            "java.util.concurrent.TimeoutException", "java.io.IOException");

    /** Interfaces whose implementations cross by reference, as callbacks. */
    public static final Set<String> CALLBACKS = Set.of(
            "java.lang.Runnable", "java.util.concurrent.Callable", "java.util.Comparator");

    /** Types that cross as data (Codec), or are data's containers. */
    private static final Set<String> DATA = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short",
            "java.lang.Character", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Number", "java.lang.CharSequence", "java.lang.Iterable", "java.lang.Void",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.Optional",
            "java.util.UUID", "java.math.BigDecimal", "java.math.BigInteger", "java.time.Instant",
            "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime", "java.time.Duration");

    private JdkTypes() {
    }

    public static boolean isCallback(String name) {
        return CALLBACKS.contains(name) || (name.startsWith("java.util.function.") && name.indexOf('.', 19) < 0);
    }

    /** Whether a signature may name `name` (a canonical JDK class name). */
    public static boolean known(String name) {
        return DATA.contains(name) || THROWABLES.contains(name) || isCallback(name);
    }
}
