package assay.common;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces System.out and System.err: what anything prints through them between start() and stop() is
 * kept (as pytest captures); the rest goes to the JVM's own stdout, the run's log. The tests' JVM keeps
 * each test's output this way; the solution's JVM tees (everything to the log as well) and keeps what it
 * printed since the tests' JVM last drained it.
 */
public final class OutputCapture extends OutputStream {
    /** Bytes kept per test; the harness truncates to the contract's 4 KiB. */
    private static final int KEEP = 16 * 1024;

    private final PrintStream log;
    private final boolean tee;
    private ByteArrayOutputStream current;
    private boolean cut;

    private OutputCapture(PrintStream log, boolean tee) {
        this.log = log;
        this.tee = tee;
    }

    /** With `tee`, every byte also goes to the log, and keeping starts at once. */
    public static OutputCapture install(boolean tee) {
        OutputCapture capture = new OutputCapture(System.out, tee);
        PrintStream routed = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(routed);
        System.setErr(routed);
        if (tee) {
            capture.start();
        }
        return capture;
    }

    public synchronized void start() {
        current = new ByteArrayOutputStream();
        cut = false;
    }

    /** What was printed since start(), or null if nothing. */
    public synchronized String stop() {
        ByteArrayOutputStream captured = current;
        current = null;
        if (captured == null || captured.size() == 0) {
            return null;
        }
        return captured.toString(StandardCharsets.UTF_8) + (cut ? "… [truncated]" : "");
    }

    /** What was printed since the last drain (or start()), keeping on. */
    public synchronized String drain() {
        String text = stop();
        start();
        return text;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (current == null || tee) {
            log.write(bytes, offset, length);
        }
        if (current == null) {
            return;
        }
        int room = KEEP - current.size();
        if (length > room) {
            cut = true;
        }
        current.write(bytes, offset, Math.max(0, Math.min(length, room)));
    }

    @Override
    public synchronized void flush() {
        log.flush();
    }
}
