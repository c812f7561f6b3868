package assay.common;

import java.util.Map;

/** Where in /work an exception happened: its frames in the sources of a Compilation, innermost first. */
public final class SourceFrames {
    /** Frames shown per exception. */
    private static final int FRAMES = 8;

    private SourceFrames() {
    }

    /** One `\n  at Class.method(file:line)` line per frame in `sources` (binary class name to file). */
    public static String of(Throwable error, Map<String, String> sources) {
        StringBuilder text = new StringBuilder();
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
        return text.toString();
    }
}
