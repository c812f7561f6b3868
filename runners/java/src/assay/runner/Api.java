package assay.runner;

import assay.wire.JdkTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The solution's API as its JVM described it, checked before any stand-in is written from it: every name
 * must be a Java identifier path, every type a primitive, a JDK type the boundary knows or a class of the
 * API. A member whose types fail is left out (a test that uses it does not compile); the rest is refused.
 */
final class Api {
    /** One member: a constructor (`<init>`) or a method. */
    record Member(String name, boolean isStatic, boolean isPublic, boolean isDefault, String returns,
            List<String> params, List<String> erased, List<String> exceptions) {
    }

    /** One class of the solution. */
    record Type(String name, String kind, boolean isPublic, String superclass, List<String> interfaces,
            List<String[]> components, List<String> constants, List<Member> constructors, List<Member> methods) {
        String simpleName() {
            return name.substring(Math.max(name.lastIndexOf('$'), name.lastIndexOf('.')) + 1);
        }

        String packageName() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(0, dot);
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BINARY_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)*[A-Za-z_][A-Za-z0-9_]*(\\$[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern TYPE_TOKEN = Pattern.compile("\\s*(\\? super |\\? extends |\\?|[A-Za-z0-9_$.]+|<|>|,|\\[\\])");
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double", "void");
    private static final Set<String> KINDS = Set.of("class", "interface", "record", "enum", "exception");
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
            "null", "non-sealed", "_");
    /** Contextual keywords: they may name a method, a field or a constant (`ledger.record(…)`), never a type. */
    private static final Set<String> TYPE_KEYWORDS = Set.of("var", "record", "yield", "sealed", "permits");

    /**
     * Packages a class of the solution may not stand in for: the JDK's, JUnit's and the runner's. (The tests'
     * class loader would find the real ones first anyway; this keeps the tests from compiling against others.)
     */
    private static final List<String> RESERVED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.",
            "org.opentest4j.", "org.apiguardian.", "assay.");

    final Map<String, Type> types = new LinkedHashMap<>();

    /** Reads the description; IllegalArgumentException for anything that does not fit it. */
    static Api read(Object description) {
        Api api = new Api();
        for (Object item : list(description)) {
            Map<?, ?> type = (Map<?, ?>) item;
            String name = name(type.get("name"));
            String kind = (String) type.get("kind");
            if (KINDS.contains(kind) && RESERVED.stream().noneMatch(name::startsWith)) {
                api.types.put(name, null);
            }
        }
        for (Object item : list(description)) {
            Map<?, ?> type = (Map<?, ?>) item;
            String name = name(type.get("name"));
            if (!api.types.containsKey(name)) {
                continue;
            }
            String superclass = type.get("superclass") == null ? null : name(type.get("superclass"));
            List<String> interfaces = new ArrayList<>();
            for (Object i : list(type.get("interfaces"))) {
                if (api.types.containsKey(name(i))) {
                    interfaces.add(name(i));
                }
            }
            List<String[]> components = new ArrayList<>();
            for (Object c : list(type.get("components"))) {
                List<?> pair = list(c);
                components.add(new String[] {identifier(pair.get(0)), api.source((String) pair.get(1))});
            }
            List<String> constants = new ArrayList<>();
            for (Object c : list(type.get("constants"))) {
                constants.add(identifier(c));
            }
            api.types.put(name, new Type(name, (String) type.get("kind"), Boolean.TRUE.equals(type.get("public")),
                    superclass, interfaces, components, constants, api.members(type.get("constructors")),
                    api.members(type.get("methods"))));
        }
        return api;
    }

    private List<Member> members(Object described) {
        List<Member> members = new ArrayList<>();
        for (Object item : list(described)) {
            Map<?, ?> m = (Map<?, ?>) item;
            String name = (String) m.get("name");
            if (!name.equals("<init>")) {
                identifier(name);
            }
            String returns = source((String) m.get("returns"));
            List<String> params = new ArrayList<>();
            boolean fits = returns != null;
            for (Object p : list(m.get("params"))) {
                String param = source((String) p);
                fits &= param != null;
                params.add(param);
            }
            List<String> erased = new ArrayList<>();
            for (Object e : list(m.get("erased"))) {
                erased.add(erasedName((String) e));
            }
            List<String> exceptions = new ArrayList<>();
            for (Object e : list(m.get("throws"))) {
                String thrown = source((String) e);
                fits &= thrown != null;
                exceptions.add(thrown);
            }
            if (fits && erased.size() == params.size()) {
                members.add(new Member(name, Boolean.TRUE.equals(m.get("static")), Boolean.TRUE.equals(m.get("public")),
                        Boolean.TRUE.equals(m.get("default")), returns, params, erased, exceptions));
            }
        }
        return members;
    }

    /** The source form of a described type, or null when it names a type the boundary cannot carry. */
    String source(String described) {
        StringBuilder out = new StringBuilder();
        Matcher token = TYPE_TOKEN.matcher(described);
        int at = 0;
        while (at < described.length()) {
            if (!token.find(at) || token.start() != at) {
                throw new IllegalArgumentException("a malformed type: " + described);
            }
            String t = token.group(1);
            at = token.end();
            if (t.matches("[A-Za-z0-9_$.]+")) {
                String name = typeName(t);
                if (name == null) {
                    return null;
                }
                out.append(name);
            } else {
                out.append(t);
            }
        }
        return out.toString();
    }

    private String typeName(String name) {
        if (PRIMITIVES.contains(name) || JdkTypes.known(name)) {
            return name;
        }
        return types.containsKey(name) ? sourceName(name) : null;
    }

    /** `pkg.Outer$Inner` as source names it: `pkg.Outer.Inner`. */
    static String sourceName(String binaryName) {
        return binaryName.replace('$', '.');
    }

    private static String erasedName(String name) {
        if (!name.matches("\\[*[A-Za-z0-9_$.;]+")) {
            throw new IllegalArgumentException("a malformed parameter type: " + name);
        }
        return name;
    }

    private static String name(Object value) {
        if (!(value instanceof String name) || !BINARY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a malformed class name: " + value);
        }
        for (String part : name.split("[.$]")) {
            if (TYPE_KEYWORDS.contains(identifier(part))) {
                throw new IllegalArgumentException("a malformed class name: " + value);
            }
        }
        return name;
    }

    private static String identifier(Object value) {
        if (!(value instanceof String name) || !IDENTIFIER.matcher(name).matches() || KEYWORDS.contains(name)) {
            throw new IllegalArgumentException("a malformed identifier: " + value);
        }
        return name;
    }

    private static List<?> list(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("a malformed API description");
        }
        return list;
    }
}
