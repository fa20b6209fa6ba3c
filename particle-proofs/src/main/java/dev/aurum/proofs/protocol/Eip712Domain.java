package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The EIP-712 domain of one deployed golden-particle contract. chainId and verifyingContract are in every
 * digest, so a signature can never be replayed on another chain or against another contract.
 */
public record Eip712Domain(String name, String version, BigInteger chainId, EvmAddress verifyingContract) {
    public static final String NAME = "AurumGolden";
    public static final String VERSION = "1";
    static final Bytes32 TYPE_HASH = Keccak.keccak256Utf8(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    public Eip712Domain {
        Uint256.requireRange("chainId", chainId, 256);
    }

    /** The protocol's domain ({@value #NAME}, version {@value #VERSION}) on a chain and contract. */
    public static Eip712Domain golden(long chainId, EvmAddress contract) {
        return new Eip712Domain(NAME, VERSION, BigInteger.valueOf(chainId), contract);
    }

    public Bytes32 separator() {
        return new AbiWords(5)
                .word(TYPE_HASH)
                .word(Keccak.keccak256Utf8(name))
                .word(Keccak.keccak256Utf8(version))
                .uint(chainId)
                .address(verifyingContract)
                .keccak();
    }

    /** The digest that is signed: {@code keccak256(0x1901 ‖ domainSeparator ‖ structHash)}. */
    public Bytes32 digest(Bytes32 structHash) {
        return Keccak.keccak256(new byte[] {0x19, 0x01}, separator().toArrayUnsafe(), structHash.toArrayUnsafe());
    }
}
