package dev.aurum.verifier.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.verifier.CanonicalVerdict;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the Wasm module does with its input and arguments, on the JVM (same code). */
class VerificationRequestTest {

    private static final String REGISTRY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final Eip712Domain DOMAIN = Eip712Domain.golden(31337, EvmAddress.fromHex(REGISTRY));

    @Test
    void theFirstByteTellsABundleFromATrace() {
        assertTrue(VerificationRequest.isProofBundle(new byte[] {(byte) 0xA5, 0x61, 'v', 0x01}));
        assertFalse(VerificationRequest.isProofBundle(new byte[] {(byte) 0xA4}));
        assertFalse(VerificationRequest.isProofBundle(new byte[0]));
    }

    @Test
    void anythingButABundleGetsTheTraceVerdict() {
        byte[] garbage = "not a trace".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(CanonicalVerdict.of(garbage, 5L), VerificationRequest.verdict(garbage, 5L, null));
        assertArrayEquals(CanonicalVerdict.of(new byte[0], null), VerificationRequest.verdict(new byte[0], null, DOMAIN));
    }

    @Test
    void aBundleNeedsTheRegistryDomain() {
        byte[] bundleStart = {(byte) 0xA5, 0x61, 'v', 0x01};
        assertThrows(IllegalArgumentException.class, () -> VerificationRequest.verdict(bundleStart, null, null));
        String verdict = new String(VerificationRequest.verdict(bundleStart, null, DOMAIN), StandardCharsets.UTF_8);
        assertTrue(verdict.startsWith("{\"bundle_sha256\":\""), verdict);
        assertTrue(verdict.contains("\"kind\":\"proof_bundle\",\"problem\":{\"check\":\"Decode\",\"detail\":"), verdict);
        assertTrue(verdict.endsWith(",\"hop\":0},\"replay\":null,\"valid\":false}"), verdict);
    }

    @Test
    void domainArgumentsAreParsedStrictly() {
        Eip712Domain d = VerificationRequest.domain("31337", REGISTRY);
        assertEquals(DOMAIN, d);
        assertEquals(BigInteger.valueOf(31337), d.chainId());
        assertEquals(DOMAIN, VerificationRequest.domain("31337", REGISTRY.toUpperCase().replace("0X", "0x")));
        assertNull(VerificationRequest.domain("-1", REGISTRY));
        assertNull(VerificationRequest.domain("", REGISTRY));
        assertNull(VerificationRequest.domain("1234567890123456789", REGISTRY));
        assertNull(VerificationRequest.domain("1", REGISTRY.substring(2)));
        assertNull(VerificationRequest.domain("1", REGISTRY + "0"));
        assertNull(VerificationRequest.domain("1", REGISTRY.replace('f', 'g')));
    }
}
