package assay.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The strict encoding of what crosses the boundary: plain data (null, booleans, numbers, characters,
 * strings, lists, sets, maps, arrays, optionals, decimals, dates, UUIDs), the challenge's records and enums
 * by name and contents, exceptions by type and message, and objects by reference. Each side rebuilds
 * every value with its own classes: nothing of the sender's runs on the receiver.
 */
public abstract class Codec {
    static final int MAX_DEPTH = 64;
    static final int MAX_ITEMS = 1 << 20;
    static final Map<String, Function<String, Object>> TEXT_VALUES = Map.of(
            "java.math.BigDecimal", BigDecimal::new,
            "java.math.BigInteger", BigInteger::new,
            "java.time.Instant", Instant::parse,
            "java.time.LocalDate", LocalDate::parse,
            "java.time.LocalDateTime", LocalDateTime::parse,
            "java.time.LocalTime", LocalTime::parse,
            "java.time.Duration", Duration::parse,
            "java.util.UUID", UUID::fromString);
    static final Map<String, Class<?>> PRIMITIVES = Map.of(
            "boolean", boolean.class, "byte", byte.class, "short", short.class, "char", char.class,
            "int", int.class, "long", long.class, "float", float.class, "double", double.class);

    /** A class of this side's API (the solution's classes, or the tests' stand-ins for them), else null. */
    protected abstract Class<?> apiClass(String binaryName);

    /** Whether `type` is one of this side's API classes. */
    protected abstract boolean isApi(Class<?> type);

    /** The id of `value` when it stands for one of the peer's objects (a stand-in, a proxy), else null. */
    protected abstract Long peerId(Object value);

    /** The API or callback types an object of this side crosses as by reference; none: it cannot cross. */
    protected abstract Collection<String> referenceTypes(Object value);

    /** The objects this side has handed over by reference. */
    protected abstract Exports exports();

    /** The peer's object `id`, which it says is of the API types `types`. */
    protected abstract Object peerObject(long id, List<String> types);

    /** This side's own object `id`, handed back by the peer. */
    protected abstract Object ownObject(long id);

    /** An exception of the peer, rebuilt as this side's `type` (an API or JDK class name). */
    protected abstract Throwable rebuildThrowable(String type, String message, String detail);

    /** The API or JDK type name an exception crosses as, and the detail (where it was thrown) sent with it. */
    protected abstract String[] describeThrowable(Throwable failure);

    public final byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(new DataOutputStream(bytes), value, 0);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    /** A failure as sent back for a call; a failure to encode it becomes a plain one. */
    public final byte[] encodeFailure(Throwable failure) {
        try {
            return encode(failure);
        } catch (RuntimeException unencodable) {
            return encode(new IllegalStateException(failure.getClass().getName() + ": " + failure.getMessage()));
        }
    }

    public final Object decode(byte[] payload) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        try {
            Object value = new ValueReader(this, in).read(0);
            if (in.available() != 0) {
                throw new IllegalArgumentException("bytes after the value");
            }
            return value;
        } catch (IOException malformed) {
            throw new IllegalArgumentException("a malformed value: " + malformed.getMessage());
        }
    }

    private void write(DataOutputStream out, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("a value nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof Boolean b) {
            out.writeByte('Z');
            out.writeBoolean(b);
        } else if (value instanceof Byte b) {
            out.writeByte('B');
            out.writeByte(b);
        } else if (value instanceof Short s) {
            out.writeByte('S');
            out.writeShort(s);
        } else if (value instanceof Character c) {
            out.writeByte('C');
            out.writeChar(c);
        } else if (value instanceof Integer i) {
            out.writeByte('I');
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte('J');
            out.writeLong(l);
        } else if (value instanceof Float f) {
            out.writeByte('F');
            out.writeFloat(f);
        } else if (value instanceof Double d) {
            out.writeByte('D');
            out.writeDouble(d);
        } else if (value instanceof String s) {
            out.writeByte('T');
            writeString(out, s);
        } else {
            writeObject(out, value, depth);
        }
    }

    private void writeObject(DataOutputStream out, Object value, int depth) throws IOException {
        Class<?> type = value.getClass();
        if (TEXT_VALUES.containsKey(type.getName())) {
            out.writeByte('V');
            writeString(out, type.getName());
            writeString(out, value.toString());
        } else if (value instanceof Throwable failure) {
            String[] described = describeThrowable(failure);
            out.writeByte('X');
            writeString(out, described[0]);
            writeString(out, String.valueOf(failure.getMessage()));
            out.writeBoolean(failure.getMessage() != null);
            writeString(out, described[1]);
        } else if (type.isRecord() && isApi(type)) {
            RecordComponent[] components = type.getRecordComponents();
            out.writeByte('R');
            writeString(out, type.getName());
            out.writeInt(components.length);
            for (RecordComponent component : components) {
                write(out, invokeAccessor(component, value), depth + 1);
            }
        } else if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
            Enum<?> constant = (Enum<?>) value;
            if (!isApi(constant.getDeclaringClass())) {
                throw new IllegalArgumentException("an enum of " + constant.getDeclaringClass().getName() + " cannot cross");
            }
            out.writeByte('U');
            writeString(out, constant.getDeclaringClass().getName());
            writeString(out, constant.name());
        } else if (value instanceof Optional<?> optional) {
            out.writeByte('P');
            out.writeBoolean(optional.isPresent());
            if (optional.isPresent()) {
                write(out, optional.get(), depth + 1);
            }
        } else if (type.isArray()) {
            out.writeByte('A');
            writeString(out, type.getComponentType().getName());
            int length = Array.getLength(value);
            out.writeInt(length);
            for (int i = 0; i < length; i++) {
                write(out, Array.get(value, i), depth + 1);
            }
        } else if ((value instanceof List || value instanceof Set) && !isApi(type)) {
            // A copy first: its size is the count written, however the collection changes meanwhile.
            List<?> items = new ArrayList<>((Collection<?>) value);
            out.writeByte(value instanceof Set ? 'E' : 'L');
            out.writeInt(items.size());
            for (Object item : items) {
                write(out, item, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map && !isApi(type)) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            out.writeByte('M');
            out.writeInt(entries.size());
            for (Map.Entry<?, ?> entry : entries) {
                write(out, entry.getKey(), depth + 1);
                write(out, entry.getValue(), depth + 1);
            }
        } else {
            writeReference(out, value);
        }
    }

    /** An object that is not data: `Y` the peer's own object back, or `O` one of this side's, by reference. */
    private void writeReference(DataOutputStream out, Object value) throws IOException {
        Long peer = peerId(value);
        if (peer != null) {
            out.writeByte('Y');
            out.writeLong(peer);
            return;
        }
        Collection<String> types = referenceTypes(value);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot cross the boundary: only "
                    + "data, the challenge's own types and implementations of its interfaces or of callbacks do");
        }
        out.writeByte('O');
        out.writeLong(exports().idOf(value));
        out.writeInt(types.size());
        for (String type : types) {
            writeString(out, type);
        }
    }

    private static Object invokeAccessor(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (java.lang.reflect.InvocationTargetException thrown) {
            throw sneaky(thrown.getCause());
        } catch (ReflectiveOperationException unreachable) {
            throw new IllegalStateException(unreachable);
        }
    }

    protected static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Throws any throwable unchecked: a call's exception crosses as the exception the callee threw. */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
        throw (E) failure;
    }
}
