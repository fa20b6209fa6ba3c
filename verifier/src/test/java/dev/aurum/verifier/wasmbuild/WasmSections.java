package dev.aurum.verifier.wasmbuild;

import java.io.ByteArrayOutputStream;

/** The wasm binary's section ids and section framing, shared by the module rewriters (gas meter, pre-initialiser). */
final class WasmSections {

    /** Magic and version: the bytes before the first section. */
    static final int HEADER = 8;
    static final int TYPE = 1;
    static final int FUNCTION = 3;
    static final int MEMORY = 5;
    static final int GLOBAL = 6;
    static final int EXPORT = 7;
    static final int START = 8;
    static final int CODE = 10;
    static final int DATA = 11;
    static final int DATA_COUNT = 12;

    private WasmSections() {
    }

    /** Writes a section: its id, its length (LEB128) and its content. */
    static void write(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        Leb.writeU32(out, content.length);
        out.write(content, 0, content.length);
    }
}
