package dev.aurum.proofs.protocol;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.aquavm.crypto.Signature;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Binds an AquaVM Ed25519 PeerId key (the core {@link PublicKey}) to a receipt key and a payee; signed by
 * both keys at registration. The Ed25519 signature is over the 32-byte EIP-712 digest of this struct.
 */
public record PeerBinding(PublicKey peerKey, EvmAddress receiptKey, EvmAddress payee) {
    public static final String TYPE = "PeerBinding(bytes32 peerKey,address receiptKey,address payee)";
    static final Bytes32 TYPE_HASH = Keccak.keccak256Utf8(TYPE);

    /** The binding of {@code identity}'s public key. */
    public static PeerBinding of(KeyPair identity, EvmAddress receiptKey, EvmAddress payee) {
        return new PeerBinding(identity.publicKey(), receiptKey, payee);
    }

    /** The peer key as the contract's {@code bytes32} (the raw RFC 8032 encoding). */
    public Bytes32 peerKeyWord() {
        return Bytes32.wrap(peerKey.toRawBytes());
    }

    public Bytes32 hash() {
        return new AbiWords(4).word(TYPE_HASH).word(peerKeyWord()).address(receiptKey).address(payee).keccak();
    }

    /** The identity's Ed25519 signature of this binding; refuses a key that is not the bound one. */
    public Signature sign(Eip712Domain domain, KeyPair identity) {
        if (!identity.publicKey().equals(peerKey)) {
            throw new IllegalArgumentException("binding is for another peer key");
        }
        return identity.sign(domain.digest(hash()).toArrayUnsafe());
    }

    /** RFC 8032 verification of {@code signature} over this binding's digest by the bound key. */
    public boolean verify(Eip712Domain domain, Signature signature) {
        return peerKey.verify(domain.digest(hash()).toArray(), signature);
    }

    /** Signature halves as the contract takes them ({@code bytes32 r, bytes32 s}). */
    public static Bytes32 signatureR(Signature signature) {
        return Bytes32.wrap(signature.toRawBytes(), 0);
    }

    public static Bytes32 signatureS(Signature signature) {
        return Bytes32.wrap(signature.toRawBytes(), 32);
    }

    /** A test or devnet identity: the Ed25519 seed is {@code keccak256(label)}. Not for real identities. */
    public static KeyPair identityForTesting(String label) {
        return KeyPair.fromSeed(Keccak.keccak256Utf8(label).toArray());
    }
}
