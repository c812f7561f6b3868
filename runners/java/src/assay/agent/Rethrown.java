package assay.agent;

import java.lang.reflect.Field;

/** Gives an exception of the solution rebuilt from the tests' JVM the message it had there. */
final class Rethrown {
    private Rethrown() {
    }

    /** java.lang is open to the solution's JVM (runners/java/run). */
    static void setMessage(Throwable failure, String message) {
        try {
            Field detail = Throwable.class.getDeclaredField("detailMessage");
            detail.setAccessible(true);
            detail.set(failure, message);
        } catch (ReflectiveOperationException | RuntimeException closed) {
            // Keeps the message its constructor gave it.
        }
    }
}
