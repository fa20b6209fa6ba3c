package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A secp256k1 key that signs EIP-712 digests: a peer's receipt key, a client key or a verifier key.
 * Signatures are deterministic (RFC 6979), low-s, with the recovery id computed here.
 */
public final class ReceiptKey {
    private static final FixedPointCombMultiplier BASE_POINT = new FixedPointCombMultiplier();
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

    /**
     * Signs an EIP-712 digest computed by {@link Eip712Domain#digest}: ECDSA with the RFC 6979 nonce (the
     * signature BouncyCastle's {@code ECDSASigner} gives), made low-s. Written out here because the recovery id
     * is the parity of the nonce point R, which that signer does not expose; recovering the public key
     * instead costs up to two more double multiplications per signature, and every hop signs a receipt.
     */
    public EcdsaSignature sign(Bytes32 digest) {
        BigInteger n = Secp256k1.N;
        BigInteger e = new BigInteger(1, digest.toArrayUnsafe()); // a 256-bit digest needs no truncation for n
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(n, secret, digest.toArray());
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint bigR = BASE_POINT.multiply(Secp256k1.CURVE.getG(), k).normalize();
            BigInteger x = bigR.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(n);
            BigInteger s = k.modInverse(n).multiply(e.add(secret.multiply(r))).mod(n);
            if (r.signum() == 0 || s.signum() == 0) {
                continue; // RFC 6979 §3.2 step h.3: take the next k
            }
            if (x.compareTo(n) >= 0) {
                // R.x ≥ n (probability ~2^-128): ecrecover cannot express R, the EVM cannot check the signature.
                throw new IllegalStateException("signature has no EVM recovery id");
            }
            int recoveryId = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
            if (s.compareTo(Secp256k1.HALF_N) > 0) {
                s = n.subtract(s); // (r, n − s) is the signature with −R: the other parity
                recoveryId ^= 1;
            }
            return new EcdsaSignature(r, s, 27 + recoveryId);
        }
    }

    @Override
    public String toString() {
        return "ReceiptKey[" + address + "]";
    }
}
