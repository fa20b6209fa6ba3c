package dev.aurum.verifier.wasm;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Captures a module's output stream up to a size; beyond it, bytes are dropped and the overflow noted. */
final class BoundedOutput extends OutputStream {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final int limit;
    private boolean overflowed;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) {
        if (buffer.size() < limit) {
            buffer.write(b);
        } else {
            overflowed = true;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int room = Math.min(len, limit - buffer.size());
        buffer.write(b, off, room);
        if (room < len) {
            overflowed = true;
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    byte[] bytes() {
        return buffer.toByteArray();
    }

    String text() {
        return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
    }
}
