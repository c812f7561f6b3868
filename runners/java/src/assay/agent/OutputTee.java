package assay.agent;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces System.out and System.err: what the solution prints goes to the run's log, and is kept until the
 * tests' JVM drains it into the output of the test that was running.
 */
final class OutputTee extends OutputStream {
    private static final int KEEP = 16 * 1024;

    private final PrintStream log;
    private final StringBuilder kept = new StringBuilder();
    private boolean cut;

    private OutputTee(PrintStream log) {
        this.log = log;
    }

    static OutputTee install() {
        OutputTee tee = new OutputTee(System.out);
        PrintStream routed = new PrintStream(tee, true, StandardCharsets.UTF_8);
        System.setOut(routed);
        System.setErr(routed);
        return tee;
    }

    /** What was printed since the last drain, or null if nothing. */
    synchronized String drain() {
        if (kept.length() == 0) {
            return null;
        }
        String text = kept + (cut ? "… [truncated]" : "");
        kept.setLength(0);
        cut = false;
        return text;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        log.write(bytes, offset, length);
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        int room = KEEP - kept.length();
        if (text.length() > room) {
            cut = true;
        }
        kept.append(text, 0, Math.max(0, Math.min(text.length(), room)));
    }

    @Override
    public synchronized void flush() {
        log.flush();
    }
}
