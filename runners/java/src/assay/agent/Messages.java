package assay.agent;

import java.lang.reflect.Field;
import java.util.Map;

/** An exception of the solution as the tests' JVM shows it: its message, and where in /work/solution it was thrown. */
final class Messages {
    private static final int FRAMES = 8;

    private Messages() {
    }

    /** The frames of `failure` in the solution's sources, one `  at …` line each. */
    static String frames(Throwable failure, Map<String, String> sources) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : failure.getStackTrace()) {
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

    /** Gives a rebuilt exception the message it had in the tests' JVM (java.lang is open to this JVM). */
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
