package dev.aurum.proofs.particle;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.ParticleSignature;
import dev.aurum.aquavm.crypto.PeerId;
import dev.aurum.aquavm.crypto.Signature;

/** Creates and checks the nox header signature of a particle (byte layout in {@link ParticleSignature}). */
public final class ParticleSigning {

    private ParticleSigning() {
    }

    /** A header signed by {@code initPeer}; its {@code initPeerId} is the key's PeerId. */
    public static ParticleHeader sign(KeyPair initPeer, String id, long timestamp, long ttl, String script) {
        ParticleHeader unsigned = new ParticleHeader(id, initPeer.peerId().toString(), timestamp, ttl, script, null);
        Signature s = ParticleSignature.sign(initPeer, id, timestamp, (int) ttl, script);
        return unsigned.withSignature(s.toRawBytes());
    }

    /** Why a header signature is not valid. */
    public enum Problem { NONE, BAD_INIT_PEER_ID, MALFORMED_SIGNATURE, SIGNATURE_MISMATCH }

    /** Checks the header signature against the key inlined in {@code initPeerId}. */
    public static Problem check(ParticleHeader header) {
        PeerId initPeer;
        try {
            initPeer = PeerId.parse(header.initPeerId());
        } catch (DecodeException e) {
            return Problem.BAD_INIT_PEER_ID;
        }
        return check(header, initPeer);
    }

    /** Checks the header signature against {@code initPeer}, already parsed from {@code header.initPeerId()}. */
    public static Problem check(ParticleHeader header, PeerId initPeer) {
        if (!initPeer.toString().equals(header.initPeerId())) {
            throw new IllegalArgumentException("initPeer is not the header's init peer id");
        }
        Signature sig;
        try {
            sig = Signature.fromRawBytes(header.signature());
        } catch (DecodeException e) {
            return Problem.MALFORMED_SIGNATURE;
        }
        boolean ok = ParticleSignature.verify(initPeer, sig, header.id(), header.timestamp(), (int) header.ttl(),
                header.script());
        return ok ? Problem.NONE : Problem.SIGNATURE_MISMATCH;
    }
}
