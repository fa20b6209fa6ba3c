package dev.aurum.aquavm.crypto;

import dev.aurum.aquavm.codec.DecodeException;

/**
 * Base58 with the bitcoin alphabet (used for libp2p PeerIds, Fluence keys and signatures, and the
 * {@code z} multibase). Leading zero bytes map to leading {@code 1}s. Hand-written because the few
 * lines do not justify a dependency, and the quadratic conversion is bounded by {@link #MAX_TEXT_LENGTH}.
 */
public final class Base58 {

    /** Longer texts are rejected before decoding (the longest thing we decode is a ~90 char signature). */
    public static final int MAX_TEXT_LENGTH = 1024;

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEX = new int[128];

    static {
        java.util.Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEX[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        // Little-endian base-58 digits of the big-endian number in data.
        byte[] digits = new byte[data.length * 138 / 100 + 1];
        int used = 0;
        for (int i = zeros; i < data.length; i++) {
            int carry = data[i] & 0xff;
            for (int j = 0; j < used; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[used++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder sb = new StringBuilder(zeros + used);
        for (int i = 0; i < zeros; i++) {
            sb.append('1');
        }
        for (int i = used - 1; i >= 0; i--) {
            sb.append(ALPHABET.charAt(digits[i]));
        }
        return sb.toString();
    }

    public static byte[] decode(String text) throws DecodeException {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new DecodeException("base58", "", 0,
                    "text of " + text.length() + " characters exceeds the limit of " + MAX_TEXT_LENGTH);
        }
        int ones = 0;
        while (ones < text.length() && text.charAt(ones) == '1') {
            ones++;
        }
        byte[] bytes = new byte[text.length()]; // little-endian base-256 digits
        int used = 0;
        for (int i = ones; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c < 128 ? INDEX[c] : -1;
            if (value < 0) {
                throw new DecodeException("base58", "", i, "invalid base58 character '" + printable(c) + "'");
            }
            int carry = value;
            for (int j = 0; j < used; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[used++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[ones + used];
        for (int i = 0; i < used; i++) {
            out[ones + i] = bytes[used - 1 - i];
        }
        return out;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : "U+" + Integer.toHexString(c);
    }
}
