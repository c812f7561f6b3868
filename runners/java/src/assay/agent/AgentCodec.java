package assay.agent;

import assay.common.Compilation;
import assay.common.SourceFrames;
import assay.wire.Codec;
import assay.wire.Endpoint;
import assay.wire.Exports;
import assay.wire.JdkTypes;
import assay.wire.Methods;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Modifier;
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
 * The solution's side of the encoding: the solution's records and enums cross as data, its other objects
 * as references the tests call through, and the tests' objects (a fake gateway) arrive as proxies that
 * call back into the tests' JVM.
 */
final class AgentCodec extends Codec {
    private final ClassLoader loader;
    private final Set<String> compiled;
    private final Compilation compilation;
    private final Exports exported = new Exports();
    private final Map<Long, Object> proxies = new HashMap<>();
    private final Map<Object, Long> proxyIds = new IdentityHashMap<>();
    private Endpoint endpoint;

    AgentCodec(ClassLoader loader, Compilation compilation) {
        this.loader = loader;
        this.compilation = compilation;
        this.compiled = Set.copyOf(compilation.classes);
    }

    void connect(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Whether the tests can name `type`: a class of the solution that is neither private, local nor anonymous. */
    static boolean visible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (Modifier.isPrivate(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()
                    || c.isHidden()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Class<?> apiClass(String binaryName) {
        if (!compiled.contains(binaryName)) {
            return null;
        }
        try {
            Class<?> type = Class.forName(binaryName, false, loader);
            return visible(type) ? type : null;
        } catch (ClassNotFoundException | LinkageError gone) {
            return null;
        }
    }

    @Override
    protected boolean isApi(Class<?> type) {
        return type.getClassLoader() == loader && visible(type);
    }

    @Override
    protected synchronized Long peerId(Object value) {
        return proxyIds.get(value);
    }

    @Override
    protected Exports exports() {
        return exported;
    }

    /** The API class nearest the object's class, then every API or callback interface it implements. */
    @Override
    protected List<String> referenceTypes(Object value) {
        Class<?> type = value.getClass();
        List<String> types = new ArrayList<>();
        for (Class<?> c = type; c != null && types.isEmpty(); c = c.getSuperclass()) {
            if (isApi(c)) {
                types.add(c.getName());
            }
        }
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            interfaces.addAll(Arrays.asList(c.getInterfaces()));
        }
        for (Class<?> i : interfaces) {
            if (isApi(i) || JdkTypes.isCallback(i.getName())) {
                types.add(i.getName());
            }
        }
        return types;
    }

    @Override
    protected Object ownObject(long id) {
        return exported.get(id);
    }

    /** The id the tests know `value` by: a new object of the solution's, handed to the stand-in that made it. */
    long idOf(Object value) {
        return exported.idOf(value);
    }

    @Override
    protected synchronized Object peerObject(long id, List<String> types) {
        Object known = proxies.get(id);
        if (known != null) {
            return known;
        }
        List<Class<?>> interfaces = new ArrayList<>();
        for (String name : types) {
            Class<?> type = apiClass(name);
            if (type == null && JdkTypes.isCallback(name)) {
                try {
                    type = Class.forName(name, false, null);
                } catch (ClassNotFoundException unknown) {
                    type = null;
                }
            }
            if (type != null && type.isInterface()) {
                interfaces.add(type);
            }
        }
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("an object of the tests that implements none of the solution's interfaces");
        }
        Object proxy = Proxy.newProxyInstance(loader, interfaces.toArray(Class<?>[]::new), callBack());
        proxies.put(id, proxy);
        proxyIds.put(proxy, id);
        return proxy;
    }

    /** What a proxy of a test's object does: its own identity for Object's methods, every other call crosses. */
    private InvocationHandler callBack() {
        return (proxy, method, args) -> {
            Object[] values = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == values[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "a test's " + method.getDeclaringClass().getSimpleName();
                };
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, values);
            }
            return endpoint.call("call", method.getDeclaringClass().getName(), method.getName(),
                    Methods.erased(method), proxy, Arrays.asList(values));
        };
    }

    @Override
    protected Throwable rebuildThrowable(String type, String message, String detail) {
        Class<?> api = apiClass(type);
        if (api != null && Throwable.class.isAssignableFrom(api)) {
            Throwable rebuilt = instantiate(api);
            if (rebuilt != null) {
                Rethrown.setMessage(rebuilt, message);
                return rebuilt;
            }
        }
        try {
            if (JdkTypes.THROWABLES.contains(type)) {
                return (Throwable) Class.forName(type).getConstructor(String.class).newInstance(message);
            }
        } catch (ReflectiveOperationException impossible) {
            // Every listed class has that constructor.
        }
        return new RuntimeException(type + ": " + message);
    }

    /** The solution's exception built with any constructor that takes defaults, or null. */
    private static Throwable instantiate(Class<?> type) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Object[] defaults = Arrays.stream(constructor.getParameterTypes()).map(AgentCodec::defaultOf).toArray();
            try {
                constructor.setAccessible(true);
                return (Throwable) constructor.newInstance(defaults);
            } catch (ReflectiveOperationException | RuntimeException refused) {
                // Next constructor.
            }
        }
        return null;
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return type == String.class ? "" : null;
        }
        return switch (type.getName()) {
            case "boolean" -> false;
            case "char" -> '\0';
            case "byte" -> (byte) 0;
            case "short" -> (short) 0;
            case "int" -> 0;
            case "long" -> 0L;
            case "float" -> 0f;
            default -> 0d;
        };
    }

    @Override
    protected String[] describeThrowable(Throwable failure) {
        Class<?> type = failure.getClass();
        while (!isApi(type) && !JdkTypes.THROWABLES.contains(type.getName())) {
            type = type.getSuperclass();
        }
        return new String[] {type.getName(), SourceFrames.of(failure, compilation.sources)};
    }
}
