package dev.aurum.proofs.cbor;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.CBORReadContext;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.Utf8;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Reads a schema-driven CBOR document with jackson's streaming {@link CBORParser}: the caller says
 * what it expects next (a map of n keys, a key named so, a bounded text, ...) and every surprise
 * becomes a {@link DecodeException} with the field path and byte offset. Containers must have
 * definite lengths within caller-given bounds, so a hostile length never drives a loop or an
 * allocation. Whether the input is the <em>canonical</em> encoding is checked by the caller,
 * which re-encodes what was read and compares bytes.
 */
public final class CanonicalCborReader implements AutoCloseable {

    private static final CBORFactory FACTORY = CBORFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(64 << 20)
                    .build())
            .build();

    private final String format;
    private final CBORParser parser;

    public CanonicalCborReader(String format, byte[] input, int maxInputLength) throws DecodeException {
        this.format = format;
        if (input.length > maxInputLength) {
            throw new DecodeException(format, "", 0,
                    "input is " + input.length + " bytes, more than the limit of " + maxInputLength);
        }
        try {
            this.parser = (CBORParser) FACTORY.createParser(input);
        } catch (IOException e) {
            throw new DecodeException(format, "", 0, "cannot open CBOR input: " + describe(e));
        }
    }

    /** Byte offset of the parser, for error messages. */
    public long offset() {
        return parser.currentLocation().getByteOffset();
    }

    public DecodeException error(String path, String problem) {
        return new DecodeException(format, path, offset(), problem);
    }

    private JsonToken next(String path) throws DecodeException {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw error(path, "unexpected end of input");
            }
            return token;
        } catch (IOException e) {
            throw error(path, "malformed CBOR: " + describe(e));
        } catch (RuntimeException e) {
            // defensive: a library bug must still surface as a typed decode error
            throw error(path, "malformed CBOR: " + e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JacksonException je) {
            return je.getOriginalMessage();
        }
        return String.valueOf(e.getMessage());
    }

    private void expect(JsonToken actual, JsonToken expected, String path, String what) throws DecodeException {
        if (actual != expected) {
            throw error(path, "expected " + what + ", found " + tokenName(actual));
        }
    }

    private static String tokenName(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "a map";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a text string";
            case VALUE_EMBEDDED_OBJECT -> "a byte string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a float";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case FIELD_NAME -> "a map key";
            case END_ARRAY -> "the end of an array";
            case END_OBJECT -> "the end of a map";
            default -> t.name();
        };
    }

    private int declaredLength(String path, int max, String what) throws DecodeException {
        CBORReadContext ctx = parser.getParsingContext();
        if (!ctx.hasExpectedLength()) {
            throw error(path, what + " of indefinite length (canonical CBOR needs definite lengths)");
        }
        int n = ctx.getExpectedLength();
        if (n < 0 || n > max) {
            throw error(path, what + " has " + n + " entries, more than the limit of " + max);
        }
        return n;
    }

    /** Opens a map that must have exactly {@code entries} keys. */
    public void startMap(String path, int entries) throws DecodeException {
        expect(next(path), JsonToken.START_OBJECT, path, "a map");
        int n = declaredLength(path, entries, "map");
        if (n != entries) {
            throw error(path, "map has " + n + " keys, expected " + entries);
        }
    }

    /** Opens a map of at most {@code max} entries and returns its size. */
    public int startMapUpTo(String path, int max) throws DecodeException {
        expect(next(path), JsonToken.START_OBJECT, path, "a map");
        return declaredLength(path, max, "map");
    }

    public void key(String path, String name) throws DecodeException {
        JsonToken t = next(path);
        expect(t, JsonToken.FIELD_NAME, path, "key \"" + name + "\"");
        String actual = currentText(path);
        if (!actual.equals(name)) {
            throw error(path, "expected key \"" + name + "\", found \"" + abbreviate(actual) + "\"");
        }
    }

    public void endMap(String path) throws DecodeException {
        expect(next(path), JsonToken.END_OBJECT, path, "the end of the map");
    }

    /** Opens an array of at most {@code max} elements and returns its length. */
    public int startArray(String path, int max) throws DecodeException {
        expect(next(path), JsonToken.START_ARRAY, path, "an array");
        return declaredLength(path, max, "array");
    }

    public void endArray(String path) throws DecodeException {
        expect(next(path), JsonToken.END_ARRAY, path, "the end of the array");
    }

    public String text(String path, int maxBytes) throws DecodeException {
        expect(next(path), JsonToken.VALUE_STRING, path, "a text string");
        String s = currentText(path);
        if (!wellFormed(s)) {
            throw error(path, "text is not valid UTF-8 (unpaired surrogate)");
        }
        int utf8Length = Utf8.encodedLength(s);
        if (utf8Length > maxBytes) {
            throw error(path, "text of " + utf8Length + " bytes, more than the limit of " + maxBytes);
        }
        return s;
    }

    public byte[] bytes(String path, int maxBytes) throws DecodeException {
        expect(next(path), JsonToken.VALUE_EMBEDDED_OBJECT, path, "a byte string");
        try {
            byte[] b = parser.getBinaryValue();
            if (b.length > maxBytes) {
                throw error(path, "byte string of " + b.length + " bytes, more than the limit of " + maxBytes);
            }
            return b;
        } catch (IOException e) {
            throw error(path, "malformed byte string: " + describe(e));
        } catch (RuntimeException e) {
            throw error(path, "malformed byte string: " + e);
        }
    }

    /** Reads an integer and checks {@code min <= value <= max}. */
    public long integer(String path, long min, long max) throws DecodeException {
        expect(next(path), JsonToken.VALUE_NUMBER_INT, path, "an integer");
        return checkedInteger(path, min, max);
    }

    private long checkedInteger(String path, long min, long max) throws DecodeException {
        try {
            BigInteger v = parser.getBigIntegerValue();
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                throw error(path, "integer " + v + " out of range [" + min + ", " + max + "]");
            }
            return v.longValue();
        } catch (IOException e) {
            throw error(path, "malformed integer: " + describe(e));
        }
    }

    /** Reads an integer in {@code [min, max]} or null, which gives {@code ifNull}. */
    public long nullableInteger(String path, long min, long max, long ifNull) throws DecodeException {
        JsonToken t = next(path);
        if (t == JsonToken.VALUE_NULL) {
            return ifNull;
        }
        expect(t, JsonToken.VALUE_NUMBER_INT, path, "an integer or null");
        return checkedInteger(path, min, max);
    }

    public boolean bool(String path) throws DecodeException {
        JsonToken t = next(path);
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw error(path, "expected a boolean, found " + tokenName(t));
    }

    /** Checks that the document ended: no trailing bytes after the top-level value. */
    public void end() throws DecodeException {
        JsonToken extra;
        try {
            extra = parser.nextToken();
        } catch (IOException | RuntimeException e) {
            extra = JsonToken.NOT_AVAILABLE;
        }
        if (extra != null) {
            throw error("", "trailing bytes after the document");
        }
    }

    private String currentText(String path) throws DecodeException {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw error(path, "malformed text: " + describe(e));
        } catch (RuntimeException e) {
            throw error(path, "malformed text: " + e);
        }
    }

    /** jackson decodes some invalid UTF-8 into lone surrogates; such text has no UTF-8 encoding. */
    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // in-memory input: nothing to release
        }
    }

}
