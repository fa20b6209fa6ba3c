package dev.aurum.proofs.protocol;

import org.apache.tuweni.bytes.Bytes32;

/** Binds an AquaVM Ed25519 PeerId key to a receipt key and a payee; signed by both keys at registration. */
public record PeerBinding(PeerPublicKey peerKey, EvmAddress receiptKey, EvmAddress payee) {
    public static final String TYPE = "PeerBinding(bytes32 peerKey,address receiptKey,address payee)";
    static final Bytes32 TYPE_HASH = Keccak.keccak256Utf8(TYPE);

    public Bytes32 hash() {
        return new AbiWords(4).word(TYPE_HASH).word(peerKey.bytes32()).address(receiptKey).address(payee).keccak();
    }
}
