package dev.aurum.proofs.particle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.crypto.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ParticleSigningTest {

    /** nox's own test vector (research notes §8). */
    @Test
    void signsLikeNox() {
        KeyPair key = KeyPair.fromSeed(Base64.getDecoder().decode("7h48PQ/f1rS9TxacmgODxbD42Il9B3KC117jvOPppPE="));
        ParticleHeader h = ParticleSigning.sign(key, "2883f959-e9e7-4843-8c37-205d393ca372", 1696934545662L, 7000, "abc");
        assertEquals("12D3KooWANqfCDrV79MZdMnMqTvDdqSAPSxdgFY1L6DCq2DVGB4D", h.initPeerId());
        assertArrayEquals(Base64.getDecoder().decode(
                "KceXDnOfqe0dOnAxiDsyWBIvUq6WHoT0ge+VMHXOZsjZvCNH7/10oufdlYfcPomfv28On6E87ZhDcHGBZcb7Bw=="), h.signature());
        assertEquals(ParticleSigning.Problem.NONE, ParticleSigning.check(h));
    }

    @Test
    void detectsEveryTamperedField() {
        KeyPair key = KeyPair.forTestName("init");
        ParticleHeader h = ParticleSigning.sign(key, "id-1", 1000, 5000, "(null)");
        byte[] sig = h.signature();
        assertEquals(ParticleSigning.Problem.SIGNATURE_MISMATCH, ParticleSigning.check(
                new ParticleHeader("id-2", h.initPeerId(), 1000, 5000, "(null)", sig)));
        assertEquals(ParticleSigning.Problem.SIGNATURE_MISMATCH, ParticleSigning.check(
                new ParticleHeader("id-1", h.initPeerId(), 1001, 5000, "(null)", sig)));
        assertEquals(ParticleSigning.Problem.SIGNATURE_MISMATCH, ParticleSigning.check(
                new ParticleHeader("id-1", h.initPeerId(), 1000, 5001, "(null)", sig)));
        assertEquals(ParticleSigning.Problem.SIGNATURE_MISMATCH, ParticleSigning.check(
                new ParticleHeader("id-1", h.initPeerId(), 1000, 5000, "(never)", sig)));
        assertEquals(ParticleSigning.Problem.SIGNATURE_MISMATCH, ParticleSigning.check(
                new ParticleHeader("id-1", KeyPair.forTestName("other").peerId().toString(), 1000, 5000, "(null)", sig)));
        assertEquals(ParticleSigning.Problem.MALFORMED_SIGNATURE, ParticleSigning.check(h.withSignature(new byte[63])));
        assertEquals(ParticleSigning.Problem.BAD_INIT_PEER_ID, ParticleSigning.check(
                new ParticleHeader("id-1", "not-a-peer", 1000, 5000, "(null)", sig)));
    }

    @Test
    void expiryFollowsNox() {
        ParticleHeader h = new ParticleHeader("id", "p", 1000, 500, "(null)", null);
        assertEquals(false, h.isExpiredAt(1500));
        assertEquals(true, h.isExpiredAt(1501));
    }
}
