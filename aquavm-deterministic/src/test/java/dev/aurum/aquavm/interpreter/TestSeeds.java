package dev.aurum.aquavm.interpreter;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** Seeds of test peers: SHA-256 of the name, as {@code KeyPair.forTestName}. */
final class TestSeeds {

    private TestSeeds() {
    }

    static byte[] seed(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        SHA256Digest digest = new SHA256Digest();
        digest.update(utf8, 0, utf8.length);
        byte[] seed = new byte[32];
        digest.doFinal(seed, 0);
        return seed;
    }
}
