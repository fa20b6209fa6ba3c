package dev.aurum.aquavm.msgpack;

/** The MessagePack type families a marker byte announces. */
public enum MsgpackType {
    NIL("nil"), BOOLEAN("boolean"), INTEGER("integer"), FLOAT("float"), STRING("string"), BINARY("binary"),
    ARRAY("array"), MAP("map"), EXTENSION("extension");

    private final String label;

    MsgpackType(String label) {
        this.label = label;
    }

    /** Lower-case name for messages (no locale-dependent case mapping in the portable core). */
    public String label() {
        return label;
    }

    /** The type of a marker byte ({@code 0xc1}, never used, is reported as {@code null}). */
    static MsgpackType ofMarker(int m) {
        if (m <= 0x7f || m >= 0xe0) {
            return INTEGER;
        }
        if (m <= 0x8f) {
            return MAP;
        }
        if (m <= 0x9f) {
            return ARRAY;
        }
        if (m <= 0xbf) {
            return STRING;
        }
        switch (m) {
            case 0xc0: return NIL;
            case 0xc2: case 0xc3: return BOOLEAN;
            case 0xc4: case 0xc5: case 0xc6: return BINARY;
            case 0xc7: case 0xc8: case 0xc9: case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8: return EXTENSION;
            case 0xca: case 0xcb: return FLOAT;
            case 0xcc: case 0xcd: case 0xce: case 0xcf: case 0xd0: case 0xd1: case 0xd2: case 0xd3: return INTEGER;
            case 0xd9: case 0xda: case 0xdb: return STRING;
            case 0xdc: case 0xdd: return ARRAY;
            case 0xde: case 0xdf: return MAP;
            default: return null;
        }
    }
}
