package dev.aurum.proofs.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Builds Solidity {@code abi.encode} of static values: each value is one 32-byte big-endian word.
 * Only the static types the protocol uses are supported.
 */
final class AbiWords {
    private final byte[] buffer;
    private int words;

    AbiWords(int capacityWords) {
        buffer = new byte[capacityWords * 32];
    }

    AbiWords word(Bytes32 value) {
        System.arraycopy(value.toArrayUnsafe(), 0, buffer, words * 32, 32);
        words++;
        return this;
    }

    AbiWords address(EvmAddress address) {
        System.arraycopy(address.bytes(), 0, buffer, words * 32 + 12, 20);
        words++;
        return this;
    }

    AbiWords uint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative uint: " + value);
        }
        return uint(BigInteger.valueOf(value));
    }

    AbiWords uint(BigInteger value) {
        return word(Uint256.toWord(value));
    }

    AbiWords bool(boolean value) {
        return uint(value ? 1 : 0);
    }

    byte[] toBytes() {
        if (words * 32 != buffer.length) {
            throw new IllegalStateException("wrote " + words + " of " + buffer.length / 32 + " words");
        }
        return buffer;
    }

    Bytes32 keccak() {
        return Keccak.keccak256(toBytes());
    }
}
