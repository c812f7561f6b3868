package assay.wire;

import java.util.concurrent.Callable;

/**
 * Marks the thread while a record is rebuilt from what crossed: the tests' stand-in records check new
 * values with the solution's constructor, but not the ones the solution itself sent.
 */
public final class Rebuilding {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private Rebuilding() {
    }

    public static boolean active() {
        return ACTIVE.get();
    }

    static <T> T run(Callable<T> rebuild) throws ReflectiveOperationException {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return rebuild.call();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw e;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            ACTIVE.set(outer);
        }
    }
}
