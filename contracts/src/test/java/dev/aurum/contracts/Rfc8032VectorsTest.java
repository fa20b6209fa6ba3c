package dev.aurum.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.proofs.protocol.Hex;
import java.io.InputStream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/** The RFC 8032 vectors file used on-chain agrees with BouncyCastle's Ed25519 (sign and verify). */
class Rfc8032VectorsTest {
    static JsonNode vectors() throws Exception {
        try (InputStream in = Rfc8032VectorsTest.class.getClassLoader().getResourceAsStream("vectors/rfc8032-ed25519.json")) {
            return new ObjectMapper().readTree(in).get("vectors");
        }
    }

    @Test
    void bouncyCastleReproducesEveryVector() throws Exception {
        int count = 0;
        for (JsonNode v : vectors()) {
            byte[] sk = Hex.decode(v.get("secretKey").asText());
            byte[] pk = new byte[32];
            Ed25519.generatePublicKey(sk, 0, pk, 0);
            assertEquals(v.get("publicKey").asText(), Hex.encode(pk), v.get("name").asText());
            byte[] msg = Hex.decode(v.get("message").asText());
            byte[] sig = new byte[64];
            Ed25519.sign(sk, 0, msg, 0, msg.length, sig, 0);
            assertArrayEquals(Hex.decode(v.get("signature").asText()), sig, v.get("name").asText());
            assertTrue(Ed25519.verify(sig, 0, pk, 0, msg, 0, msg.length));
            count++;
        }
        assertEquals(5, count);
    }
}
