package assay.runner;

import assay.wire.Codec;
import assay.wire.Endpoint;
import assay.wire.Exports;
import assay.wire.JdkTypes;
import assay.wire.Methods;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tests' side of the encoding. What the solution sends is rebuilt with the tests' own classes: its
 * records and enums as the stand-in records and enums, its objects as stand-ins that forward calls, its
 * exceptions as the stand-in exceptions. The tests' objects the solution needs (a fake gateway, a
 * callback) cross by reference and are called here, on a thread of this JVM.
 */
final class TesterCodec extends Codec {
    private final ClassLoader loader;
    private final Api api;
    private final Map<Long, Object> stubs = new HashMap<>();
    private final Map<Object, Long> stubIds = new IdentityHashMap<>();
    private final Exports exported = new Exports();
    private Endpoint endpoint;

    TesterCodec(ClassLoader loader, Api api) {
        this.loader = loader;
        this.api = api;
    }

    void connect(Endpoint connection) {
        endpoint = connection;
    }

    synchronized void register(long id, Object stub) {
        stubs.putIfAbsent(id, stub);
        stubIds.putIfAbsent(stub, id);
    }

    @Override
    protected Class<?> apiClass(String binaryName) {
        if (!api.types.containsKey(binaryName)) {
            return null;
        }
        try {
            return Class.forName(binaryName, false, loader);
        } catch (ClassNotFoundException | LinkageError missing) {
            return null;
        }
    }

    @Override
    protected boolean isApi(Class<?> type) {
        return type.getClassLoader() == loader && api.types.containsKey(type.getName());
    }

    @Override
    protected synchronized Long peerId(Object value) {
        return stubIds.get(value);
    }

    @Override
    protected Exports exports() {
        return exported;
    }

    /**
     * Every API or callback interface a test's object implements: it crosses as those. An object of the
     * tests' own subclass of one of the solution's classes (a Mockito mock or spy of it, a test's subclass)
     * that implements none is refused by name: the solution's code takes only its own objects of its classes.
     */
    @Override
    protected Set<String> referenceTypes(Object value) {
        Set<String> types = interfaceTypes(value);
        if (types.isEmpty()) {
            for (Class<?> c = value.getClass().getSuperclass(); c != null; c = c.getSuperclass()) {
                if (isApi(c)) {
                    throw new IllegalArgumentException("a mock or subclass of the solution's class " + c.getName()
                            + " made in the tests cannot be handed to the solution, whose code runs apart and takes only "
                            + "its own " + c.getName() + " objects: mock an interface of the solution's instead");
                }
            }
        }
        return types;
    }

    private Set<String> interfaceTypes(Object value) {
        Set<String> types = new LinkedHashSet<>();
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            List<Class<?>> interfaces = new ArrayList<>(Arrays.asList(c.getInterfaces()));
            for (int i = 0; i < interfaces.size(); i++) {
                Class<?> candidate = interfaces.get(i);
                if (isApi(candidate) || JdkTypes.isCallback(candidate.getName())) {
                    types.add(candidate.getName());
                }
                interfaces.addAll(Arrays.asList(candidate.getInterfaces()));
            }
        }
        return types;
    }

    @Override
    protected Object ownObject(long id) {
        return exported.get(id);
    }

    /** A stand-in for the solution's object `id`: of its class when the tests know it, else of an interface. */
    @Override
    protected Object peerObject(long id, List<String> types) {
        synchronized (this) {
            Object known = stubs.get(id);
            if (known != null) {
                return known;
            }
        }
        for (String name : types) {
            Class<?> type = apiClass(name);
            if (type == null) {
                continue;
            }
            try {
                Class<?> stub = type.isInterface() ? Class.forName(name + "$Assay$Remote", false, loader) : type;
                Constructor<?> constructor = stub.getDeclaredConstructor(Remote.Ref.class);
                constructor.setAccessible(true);
                constructor.newInstance(new Remote.Ref(id));
                synchronized (this) {
                    return stubs.get(id);
                }
            } catch (ReflectiveOperationException | LinkageError unusable) {
                // Try the next type.
            }
        }
        List<Class<?>> callbacks = new ArrayList<>();
        for (String name : types) {
            if (JdkTypes.isCallback(name)) {
                try {
                    callbacks.add(Class.forName(name, false, null));
                } catch (ClassNotFoundException unknown) {
                    // Not a callback of this JDK.
                }
            }
        }
        if (callbacks.isEmpty()) {
            throw new IllegalArgumentException("an object of the solution of no type the tests know: " + types);
        }
        Object proxy = Proxy.newProxyInstance(loader, callbacks.toArray(Class<?>[]::new), (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "the solution's " + types.get(0);
                };
            }
            return endpoint.call("call", method.getDeclaringClass().getName(), method.getName(), Methods.erased(method),
                    self, args == null ? List.of() : Arrays.asList(args));
        });
        register(id, proxy);
        return proxy;
    }

    @Override
    protected Throwable rebuildThrowable(String type, String message, String detail) {
        Throwable rebuilt = null;
        Class<?> stub = apiClass(type);
        try {
            if (stub != null && Throwable.class.isAssignableFrom(stub)) {
                Constructor<?> constructor = stub.getDeclaredConstructor(Remote.Marker.class, String.class);
                constructor.setAccessible(true);
                rebuilt = (Throwable) constructor.newInstance(null, message);
            } else if (JdkTypes.THROWABLES.contains(type)) {
                rebuilt = (Throwable) Class.forName(type).getConstructor(String.class).newInstance(message);
            }
        } catch (ReflectiveOperationException unusable) {
            rebuilt = null;
        }
        if (rebuilt == null) {
            rebuilt = new RuntimeException(type + ": " + message);
        }
        Remote.detail(rebuilt, detail);
        return rebuilt;
    }

    @Override
    protected String[] describeThrowable(Throwable failure) {
        Class<?> type = failure.getClass();
        while (!isApi(type) && !JdkTypes.THROWABLES.contains(type.getName())) {
            type = type.getSuperclass();
        }
        return new String[] {type.getName(), ""};
    }

    /** A call of the solution on one of the tests' objects: a method of one of the interfaces it crossed as. */
    Object handle(List<?> request) throws Exception {
        if (!"call".equals(request.get(0))) {
            throw new IllegalArgumentException("the tests only answer calls on their own objects");
        }
        String typeName = (String) request.get(1);
        Class<?> type = apiClass(typeName);
        if (type == null && JdkTypes.isCallback(typeName)) {
            type = Class.forName(typeName, false, null);
        }
        Object target = request.get(4);
        if (type == null || !type.isInterface() || target == null || !type.isInstance(target)) {
            throw new IllegalArgumentException("not a call on an object of the tests");
        }
        Method method = Methods.find(type, (String) request.get(2), (List<?>) request.get(3));
        return Methods.invoke(method, target, ((List<?>) request.get(5)).toArray());
    }
}
