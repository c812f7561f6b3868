package assay.runner;

import assay.common.OutputCapture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Reports each test as it finishes. A test is named `<class>::<method>`, the class by its binary name
 * (`com.acme.FooTest`, `FooTest$WhenEmpty` for a @Nested class), the method by its @DisplayName when it
 * has one, then ` > ` and the display name of each level of invocation (parameterized, repeated and
 * dynamic tests: `FooTest::limit > [1] 2, 3`, `FooTest::limit > 2 is refused` with
 * `@ParameterizedTest(name = "{0} is refused")`, `FooTest::factory > container > test`). A name another
 * test of the run already has is replaced by its position (`FooTest::limit[2]`), so names stay unique.
 */
final class ReportingListener implements TestExecutionListener {
    private final Events events;
    private final OutputCapture capture;
    private final Messages messages;
    private final Map<TestIdentifier, Long> started = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final Map<String, String> names = new HashMap<>();
    private TestPlan plan;
    int testsReported;

    ReportingListener(Events events, OutputCapture capture, Messages messages) {
        this.events = events;
        this.capture = capture;
        this.messages = messages;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            started.put(id, System.nanoTime());
            capture.start();
            solutionOutput();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        // Reported as skipped with its reason; it earns nothing, as candidate code can throw an
        // assumption failure as well as a test can.
        String message = reason == null ? "skipped" : reason;
        if (id.isTest()) {
            report(id, "skip", message, null, 0);
        }
        reportUnfinishedTests(id, "skip", message);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            report(id, status(result), message(result), joined(capture.stop(), solutionOutput()), millisSinceStart(id));
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A class whose set-up failed never starts its tests: each of them takes the class's error.
            reportUnfinishedTests(id, status(result), id.getDisplayName() + " failed: " + message(result));
        }
    }

    /**
     * JUnit gives up on the whole run for an error it deems unrecoverable (OutOfMemoryError): the tests that
     * were running take that error.
     */
    void abortRunning(Throwable crash) {
        for (TestIdentifier id : List.copyOf(started.keySet())) {
            report(id, "error", messages.describe(crash), capture.stop(), millisSinceStart(id));
        }
    }

    /** What the solution printed since the last test started or ended, or null (also when its JVM is gone). */
    private static String solutionOutput() {
        try {
            return Remote.drain();
        } catch (RuntimeException gone) {
            return null;
        }
    }

    private static String joined(String tests, String solution) {
        return tests == null ? solution : solution == null ? tests : tests + solution;
    }

    private long millisSinceStart(TestIdentifier id) {
        Long start = started.remove(id);
        return start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    }

    private void reportUnfinishedTests(TestIdentifier container, String status, String message) {
        if (plan == null) {
            return;
        }
        for (TestIdentifier test : plan.getDescendants(container)) {
            if (test.isTest()) {
                report(test, status, message, null, 0);
            }
        }
    }

    private void report(TestIdentifier id, String status, String message, String output, long durationMs) {
        if (reported.add(id.getUniqueId())) {
            testsReported++;
            String name = displayedName(id);
            if (names.putIfAbsent(name, id.getUniqueId()) != null) {
                name = positionalName(id);
            }
            events.test(name, status, message, output, durationMs);
        }
    }

    private static String status(TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> "pass";
            case ABORTED -> "skip";
            case FAILED -> result.getThrowable().orElse(null) instanceof AssertionError ? "fail" : "error";
        };
    }

    private String message(TestExecutionResult result) {
        Throwable error = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> null;
            case ABORTED -> error == null ? "aborted" : error.getMessage();
            case FAILED -> error == null ? "failed" : messages.describe(error);
        };
    }

    /** `<class>::<method or its display name>[ > <invocation's display name>]…`. */
    private String displayedName(TestIdentifier id) {
        if (plan == null) {
            return positionalName(id);
        }
        List<String> levels = new ArrayList<>();
        for (TestIdentifier level = id; level != null; level = plan.getParent(level).orElse(null)) {
            List<UniqueId.Segment> segments = UniqueId.parse(level.getUniqueId()).getSegments();
            UniqueId.Segment last = segments.get(segments.size() - 1);
            switch (last.getType()) {
                case "method", "test-template", "test-factory" -> levels.add(0, methodLabel(last.getValue(), level.getDisplayName()));
                case "engine", "class", "nested-class" -> { }
                default -> levels.add(0, level.getDisplayName());
            }
        }
        String name = positionalName(id);
        // A display name is any text: a line break in it would break the name's line in every report.
        return name.substring(0, name.indexOf("::") + 2) + String.join(" > ", levels).replaceAll("\\p{Cntrl}", " ");
    }

    /** The method's name, or its @DisplayName: JUnit's default display name is `name(parameter types)`. */
    private static String methodLabel(String segment, String displayName) {
        String method = segment.substring(0, segment.indexOf('(') < 0 ? segment.length() : segment.indexOf('('));
        return displayName.startsWith(method + "(") && displayName.endsWith(")") ? method : displayName;
    }

    /** `<class>::<method>[<invocation>]…`, built from the JUnit unique id's segments. */
    static String positionalName(TestIdentifier id) {
        StringBuilder className = new StringBuilder();
        StringBuilder method = new StringBuilder();
        List<UniqueId.Segment> segments = UniqueId.parse(id.getUniqueId()).getSegments();
        for (UniqueId.Segment segment : segments) {
            String value = segment.getValue();
            switch (segment.getType()) {
                case "class" -> className.setLength(0);
                case "nested-class" -> className.append('$');
                default -> { }
            }
            switch (segment.getType()) {
                case "class", "nested-class" -> className.append(value);
                case "method", "test-template", "test-factory" -> {
                    int paren = value.indexOf('(');
                    method.append(paren < 0 ? value : value.substring(0, paren));
                }
                case "engine" -> { }
                default -> method.append('[').append(value.startsWith("#") ? value.substring(1) : value).append(']');
            }
        }
        return className + "::" + method;
    }
}
