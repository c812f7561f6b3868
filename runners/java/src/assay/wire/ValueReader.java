package assay.wire;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one value of the encoding (Codec) from a payload, rebuilding it with the receiving side's own
 * classes through the codec's hooks; anything malformed is an IOException.
 */
final class ValueReader {
    private final Codec codec;
    private final DataInputStream in;

    ValueReader(Codec codec, DataInputStream in) {
        this.codec = codec;
        this.in = in;
    }

    Object read(int depth) throws IOException {
        if (depth > Codec.MAX_DEPTH) {
            throw new IOException("nested deeper than " + Codec.MAX_DEPTH + " levels");
        }
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 'N' -> null;
            case 'Z' -> in.readBoolean();
            case 'B' -> in.readByte();
            case 'S' -> in.readShort();
            case 'C' -> in.readChar();
            case 'I' -> in.readInt();
            case 'J' -> in.readLong();
            case 'F' -> in.readFloat();
            case 'D' -> in.readDouble();
            case 'T' -> readString();
            case 'V' -> readText(readString(), readString());
            case 'X' -> {
                String type = readString();
                String message = readString();
                boolean hasMessage = in.readBoolean();
                yield codec.rebuildThrowable(type, hasMessage ? message : null, readString());
            }
            case 'R' -> readRecord(depth);
            case 'U' -> readEnum(readString(), readString());
            case 'P' -> in.readBoolean() ? Optional.ofNullable(read(depth + 1)) : Optional.empty();
            case 'A' -> readArray(depth);
            case 'L', 'E' -> {
                int size = count();
                Collection<Object> items = tag == 'L' ? new ArrayList<>(size) : new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    items.add(read(depth + 1));
                }
                yield items;
            }
            case 'M' -> {
                int size = count();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(read(depth + 1), read(depth + 1));
                }
                yield map;
            }
            case 'O' -> {
                long id = in.readLong();
                int size = count();
                List<String> types = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    types.add(readString());
                }
                yield codec.peerObject(id, types);
            }
            case 'Y' -> codec.ownObject(in.readLong());
            default -> throw new IOException("unknown tag " + tag);
        };
    }

    private static Object readText(String type, String text) throws IOException {
        Function<String, Object> parse = Codec.TEXT_VALUES.get(type);
        if (parse == null) {
            throw new IOException("not a value type: " + type);
        }
        try {
            return parse.apply(text);
        } catch (RuntimeException malformed) {
            throw new IOException("a malformed " + type);
        }
    }

    private Object readRecord(int depth) throws IOException {
        Class<?> type = codec.apiClass(readString());
        int size = count();
        if (type == null || !type.isRecord() || type.getRecordComponents().length != size) {
            throw new IOException("not a record of the challenge");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[size];
        Class<?>[] types = new Class<?>[size];
        for (int i = 0; i < size; i++) {
            values[i] = read(depth + 1);
            types[i] = components[i].getType();
        }
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return Rebuilding.run(() -> constructor.newInstance(values));
        } catch (java.lang.reflect.InvocationTargetException refused) {
            throw Codec.sneaky(refused.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException mismatch) {
            throw new IOException("a " + type.getName() + " whose fields do not fit: " + mismatch.getMessage());
        }
    }

    private Object readEnum(String typeName, String constant) throws IOException {
        Class<?> type = codec.apiClass(typeName);
        if (type == null || !type.isEnum()) {
            throw new IOException("not an enum of the challenge: " + typeName);
        }
        for (Object value : type.getEnumConstants()) {
            if (((Enum<?>) value).name().equals(constant)) {
                return value;
            }
        }
        throw new IOException("no constant " + constant + " in " + typeName);
    }

    private Object readArray(int depth) throws IOException {
        String componentName = readString();
        Class<?> component = Codec.PRIMITIVES.get(componentName);
        if (component == null) {
            component = codec.apiClass(componentName);
        }
        if (component == null) {
            component = Object.class;
        }
        int length = count();
        Object array = Array.newInstance(component, length);
        for (int i = 0; i < length; i++) {
            try {
                Array.set(array, i, read(depth + 1));
            } catch (IllegalArgumentException mismatch) {
                throw new IOException("an array item that does not fit " + componentName);
            }
        }
        return array;
    }

    private int count() throws IOException {
        int size = in.readInt();
        if (size < 0 || size > Codec.MAX_ITEMS) {
            throw new IOException("a collection of " + size + " items");
        }
        return size;
    }

    private String readString() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
