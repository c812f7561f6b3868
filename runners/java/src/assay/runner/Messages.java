package assay.runner;

import assay.common.SourceFrames;
import java.util.Map;

/** Turns a test's exception into a message a candidate can act on: the error, then where in /work it happened. */
final class Messages {
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
            text.append(SourceFrames.of(current, sources));
            text.append(Remote.detailOf(current));
            if (current.getCause() == current) {
                break;
            }
        }
        return text.toString();
    }
}
