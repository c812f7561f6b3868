package assay.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import assay.common.Compilation;
import assay.common.OutputCapture;
import assay.common.Warmup;
import assay.wire.Endpoint;
import assay.wire.Fds;
import assay.wire.Frames;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The tests' JVM, as the tester user (runners/java/run), started without the nonce: learns the solution's
 * API from the solution's JVM, compiles /work/tests against stand-ins written from it (StubWriter), runs
 * the JUnit 5 tests and reports on the pipe the harness gave it. The solution's code never runs here.
 *
 * <p>Arguments: the work directory (/work), the directory to compile into, the events pipe's fd, the connection's fd, the test
 * libraries' class path (JUnit, AssertJ, Hamcrest, Mockito…) and the runner's jar (together, the class path the tests compile
 * against), the directory for the stand-ins' sources, the warm-up sources (runners/java/warmup).
 */
public final class Launcher {
    private static final AtomicBoolean FINISHED = new AtomicBoolean();

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Events events = Events.open(Integer.parseInt(args[2]));
        int connection = Integer.parseInt(args[3]);
        try {
            List<Path> testApi = new ArrayList<>();
            for (String jar : args[4].split(File.pathSeparator)) {
                testApi.add(Path.of(jar));
            }
            testApi.add(Path.of(args[5]));
            Warmup warmup = warmUp(Path.of(args[7]), classes.resolveSibling("warmup"), testApi);
            // The harness writes a line once /work/tests is there.
            System.in.read();
            warmup.finish();
            run(work, classes, events, new Frames(Fds.input(connection), Fds.output(connection)),
                    testApi, Path.of(args[6]));
        } catch (Throwable crash) {
            events.error("the test run crashed: " + crash);
        }
        FINISHED.set(true);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void run(Path work, Path classes, Events events, Frames frames, List<Path> testApi, Path stubs) throws Exception {
        Frames.Frame hello = frames.read();
        if (hello == null || hello.kind() != Frames.HELLO) {
            events.error("the solution's JVM ended before the tests could start (System.exit, or a crash)");
            return;
        }
        Map<?, ?> greeting = (Map<?, ?>) new TesterCodec(Launcher.class.getClassLoader(), new Api()).decode(hello.payload());
        if (greeting.get("compile") instanceof String diagnostics) {
            events.compileError(diagnostics);
            return;
        }
        Api api = Api.read(greeting.get("api"));
        StubWriter.write(api, stubs);
        Compilation compilation = Compilation.run(work, List.of(work.resolve("tests"), stubs), classes, testApi, false);
        if (compilation.diagnostics != null) {
            // Messages only, never a line of the tests: the names the tests use that the solution lacks.
            events.compileError("the tests do not compile against your classes (a class, constructor or method they use "
                    + "is missing or has another signature):\n" + compilation.diagnostics);
            return;
        }
        List<String> testClasses = new ArrayList<>();
        for (String name : compilation.classes) {
            if (compilation.sources.get(name).startsWith("tests/") && !name.contains("$")) {
                testClasses.add(name);
            }
        }
        if (testClasses.isEmpty()) {
            events.error("no tests were found: " + work.resolve("tests") + " holds no Java class");
            return;
        }
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Launcher.class.getClassLoader());
        TesterCodec codec = new TesterCodec(loader, api);
        Endpoint endpoint = new Endpoint(frames, codec);
        codec.connect(endpoint);
        Remote.connect(endpoint, codec);
        endpoint.start(codec::handle, () -> {
            if (!FINISHED.getAndSet(true)) {
                events.error("the solution's JVM ended during the tests (System.exit, or a crash)");
                Runtime.getRuntime().halt(0);
            }
        });
        runTests(loader, testClasses, events, new Messages(compilation.sources));
    }

    /**
     * While the sandbox waits: javac over the warm-up class and its tests, twice (the second run on the code
     * the first compiled), then JUnit over those tests, so that the tests' compilation and run go warm.
     * Only the image's own code runs here, never the solution's. A JUnit warm-up under way when the
     * submission comes is waited for, while the solution's JVM compiles the solution.
     */
    private static Warmup warmUp(Path sources, Path classes, List<Path> testApi) {
        Warmup warmup = new Warmup();
        Warmup.Stage compile = warmup.compile(sources, List.of("solution", "tests"), classes, testApi);
        warmup.start(List.of(compile, compile, () -> {
            ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Launcher.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            launcher().execute(request(List.of(selectClass(Class.forName("CounterTest", false, loader)))),
                    new TestExecutionListener() { });
        }));
        return warmup;
    }

    private static void runTests(ClassLoader loader, List<String> testClasses, Events events, Messages messages)
            throws IOException, ClassNotFoundException {
        // The tests' classes get a loader of their own, so that the launcher's class path (and with it the
        // CDS archive) is the same in every run.
        Thread.currentThread().setContextClassLoader(loader);
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String name : testClasses) {
            selectors.add(selectClass(Class.forName(name, false, loader)));
        }
        LauncherDiscoveryRequest request = request(selectors);
        var launcher = launcher();
        OutputCapture capture = OutputCapture.install(false);
        ReportingListener listener = new ReportingListener(events, capture, messages);
        try {
            launcher.execute(request, listener);
        } catch (Throwable crash) {
            listener.abortRunning(crash);
            events.error("the test run stopped: " + crash);
            return;
        }
        if (FINISHED.getAndSet(true)) {
            return;
        }
        if (listener.testsReported == 0) {
            events.error("no tests were found: no class of /work/tests has a JUnit 5 test");
        } else {
            events.done();
        }
    }

    private static LauncherDiscoveryRequest request(List<DiscoverySelector> selectors) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .build();
    }

    private static org.junit.platform.launcher.Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    }
}
