package dev.aurum.verifier.wasmbuild;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

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

    /** A section of a module: its id, where it starts (its id byte), and where its content starts and ends. */
    record Section(int id, int at, int start, int end) {
    }

    /** The module's sections in order; a section running past the end of the module is an error. */
    static List<Section> read(byte[] in) {
        List<Section> sections = new ArrayList<>();
        int pos = HEADER;
        while (pos < in.length) {
            int id = in[pos] & 0xFF;
            int[] p = {pos + 1};
            int size = Leb.readU32(in, p);
            int start = p[0];
            int end = start + size;
            if (end > in.length || end < start) {
                throw new IllegalArgumentException("section " + id + " at byte offset " + pos + " overruns the module");
            }
            sections.add(new Section(id, pos, start, end));
            pos = end;
        }
        return sections;
    }

    /** Writes a section: its id, its length (LEB128) and its content. */
    static void write(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        Leb.writeU32(out, content.length);
        out.write(content, 0, content.length);
    }
}
