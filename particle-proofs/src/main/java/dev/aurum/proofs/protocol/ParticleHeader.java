package dev.aurum.proofs.protocol;

import dev.aurum.aquavm.json.Utf8;
import org.apache.tuweni.bytes.Bytes32;

/** The nox particle header fields that a particle signature covers (aquavm-spec.md §8). */
public record ParticleHeader(String id, long timestampMs, long ttlMs, String script) {
    public ParticleHeader {
        if (id == null || script == null) {
            throw new IllegalArgumentException("id and script are required");
        }
        if (ttlMs < 0 || ttlMs > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ttl must be a u32: " + ttlMs);
        }
    }

    /** {@code id(utf8) ‖ timestamp u64 LE ‖ ttl u32 LE ‖ script(utf8)}, the bytes nox signs. */
    public byte[] signedBytes() {
        byte[] idBytes = Utf8.encode(id);
        byte[] scriptBytes = Utf8.encode(script);
        byte[] out = new byte[idBytes.length + 8 + 4 + scriptBytes.length];
        System.arraycopy(idBytes, 0, out, 0, idBytes.length);
        int at = idBytes.length;
        for (int i = 0; i < 8; i++) {
            out[at + i] = (byte) (timestampMs >>> (8 * i));
        }
        at += 8;
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (ttlMs >>> (8 * i));
        }
        System.arraycopy(scriptBytes, 0, out, at + 4, scriptBytes.length);
        return out;
    }

    /** The {@code particleHash} a ticket binds: keccak256 of {@link #signedBytes()}. */
    public Bytes32 particleHash() {
        return Keccak.keccak256(signedBytes());
    }
}
