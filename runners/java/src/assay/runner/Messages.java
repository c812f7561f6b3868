package assay.runner;

import java.util.Map;

/** Turns a test's exception into a message a candidate can act on: the error, then where in /work it happened. */
final class Messages {
    /** Frames of /work shown per exception, innermost first. */
    private static final int FRAMES = 8;
    /** Causes followed. */
    private static final int CAUSES = 3;

    private final Map<String, String> sources;

    /** `sources`: binary class name to its source file relative to /work (see Compilation). */
    Messages(Map<String, String> sources) {
        this.sources = sources;
    }

    /** An assertion's own text (JUnit's already reads "expected: <1> but was: <2>"); anything else as `Type: text`. */
    String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth <= CAUSES; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append("\nCaused by: ");
            }
            boolean plainAssertion = depth == 0 && current instanceof AssertionError && current.getMessage() != null;
            text.append(plainAssertion ? current.getMessage() : current.toString());
            appendFrames(text, current);
            text.append(Remote.detailOf(current));
            if (current.getCause() == current) {
                break;
            }
        }
        return text.toString();
    }

    private void appendFrames(StringBuilder text, Throwable error) {
        int shown = 0;
        for (StackTraceElement frame : error.getStackTrace()) {
            String source = sources.get(frame.getClassName());
            if (source == null) {
                continue;
            }
            if (shown++ == FRAMES) {
                text.append("\n  …");
                break;
            }
            text.append("\n  at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                    .append('(').append(source).append(':').append(frame.getLineNumber()).append(')');
        }
    }
}
