package dev.aurum.proofs.golden;

import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.HopChain;
import dev.aurum.proofs.trace.SignedTrace;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The two per-hop commitments a {@code HopReceipt} carries, computed from the signed trace so that a
 * verifier recomputes them from the same bytes (docs/formats.md, "Proof bundle").
 *
 * <ul>
 *   <li>{@code dataCommitment = keccak256(data the hop ended with)} (the last invoke round's data);</li>
 *   <li>{@code cidsHash = keccak256("aurum/receipt/hop-record/v1" ‖ recordHash)}, where {@code recordHash} is
 *       the SHA-256 of the Ed25519-signed hop record. The record covers every round's data, and that data
 *       carries the peer's signed CIDs, so the receipt binds them through the signed record instead of
 *       re-parsing InterpreterData here.</li>
 * </ul>
 */
public final class HopCommitments {
    static final byte[] RECORD_TAG = "aurum/receipt/hop-record/v1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private HopCommitments() {
    }

    public static Bytes32 dataCommitment(SignedTrace trace, Hop hop) {
        return Keccak.keccak256(trace.blob(hop.outData()));
    }

    public static Bytes32 cidsHash(Hop hop) {
        return Keccak.keccak256(RECORD_TAG, HopChain.recordHash(hop).bytes());
    }
}
