package assay.runner;

import assay.wire.Fds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the launcher tells the harness, one JSON object a line on the pipe the harness gave it. The harness
 * alone holds the nonce: it checks these lines, truncates them and relays them as contract events.
 */
final class Events {
    /** Longest message or output sent; the harness truncates further, to the contract's 4 KiB. */
    private static final int FIELD_LIMIT = 16 * 1024;

    private final OutputStream out;

    private Events(OutputStream out) {
        this.out = out;
    }

    /** The pipe the harness passed down as file descriptor `fd`. */
    static Events open(int fd) {
        return new Events(Fds.output(fd));
    }

    void test(String name, String status, String message, String output, long durationMs) {
        write("{\"type\":\"test\",\"name\":" + quote(name) + ",\"status\":" + quote(status)
                + ",\"message\":" + quote(message) + ",\"output\":" + quote(output)
                + ",\"durationMs\":" + durationMs + "}");
    }

    /** The sources did not compile: `diagnostics` is javac's report, paths relative to /work. */
    void compileError(String diagnostics) {
        write("{\"type\":\"compile\",\"message\":" + quote(diagnostics) + "}");
    }

    /** The tests could not run at all, for a reason other than compilation. */
    void error(String message) {
        write("{\"type\":\"error\",\"message\":" + quote(message) + "}");
    }

    /** Every test has been reported. */
    void done() {
        write("{\"type\":\"done\"}");
    }

    private synchronized void write(String json) {
        try {
            out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // The harness is gone; nobody is left to tell.
            Runtime.getRuntime().halt(3);
        }
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        if (text.length() > FIELD_LIMIT) {
            text = text.substring(0, FIELD_LIMIT);
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    // Control characters and lone surrogates (which UTF-8 cannot carry) are escaped.
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
