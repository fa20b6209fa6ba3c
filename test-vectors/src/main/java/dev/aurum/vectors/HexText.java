package dev.aurum.vectors;

import dev.aurum.aquavm.codec.DecodeException;
import org.bouncycastle.util.encoders.Hex;

/** Lower-case hex as the vector files use it (empty string = empty bytes). */
public final class HexText {

    private HexText() {
    }

    public static String of(byte[] bytes) {
        return Hex.toHexString(bytes);
    }

    /** Strict: even length, digits {@code 0-9a-f} only (upper case is rejected: the formats say lower case). */
    public static byte[] parse(String text, String format, String field) throws DecodeException {
        if ((text.length() & 1) != 0) {
            throw new DecodeException(format, field, -1, "hex text has odd length " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new DecodeException(format, field, -1,
                        "not lower-case hex: character " + (int) c + " at index " + i);
            }
        }
        return Hex.decodeStrict(text);
    }
}
