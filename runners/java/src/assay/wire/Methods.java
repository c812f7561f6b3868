package assay.wire;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Finds the method a call names (declaring type, name, erased parameter types) and runs it. */
public final class Methods {
    private Methods() {
    }

    public static List<String> erased(Executable member) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : member.getParameterTypes()) {
            names.add(type.getName());
        }
        return names;
    }

    /** `name` of `type` or its supertypes with exactly the parameters `erased`, or NoSuchMethodException. */
    public static Method find(Class<?> type, String name, List<?> erased) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method found = declared(c, name, erased);
            if (found != null) {
                return found;
            }
        }
        List<Class<?>> interfaces = new ArrayList<>(List.of(type.getInterfaces()));
        for (int i = 0; i < interfaces.size(); i++) {
            Method found = declared(interfaces.get(i), name, erased);
            if (found != null) {
                return found;
            }
            interfaces.addAll(List.of(interfaces.get(i).getInterfaces()));
        }
        throw new NoSuchMethodException(type.getName() + "." + name + erased);
    }

    private static Method declared(Class<?> type, String name, List<?> erased) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && !method.isSynthetic() && erased(method).equals(erased)) {
                return method;
            }
        }
        return null;
    }

    public static Constructor<?> constructor(Class<?> type, List<?> erased) throws NoSuchMethodException {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (erased(constructor).equals(erased)) {
                return constructor;
            }
        }
        throw new NoSuchMethodException(type.getName() + ".<init>" + erased);
    }

    /** Runs `method`, throwing what it threw as itself. */
    public static Object invoke(Method method, Object target, Object[] args) {
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException thrown) {
            throw Codec.sneaky(thrown.getCause());
        } catch (IllegalAccessException | IllegalArgumentException mismatch) {
            throw new IllegalArgumentException("a call that does not fit " + method + ": " + mismatch.getMessage());
        }
    }

    public static Object construct(Constructor<?> constructor, Object[] args) {
        try {
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException thrown) {
            throw Codec.sneaky(thrown.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException mismatch) {
            throw new IllegalArgumentException("a call that does not fit " + constructor + ": " + mismatch.getMessage());
        }
    }
}
