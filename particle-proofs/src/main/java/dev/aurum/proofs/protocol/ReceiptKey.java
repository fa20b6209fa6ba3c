package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 key that signs EIP-712 digests: a peer's receipt key, a client key or a verifier key.
 * Signatures are deterministic (RFC 6979), low-s, with the recovery id computed here.
 */
public final class ReceiptKey {
    private final BigInteger secret;
    private final EvmAddress address;

    private ReceiptKey(BigInteger secret) {
        if (secret.signum() <= 0 || secret.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("secp256k1 secret out of range");
        }
        this.secret = secret;
        ECPoint q = Secp256k1.CURVE.getG().multiply(secret);
        this.address = EvmAddress.ofPublicKey(Secp256k1.uncompressedXy(q));
    }

    public static ReceiptKey fromSecret(Bytes32 secret) {
        return new ReceiptKey(Uint256.fromWord(secret));
    }

    /** A test or devnet key derived from a label: {@code keccak256(label) mod (n−1) + 1}. Not for real funds. */
    public static ReceiptKey deriveForTesting(String label) {
        BigInteger k = Uint256.fromWord(Keccak.keccak256Utf8(label));
        return new ReceiptKey(k.mod(Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
    }

    public EvmAddress address() {
        return address;
    }

    /** The raw secret, for handing to a wallet library (web3j credentials); never log it. */
    public Bytes32 secret() {
        return Uint256.toWord(secret);
    }

    /** Signs an EIP-712 digest computed by {@link Eip712Domain#digest}. */
    public EcdsaSignature sign(Bytes32 digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(secret, Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest.toArray());
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
        for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
            ECPoint q = Secp256k1.recoverPoint(digest, r, s, recoveryId);
            if (q != null && EvmAddress.ofPublicKey(Secp256k1.uncompressedXy(q)).equals(address)) {
                return new EcdsaSignature(r, s, 27 + recoveryId);
            }
        }
        // Only when r ≥ p − n (probability ~2^-128): the EVM cannot express that signature.
        throw new IllegalStateException("signature has no EVM recovery id");
    }

    @Override
    public String toString() {
        return "ReceiptKey[" + address + "]";
    }
}
