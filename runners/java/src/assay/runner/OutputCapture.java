package assay.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces System.out and System.err: while a test runs, what anything prints through them is kept as that
 * test's output (as pytest captures); between tests it goes to the JVM's own stdout, the run's log.
 */
final class OutputCapture extends OutputStream {
    /** Bytes kept per test; the harness truncates to the contract's 4 KiB. */
    private static final int KEEP = 16 * 1024;

    private final PrintStream log;
    private ByteArrayOutputStream current;
    private boolean cut;

    private OutputCapture(PrintStream log) {
        this.log = log;
    }

    static OutputCapture install() {
        OutputCapture capture = new OutputCapture(System.out);
        PrintStream routed = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(routed);
        System.setErr(routed);
        return capture;
    }

    synchronized void start() {
        current = new ByteArrayOutputStream();
        cut = false;
    }

    /** What the test printed since start(), or null if nothing. */
    synchronized String stop() {
        ByteArrayOutputStream captured = current;
        current = null;
        if (captured == null || captured.size() == 0) {
            return null;
        }
        return captured.toString(StandardCharsets.UTF_8) + (cut ? "… [truncated]" : "");
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (current == null) {
            log.write(bytes, offset, length);
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
