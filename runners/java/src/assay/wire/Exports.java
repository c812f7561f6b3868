package assay.wire;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/** The objects one side has handed the other by reference, each by the id it crossed with. */
public final class Exports {
    private final Map<Long, Object> byId = new HashMap<>();
    private final Map<Object, Long> ids = new IdentityHashMap<>();

    /** The id `value` is known by, given on its first crossing. */
    public synchronized long idOf(Object value) {
        Long id = ids.get(value);
        if (id == null) {
            id = (long) byId.size() + 1;
            byId.put(id, value);
            ids.put(value, id);
        }
        return id;
    }

    /** The object the peer names by `id`; IllegalArgumentException for an id never handed over. */
    public synchronized Object get(long id) {
        Object value = byId.get(id);
        if (value == null) {
            throw new IllegalArgumentException("no object " + id + " was handed over");
        }
        return value;
    }
}
