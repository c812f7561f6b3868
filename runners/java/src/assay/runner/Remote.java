package assay.runner;

import assay.wire.Endpoint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the stand-ins (StubWriter) call: every constructor, method, record check and exception message of
 * the solution is a call into its JVM. The tests hold stand-ins; the solution's objects stay in its JVM.
 */
public final class Remote {
    /** The solution's object a stand-in stands for. */
    public static final class Ref {
        final long id;

        Ref(long id) {
            this.id = id;
        }
    }

    /** Marks the constructor that rebuilds an exception of the solution from its message. */
    public static final class Marker {
        private Marker() {
        }
    }

    private static volatile Endpoint endpoint;
    private static volatile TesterCodec codec;
    /** Where in the solution an exception that crossed was thrown, for its test's message. */
    private static final Map<Throwable, String> DETAILS = new WeakHashMap<>();

    private Remote() {
    }

    static void connect(Endpoint connection, TesterCodec testerCodec) {
        endpoint = connection;
        codec = testerCodec;
    }

    public static Ref construct(String type, String[] erased, Object[] args) {
        return new Ref((Long) endpoint.call("new", type, "<init>", List.of(erased), null, Arrays.asList(args)));
    }

    public static void register(Ref ref, Object stub) {
        codec.register(ref.id, stub);
    }

    public static Object call(Object target, String type, String method, String[] erased, Object[] args) {
        return endpoint.call("call", type, method, List.of(erased), target, Arrays.asList(args));
    }

    public static void check(String record, Object[] components) {
        endpoint.call("check", record, "<init>", List.of(), null, Arrays.asList(components));
    }

    public static String message(String exception, String[] erased, Object[] args) {
        return (String) endpoint.call("message", exception, "<init>", List.of(erased), null, Arrays.asList(args));
    }

    /** What the solution printed since the last drain. */
    static String drain() {
        return (String) endpoint.call("drain", "", "", List.of(), null, List.of());
    }

    static void detail(Throwable failure, String where) {
        synchronized (DETAILS) {
            DETAILS.put(failure, where);
        }
    }

    static String detailOf(Throwable failure) {
        synchronized (DETAILS) {
            return DETAILS.getOrDefault(failure, "");
        }
    }
}
