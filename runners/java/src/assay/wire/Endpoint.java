package assay.wire;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls both ways over one connection. Each call waits on its own thread for its answer, so calls from
 * several threads are in flight together; each call that arrives runs on a thread of its own, so a call
 * that calls back (the solution calling a test's fake) never waits for the one that made it.
 */
public final class Endpoint {
    /** Runs a call that arrived: `request` is [op, type, member, erased parameter types, target, args]. */
    public interface Handler {
        Object handle(List<?> request) throws Throwable;
    }

    private final Frames frames;
    private final Codec codec;
    private final Map<Long, CompletableFuture<Frames.Frame>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "assay-call");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Handler handler;

    public Endpoint(Frames frames, Codec codec) {
        this.frames = frames;
        this.codec = codec;
    }

    /** Reads frames on a thread of its own until the connection ends, then runs `onClosed`. */
    public void start(Handler handler, Runnable onClosed) {
        this.handler = handler;
        Thread reader = new Thread(() -> {
            try {
                Frames.Frame frame;
                while ((frame = frames.read()) != null) {
                    dispatch(frame);
                }
            } catch (IOException broken) {
                // A malformed frame ends the connection like its end does.
            }
            onClosed.run();
        }, "assay-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void dispatch(Frames.Frame frame) {
        switch (frame.kind()) {
            case Frames.CALL -> workers.execute(() -> answer(frame));
            case Frames.RETURN, Frames.THROW -> {
                CompletableFuture<Frames.Frame> waiting = pending.remove(frame.id());
                if (waiting != null) {
                    waiting.complete(frame);
                }
            }
            default -> { }
        }
    }

    private void answer(Frames.Frame call) {
        byte kind;
        byte[] payload;
        try {
            Object request = codec.decode(call.payload());
            if (!(request instanceof List<?> list) || list.size() != 6) {
                throw new IllegalArgumentException("a malformed call");
            }
            payload = codec.encode(handler.handle(list));
            kind = Frames.RETURN;
        } catch (Throwable failure) {
            payload = codec.encodeFailure(failure);
            kind = Frames.THROW;
        }
        try {
            frames.write(kind, call.id(), payload);
        } catch (IOException gone) {
            // The peer is gone; the reader ends the run.
        }
    }

    /** Sends a call and waits for its answer: the value, or the peer's exception rebuilt here. */
    public Object call(String op, String type, String member, List<String> erased, Object target, List<?> args) {
        long id = ids.incrementAndGet();
        CompletableFuture<Frames.Frame> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            frames.write(Frames.CALL, id, codec.encode(java.util.Arrays.asList(op, type, member, erased, target, args)));
            Frames.Frame frame = answer.join();
            Object value = codec.decode(frame.payload());
            if (frame.kind() == Frames.THROW) {
                throw Codec.sneaky(value instanceof Throwable t ? t : new IllegalStateException("a malformed failure"));
            }
            return value;
        } catch (IOException gone) {
            pending.remove(id);
            throw new IllegalStateException("the other process is gone", gone);
        }
    }

    public void hello(Object value) throws IOException {
        frames.write(Frames.HELLO, 0, codec.encode(value));
    }

    public Frames frames() {
        return frames;
    }
}
