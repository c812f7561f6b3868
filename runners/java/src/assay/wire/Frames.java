package assay.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Length-prefixed frames on one connection between the tests' JVM and the solution's: a kind byte, a call
 * id and a payload. The peer is untrusted: a frame longer than MAX_BYTES ends the connection.
 */
public final class Frames {
    public static final byte HELLO = 'H';
    public static final byte CALL = 'C';
    public static final byte RETURN = 'R';
    public static final byte THROW = 'T';
    static final int MAX_BYTES = 32 << 20;

    /** One frame as read. */
    public record Frame(byte kind, long id, byte[] payload) {
    }

    private final DataInputStream in;
    private final DataOutputStream out;

    public Frames(InputStream in, OutputStream out) {
        this.in = new DataInputStream(in);
        this.out = new DataOutputStream(out);
    }

    /** The next frame, or null at the end of the connection; IOException for a frame that breaks the format. */
    public Frame read() throws IOException {
        int kind = in.read();
        if (kind < 0) {
            return null;
        }
        try {
            long id = in.readLong();
            int length = in.readInt();
            if (length < 0 || length > MAX_BYTES) {
                throw new IOException("a frame of " + length + " bytes");
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new Frame((byte) kind, id, payload);
        } catch (EOFException cut) {
            return null;
        }
    }

    /** Writes one frame whole: callers on several threads never interleave. */
    public synchronized void write(byte kind, long id, byte[] payload) throws IOException {
        out.writeByte(kind);
        out.writeLong(id);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }
}
