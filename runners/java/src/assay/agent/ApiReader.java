package assay.agent;

import assay.wire.Methods;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The solution's API as the tests' JVM builds its stand-ins from it: every class the tests can name, with
 * its kind, supertypes, record components, enum constants, constructors and methods. Plain data only; the
 * tests' JVM checks every name and type in it before it writes a line of Java from it. Reading it runs
 * none of the solution's code: no class is initialised.
 */
final class ApiReader {
    private ApiReader() {
    }

    static List<Map<String, Object>> read(AgentCodec codec, List<String> classes) {
        List<Map<String, Object>> api = new ArrayList<>();
        for (String name : classes) {
            Class<?> type = codec.apiClass(name);
            if (type != null) {
                api.add(describe(type));
            }
        }
        return api;
    }

    private static Map<String, Object> describe(Class<?> type) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("name", type.getName());
        described.put("kind", kind(type));
        described.put("public", Modifier.isPublic(type.getModifiers()));
        Class<?> superclass = type.getSuperclass();
        described.put("superclass", superclass == null || superclass == Object.class || type.isEnum() || type.isRecord()
                ? null : superclass.getName());
        List<String> interfaces = new ArrayList<>();
        for (Class<?> i : type.getInterfaces()) {
            interfaces.add(i.getName());
        }
        described.put("interfaces", interfaces);
        List<List<String>> components = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                components.add(List.of(component.getName(), typeName(component.getGenericType())));
            }
        }
        described.put("components", components);
        List<String> constants = new ArrayList<>();
        if (type.isEnum()) {
            for (Object constant : constantsOf(type)) {
                constants.add((String) constant);
            }
        }
        described.put("constants", constants);
        List<Map<String, Object>> constructors = new ArrayList<>();
        if (!type.isInterface() && !type.isEnum() && !type.isRecord()) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (!Modifier.isPrivate(constructor.getModifiers()) && !constructor.isSynthetic()) {
                    constructors.add(member(constructor, "<init>", "void", false));
                }
            }
        }
        described.put("constructors", constructors);
        List<Map<String, Object>> methods = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            int modifiers = method.getModifiers();
            if (!Modifier.isPrivate(modifiers) && !method.isSynthetic() && !method.isBridge()) {
                Map<String, Object> m = member(method, method.getName(), typeName(method.getGenericReturnType()),
                        Modifier.isStatic(modifiers));
                m.put("default", method.isDefault());
                methods.add(m);
            }
        }
        described.put("methods", methods);
        return described;
    }

    /** An enum's constant names, read from its fields: getEnumConstants() would initialise the class. */
    private static Object[] constantsOf(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredFields()).filter(java.lang.reflect.Field::isEnumConstant)
                .map(java.lang.reflect.Field::getName).toArray();
    }

    private static Map<String, Object> member(Executable member, String name, String returns, boolean isStatic) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("name", name);
        described.put("static", isStatic);
        described.put("public", Modifier.isPublic(member.getModifiers()));
        described.put("returns", returns);
        List<String> params = new ArrayList<>();
        Type[] generic = member.getGenericParameterTypes();
        Class<?>[] raw = member.getParameterTypes();
        for (int i = 0; i < raw.length; i++) {
            // An inner class's constructor has its outer instance first, absent from the generic types.
            params.add(typeName(generic.length == raw.length ? generic[i] : raw[i]));
        }
        described.put("params", params);
        described.put("erased", Methods.erased(member));
        List<String> exceptions = new ArrayList<>();
        for (Class<?> thrown : member.getExceptionTypes()) {
            exceptions.add(thrown.getName());
        }
        described.put("throws", exceptions);
        return described;
    }

    private static String kind(Class<?> type) {
        if (type.isInterface()) {
            return type.isAnnotation() ? "annotation" : "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (type.isRecord()) {
            return "record";
        }
        return Throwable.class.isAssignableFrom(type) ? "exception" : "class";
    }

    /** A type as Java source would name it, the solution's classes by binary name; a type variable is erased to Object. */
    static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return typeName(c.getComponentType()) + "[]";
            }
            return c.getName();
        }
        if (type instanceof ParameterizedType p) {
            StringBuilder name = new StringBuilder(typeName(p.getRawType())).append('<');
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < args.length; i++) {
                name.append(i == 0 ? "" : ",").append(typeName(args[i]));
            }
            return name.append('>').toString();
        }
        if (type instanceof GenericArrayType a) {
            return typeName(a.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + typeName(w.getLowerBounds()[0]);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + typeName(upper);
        }
        return "java.lang.Object";
    }
}
