package assay.runner;

import assay.wire.JdkTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Java source of a stand-in for every class of the solution's API, which the tests compile
 * against as if it were the solution: records and enums are the tests' own (their equals is Java's, never the
 * solution's); the solution's other classes forward every call to its JVM through Remote; its exceptions
 * are the tests' own classes with the message the solution gave.
 */
final class StubWriter {
    private static final String R = "assay.runner.Remote";

    private final Api api;
    private final StringBuilder out = new StringBuilder();

    private StubWriter(Api api) {
        this.api = api;
    }

    /** One file per top-level class under `dir`; returns the directory. */
    static Path write(Api api, Path dir) throws IOException {
        for (Api.Type type : api.types.values()) {
            if (type.name().contains("$")) {
                continue;
            }
            StubWriter writer = new StubWriter(api);
            if (!type.packageName().isEmpty()) {
                writer.out.append("package ").append(type.packageName()).append(";\n\n");
            }
            writer.type(type, false);
            Path file = dir.resolve(type.name().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, writer.out, StandardCharsets.UTF_8);
        }
        return dir;
    }

    private void type(Api.Type type, boolean nested) {
        String visibility = type.isPublic() ? "public " : "";
        String simple = type.simpleName();
        String interfaces = type.interfaces().isEmpty() ? ""
                : String.join(", ", type.interfaces().stream().map(Api::sourceName).toList());
        out.append("@SuppressWarnings({\"unchecked\", \"rawtypes\"})\n").append(visibility);
        switch (type.kind()) {
            case "interface" -> {
                out.append("interface ").append(simple).append(interfaces.isEmpty() ? "" : " extends " + interfaces).append(" {\n");
                for (Api.Member m : type.methods()) {
                    if (m.isStatic()) {
                        method(type, m, "static ", "null");
                    } else if (m.isDefault()) {
                        method(type, m, "default ", "this");
                    } else {
                        out.append("    ").append(signature(m)).append(";\n");
                    }
                }
                remoteImplementation(type);
            }
            case "record" -> {
                List<String> components = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (String[] c : type.components()) {
                    components.add(c[1] + " " + c[0]);
                    names.add(c[0]);
                }
                out.append("record ").append(simple).append('(').append(String.join(", ", components)).append(')')
                        .append(interfaces.isEmpty() ? "" : " implements " + interfaces).append(" {\n");
                // Built in the tests, a record is checked by the solution's own constructor (its validation).
                out.append("    public ").append(simple).append(" {\n        if (!assay.wire.Rebuilding.active()) ")
                        .append(R).append(".check(\"").append(type.name()).append("\", new Object[] {")
                        .append(String.join(", ", names)).append("});\n    }\n");
                for (Api.Member m : type.methods()) {
                    boolean accessor = m.params().isEmpty() && names.contains(m.name());
                    if (!accessor && !objectMethod(m)) {
                        method(type, m, m.isStatic() ? "static " : "", m.isStatic() ? "null" : "this");
                    }
                }
            }
            case "enum" -> {
                out.append("enum ").append(simple).append(interfaces.isEmpty() ? "" : " implements " + interfaces).append(" {\n    ")
                        .append(String.join(", ", type.constants())).append(";\n");
                for (Api.Member m : type.methods()) {
                    boolean generated = m.isStatic() && (m.name().equals("values") || m.name().equals("valueOf"));
                    if (!generated && !objectMethod(m)) {
                        method(type, m, m.isStatic() ? "static " : "", m.isStatic() ? "null" : "this");
                    }
                }
            }
            case "exception" -> exception(type, nested);
            default -> classStub(type, nested, interfaces);
        }
        for (Api.Type inner : api.types.values()) {
            if (inner.name().startsWith(type.name() + "$") && inner.name().indexOf('$', type.name().length() + 1) < 0) {
                type(inner, true);
            }
        }
        out.append("}\n");
    }

    private void classStub(Api.Type type, boolean nested, String interfaces) {
        String simple = type.simpleName();
        Api.Type parent = type.superclass() == null ? null : api.types.get(type.superclass());
        out.append(nested ? "static " : "").append("class ").append(simple)
                .append(parent == null || !parent.kind().equals("class") ? "" : " extends " + Api.sourceName(parent.name()))
                .append(interfaces.isEmpty() ? "" : " implements " + interfaces).append(" {\n");
        if (parent == null || !parent.kind().equals("class")) {
            out.append("    protected ").append(simple).append("(").append(R).append(".Ref ref) {\n        ")
                    .append(R).append(".register(ref, this);\n    }\n");
        } else {
            out.append("    protected ").append(simple).append("(").append(R).append(".Ref ref) {\n        super(ref);\n    }\n");
        }
        for (Api.Member c : type.constructors()) {
            out.append("    ").append(c.isPublic() ? "public " : "").append(simple).append(parameters(c)).append(throwsClause(c))
                    .append(" {\n        this(").append(R).append(".construct(\"").append(type.name()).append("\", ")
                    .append(erased(c)).append(", ").append(arguments(c)).append("));\n    }\n");
        }
        for (Api.Member m : type.methods()) {
            // equals and hashCode stay the stand-in's own identity: the solution's never decides an assertion.
            if (!(m.name().equals("equals") || m.name().equals("hashCode")) || !objectMethod(m)) {
                method(type, m, m.isStatic() ? "static " : "", m.isStatic() ? "null" : "this");
            }
        }
    }

