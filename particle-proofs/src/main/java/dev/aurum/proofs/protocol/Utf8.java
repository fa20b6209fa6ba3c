package dev.aurum.proofs.protocol;

import java.nio.charset.StandardCharsets;

final class Utf8 {
    private Utf8() {}

    static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
