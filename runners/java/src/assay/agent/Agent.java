package assay.agent;

import assay.common.Compilation;
import assay.common.OutputCapture;
import assay.common.Warmup;
import assay.wire.Endpoint;
import assay.wire.Fds;
import assay.wire.Frames;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The solution's JVM, as the candidate user (runners/java/run): compiles /work/solution alone, tells the
 * tests' JVM its public API (or its compile errors), then runs the calls the tests make across the
 * connection. It decides nothing and holds nothing of the harness: whatever it answers is data to the
 * tests' JVM, which rebuilds every value with its own classes.
 *
 * <p>Arguments: the work directory (/work), the directory to compile into, the connection's file descriptor,
 * the warm-up sources (runners/java/warmup).
 */
public final class Agent {
    private Agent() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        int fd = Integer.parseInt(args[2]);
        Frames frames = new Frames(Fds.input(fd), Fds.output(fd));
        // While the sandbox waits: javac over the warm-up class, twice (the second run on the code the first
        // compiled), so that the solution's compilation runs warm.
        Warmup warmup = new Warmup();
        Warmup.Stage compile = warmup.compile(Path.of(args[3]), List.of("solution"), classes.resolveSibling("warmup"), List.of());
        warmup.start(List.of(compile, compile));
        // The harness writes a line once /work/solution is there.
        System.in.read();
        warmup.finish();
        OutputCapture output = OutputCapture.install(true);
        Compilation compilation = Compilation.run(work, List.of(work.resolve("solution")), classes,
                List.of(), true);
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Agent.class.getClassLoader());
        AgentCodec codec = new AgentCodec(loader, compilation);
        Endpoint endpoint = new Endpoint(frames, codec);
        codec.connect(endpoint);
        if (compilation.diagnostics != null) {
            endpoint.hello(Map.of("compile", compilation.diagnostics));
        } else {
            endpoint.hello(Map.of("api", ApiReader.read(codec, compilation.classes)));
        }
        Thread.currentThread().setContextClassLoader(loader);
        // The tests are over when the tests' JVM closes its end: no thread of the solution keeps this one.
        endpoint.start(new Serving(codec, output)::handle, () -> Runtime.getRuntime().halt(0));
        Thread.currentThread().join();
    }
}
