package assay.wire;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.lang.reflect.Field;

/**
 * A file descriptor the harness passed down, by number. /proc/self/fd cannot open a socket, nor a pipe
 * that root made for another user, so the descriptor is wrapped as it is (the JVM runs with java.io open).
 */
public final class Fds {
    private Fds() {
    }

    private static FileDescriptor of(int fd) {
        try {
            FileDescriptor descriptor = new FileDescriptor();
            Field field = FileDescriptor.class.getDeclaredField("fd");
            field.setAccessible(true);
            field.setInt(descriptor, fd);
            return descriptor;
        } catch (ReflectiveOperationException closed) {
            throw new IllegalStateException("java.io is not open to the runner", closed);
        }
    }

    public static FileInputStream input(int fd) {
        return new FileInputStream(of(fd));
    }

    public static FileOutputStream output(int fd) {
        return new FileOutputStream(of(fd));
    }
}
