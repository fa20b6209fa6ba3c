package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/** secp256k1 curve constants and ecrecover, with BouncyCastle's lightweight EC math. */
public final class Secp256k1 {
    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    public static final BigInteger N = CURVE.getN();
    public static final BigInteger HALF_N = N.shiftRight(1);

    private Secp256k1() {}

    static byte[] uncompressedXy(ECPoint point) {
        byte[] encoded = point.normalize().getEncoded(false);
        byte[] xy = new byte[64];
        System.arraycopy(encoded, 1, xy, 0, 64);
        return xy;
    }

    /**
     * Recovers the signer's address of a digest like the EVM's ecrecover, or {@code null} when the
     * signature does not recover to a point (r or s out of range, r not an x coordinate).
     */
    public static EvmAddress recover(Bytes32 digest, EcdsaSignature signature) {
        ECPoint q = recoverPoint(digest, signature.r(), signature.s(), signature.v() - 27);
        return q == null ? null : EvmAddress.ofPublicKey(uncompressedXy(q));
    }

    static ECPoint recoverPoint(Bytes32 digest, BigInteger r, BigInteger s, int recoveryId) {
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return null;
        }
        if (recoveryId != 0 && recoveryId != 1) {
            return null;
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (recoveryId == 0 ? 0x02 : 0x03);
        System.arraycopy(Uint256.toWord(r).toArrayUnsafe(), 0, compressed, 1, 32);
        ECPoint bigR;
        try {
            bigR = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
        BigInteger e = new BigInteger(1, digest.toArrayUnsafe());
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR, u2).normalize();
        return q.isInfinity() ? null : q;
    }
}
