package dev.aurum.proofs.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/** ReceiptKey's own ECDSA: the same (r, low s) as BouncyCastle's RFC 6979 signer, and a v that recovers the key. */
class ReceiptKeySigningTest {

    @Test
    void matchesBouncyCastleAndRecoversTheSignerOverSeededDigests() {
        Random random = new Random(20261121L);
        for (int i = 0; i < 200; i++) {
            ReceiptKey key = ReceiptKey.deriveForTesting("signing-test/" + (i % 7));
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            Bytes32 digest = Bytes32.wrap(bytes);

            EcdsaSignature sig = key.sign(digest);

            ECDSASigner reference = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            reference.init(true, new ECPrivateKeyParameters(Uint256.fromWord(key.secret()), Secp256k1.DOMAIN));
            BigInteger[] rs = reference.generateSignature(digest.toArray());
            BigInteger lowS = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
            assertEquals(rs[0], sig.r(), "r, digest " + digest);
            assertEquals(lowS, sig.s(), "s, digest " + digest);
            assertTrue(sig.s().compareTo(Secp256k1.HALF_N) <= 0);
            assertEquals(key.address(), Secp256k1.recover(digest, sig), "v must recover the signer, digest " + digest);
        }
    }
}
