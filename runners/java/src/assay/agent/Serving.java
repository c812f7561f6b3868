package assay.agent;

import assay.common.OutputCapture;
import assay.wire.Methods;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Runs the calls the tests' stand-ins make: constructors, methods, record checks and the output drain. */
final class Serving {
    private final AgentCodec codec;
    private final OutputCapture output;

    Serving(AgentCodec codec, OutputCapture output) {
        this.codec = codec;
        this.output = output;
    }

    /** `request`: [op, type, member, erased parameter types, target, args]. */
    Object handle(List<?> request) throws Exception {
        String op = (String) request.get(0);
        if (op.equals("drain")) {
            return output.drain();
        }
        Class<?> type = codec.apiClass((String) request.get(1));
        if (type == null) {
            throw new IllegalArgumentException("not a class of the solution: " + request.get(1));
        }
        List<?> erased = (List<?>) request.get(3);
        Object[] args = ((List<?>) request.get(5)).toArray();
        return switch (op) {
            // A new object of the solution, as its reference's id: the stand-in that asked holds it.
            case "new" -> codec.idOf(Methods.construct(Methods.constructor(type, erased), args));
            // A record built in the tests, checked by the solution's own canonical constructor.
            case "check" -> {
                Class<?>[] types = new Class<?>[args.length];
                RecordComponent[] components = type.getRecordComponents();
                for (int i = 0; i < types.length; i++) {
                    types[i] = components[i].getType();
                }
                Methods.construct(type.getDeclaredConstructor(types), args);
                yield null;
            }
            // The message the solution's exception constructor gives.
            case "message" -> ((Throwable) Methods.construct(Methods.constructor(type, erased), args)).getMessage();
            case "call" -> {
                Method method = Methods.find(type, (String) request.get(2), erased);
                Object target = request.get(4);
                boolean isStatic = Modifier.isStatic(method.getModifiers());
                if (isStatic != (target == null) || (target != null && !method.getDeclaringClass().isInstance(target))) {
                    throw new IllegalArgumentException("a call of " + method + " on the wrong object");
                }
                yield Methods.invoke(method, target, args);
            }
            default -> throw new IllegalArgumentException("unknown call " + op);
        };
    }
}