    private void exception(Api.Type type, boolean nested) {
        String simple = type.simpleName();
        Api.Type parent = type.superclass() == null ? null : api.types.get(type.superclass());
        boolean apiParent = parent != null && parent.kind().equals("exception");
        String superclass = apiParent ? Api.sourceName(parent.name())
                : JdkTypes.THROWABLES.contains(type.superclass()) ? type.superclass() : "java.lang.RuntimeException";
        out.append(nested ? "static " : "").append("class ").append(simple).append(" extends ").append(superclass).append(" {\n");
        out.append("    protected ").append(simple).append("(").append(R).append(".Marker marker, String message) {\n        super(")
                .append(apiParent ? "marker, " : "").append("message);\n    }\n");
        for (Api.Member c : type.constructors()) {
            // The message is the one the solution's constructor makes of these arguments.
            out.append("    ").append(c.isPublic() ? "public " : "").append(simple).append(parameters(c))
                    .append(" {\n        this((").append(R).append(".Marker) null, ").append(R).append(".message(\"")
                    .append(type.name()).append("\", ").append(erased(c)).append(", ").append(arguments(c)).append("));\n    }\n");
        }
    }

    /** The nested class that stands for the solution's objects of this interface: every method forwards. */
    private void remoteImplementation(Api.Type type) {
        out.append("    final class Assay$Remote implements ").append(type.simpleName()).append(" {\n        Assay$Remote(")
                .append(R).append(".Ref ref) {\n            ").append(R).append(".register(ref, this);\n        }\n");
        Map<String, Api.Member> methods = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        collect(type, methods, owners);
        for (Map.Entry<String, Api.Member> entry : methods.entrySet()) {
            Api.Member m = entry.getValue();
            out.append("    ");
            forward(owners.get(entry.getKey()), m, "public ", "this");
        }
        out.append("    }\n");
    }

    private void collect(Api.Type type, Map<String, Api.Member> methods, Map<String, String> owners) {
        for (Api.Member m : type.methods()) {
            String key = m.name() + m.erased();
            if (!m.isStatic() && !methods.containsKey(key)) {
                methods.put(key, m);
                owners.put(key, type.name());
            }
        }
        for (String parent : type.interfaces()) {
            Api.Type p = api.types.get(parent);
            if (p != null) {
                collect(p, methods, owners);
            }
        }
    }

    private void method(Api.Type type, Api.Member m, String modifiers, String target) {
        String visibility = m.isPublic() && !type.kind().equals("interface") ? "public " : "";
        forward(type.name(), m, visibility + modifiers, target);
    }

    private void forward(String owner, Api.Member m, String modifiers, String target) {
        String call = R + ".call(" + target + ", \"" + owner + "\", \"" + m.name() + "\", " + erased(m) + ", " + arguments(m) + ")";
        out.append("    ").append(modifiers).append(signature(m)).append(" {\n        ")
                .append(m.returns().equals("void") ? call : "return (" + m.returns() + ") " + call).append(";\n    }\n");
    }

    private static boolean objectMethod(Api.Member m) {
        return !m.isStatic() && ((m.name().equals("equals") && m.erased().equals(List.of("java.lang.Object")))
                || (m.name().equals("hashCode") || m.name().equals("toString")) && m.params().isEmpty());
    }

    private static String signature(Api.Member m) {
        return m.returns() + " " + m.name() + parameters(m) + throwsClause(m);
    }

    private static String parameters(Api.Member m) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < m.params().size(); i++) {
            params.add(m.params().get(i) + " a" + i);
        }
        return "(" + String.join(", ", params) + ")";
    }

    private static String throwsClause(Api.Member m) {
        return m.exceptions().isEmpty() ? "" : " throws " + String.join(", ", m.exceptions());
    }

    private static String erased(Api.Member m) {
        List<String> quoted = m.erased().stream().map(e -> "\"" + e + "\"").toList();
        return "new String[] {" + String.join(", ", quoted) + "}";
    }

    private static String arguments(Api.Member m) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < m.params().size(); i++) {
            args.add("a" + i);
        }
        return "new Object[] {" + String.join(", ", args) + "}";
    }
}
