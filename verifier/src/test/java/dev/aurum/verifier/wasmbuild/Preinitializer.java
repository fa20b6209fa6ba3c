package dev.aurum.verifier.wasmbuild;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.MutabilityType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Wizer-style pre-initialisation at build time: runs the module's start function and its exported
 * {@value #PREINIT_EXPORT} (class initialisation, BouncyCastle's Ed25519 tables; {@code WasiMain}) once, in
 * Chicory's interpreter, then writes a module whose linear memory starts as that snapshot: the memory's
 * initial size is the snapshot's, the data section holds its non-zero bytes, the start section and the
 * {@value #PREINIT_EXPORT} export are gone. Every instance then starts from the initialised state, so a
 * verification no longer pays for start-up.
 *
 * <p>Why this is exact: TeaVM's WASI output keeps all its state (heap, class structures, statics, the
 * shadow stack pointer) in linear memory and declares no global, which is checked here (a mutable global
 * would need snapshotting too). The snapshot cannot depend on the host: every import is a function that
 * fails the build if called, so pre-initialisation sees no randomness, arguments or input, and the
 * interpreter is deterministic, so the output is a function of the input module only. The one exception
 * is WASI's {@code clock_time_get} (TeaVM's runtime reads the clock during start-up), answered with the
 * epoch, the fixed clock every {@code WasmVerifier} instance is given.
 *
 * <p>Written by hand because the tool for this, Wizer, is a Rust binary built on Wasmtime, not something
 * a Maven build of a Java project can run; its parsing and instantiation are Chicory's.
 */
public final class Preinitializer {

    /** The module's export that performs the deterministic start-up work to be snapshotted. */
    public static final String PREINIT_EXPORT = "aurum_preinit";

    private static final String CLOCK = "wasi_snapshot_preview1.clock_time_get";
    private static final int PAGE = 65536;
    /** Zero runs shorter than this stay inside a data segment (a segment header costs ~8 bytes). */
    private static final int MIN_GAP = 32;

    private Preinitializer() {
    }

    /** The pre-initialised module, its initial memory in pages, how many data segments and their bytes. */
    public record Result(byte[] bytes, int pages, int segments, long dataBytes) {
    }

    public static Result preinitialize(byte[] original) {
        WasmModule module = Parser.parse(original);
        for (int i = 0; i < module.globalSection().globalCount(); i++) {
            if (module.globalSection().getGlobal(i).mutabilityType() == MutabilityType.Var) {
                throw new IllegalArgumentException("global " + i + " is mutable: its value would need snapshotting");
            }
        }
        if (module.importSection().count(ExternalType.MEMORY) != 0 || module.memorySection().isEmpty()) {
            throw new IllegalArgumentException("the module must define its own memory");
        }
        boolean exported = false;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            exported |= module.exportSection().getExport(i).name().equals(PREINIT_EXPORT)
                    && module.exportSection().getExport(i).exportType() == ExternalType.FUNCTION;
        }
        if (!exported) {
            throw new IllegalArgumentException("the module exports no function " + PREINIT_EXPORT);
        }
        Instance instance = Instance.builder(module)
                .withImportValues(ImportValues.builder().addFunction(refusingImports(module)).build())
                .withStart(false) // the start section still runs; _start (main) does not
                .build();
        ExportFunction preinit = instance.export(PREINIT_EXPORT);
        preinit.apply();
        Memory memory = instance.memory();
        int pages = memory.pages();
        byte[] snapshot = memory.readBytes(0, pages * PAGE);
        List<int[]> segments = nonZeroRuns(snapshot);
        long dataBytes = 0;
        for (int[] s : segments) {
            dataBytes += s[1] - s[0];
        }
        return new Result(rewrite(original, snapshot, segments, pages), pages, segments.size(), dataBytes);
    }

    private static HostFunction[] refusingImports(WasmModule module) {
        List<HostFunction> functions = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            if (module.importSection().getImport(i) instanceof FunctionImport f) {
                String name = f.module() + "." + f.name();
                if (name.equals(CLOCK)) {
                    // the clock every host gives the module: fixed at the epoch (WasmVerifier), so the
                    // snapshot sees exactly what a verification would see
                    functions.add(new HostFunction(f.module(), f.name(), module.typeSection().getType(f.typeIndex()),
                            (inst, args) -> {
                                inst.memory().writeLong((int) args[2], 0L);
                                return new long[] {0};
                            }));
                    continue;
                }
                functions.add(new HostFunction(f.module(), f.name(), module.typeSection().getType(f.typeIndex()),
                        (inst, args) -> {
                            throw new IllegalStateException("pre-initialisation called the host function " + name
                                    + ": the snapshot would depend on the host");
                        }));
            }
        }
        return functions.toArray(new HostFunction[0]);
    }

    /** [start, end) of every stretch holding non-zero bytes, gaps under {@link #MIN_GAP} bridged. */
    static List<int[]> nonZeroRuns(byte[] memory) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < memory.length) {
            while (i < memory.length && memory[i] == 0) {
                i++;
            }
            if (i == memory.length) {
                break;
            }
            int start = i;
            int end = i;
            while (i < memory.length) {
                if (memory[i] != 0) {
                    end = ++i;
                } else if (i - end >= MIN_GAP) {
                    break;
                } else {
                    i++;
                }
            }
            runs.add(new int[] {start, end});
            i = end;
        }
        return runs;
    }

    private static byte[] rewrite(byte[] in, byte[] snapshot, List<int[]> segments, int pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + snapshot.length / 2);
        out.write(in, 0, WasmSections.HEADER);
        List<WasmSections.Section> sections = WasmSections.read(in);
        boolean hasDataSection = sections.stream().anyMatch(s -> s.id() == WasmSections.DATA);
        for (WasmSections.Section section : sections) {
            int id = section.id();
            int start = section.start();
            int end = section.end();
            switch (id) {
                case WasmSections.MEMORY -> WasmSections.write(out, id, memoryWithInitialPages(in, start, end, pages));
                case WasmSections.EXPORT -> WasmSections.write(out, id, exportsWithout(in, start, end, PREINIT_EXPORT));
                case WasmSections.START -> { } // ran at build time; its effect is in the snapshot
                case WasmSections.DATA -> WasmSections.write(out, id, dataSection(snapshot, segments));
                case WasmSections.DATA_COUNT -> {
                    ByteArrayOutputStream count = new ByteArrayOutputStream();
                    Leb.writeU32(count, segments.size());
                    WasmSections.write(out, id, count.toByteArray());
                }
                default -> out.write(in, section.at(), end - section.at());
            }
            if (id == WasmSections.CODE && !hasDataSection) {
                WasmSections.write(out, WasmSections.DATA, dataSection(snapshot, segments)); // the data section follows code
            }
        }
        return out.toByteArray();
    }

    private static byte[] memoryWithInitialPages(byte[] in, int start, int end, int pages) {
        int[] p = {start};
        if (Leb.readU32(in, p) != 1) {
            throw new IllegalArgumentException("expected exactly one memory");
        }
        int flags = in[p[0]++] & 0xFF;
        if (flags != 0 && flags != 1) {
            throw new IllegalArgumentException("memory limits flags 0x" + Integer.toHexString(flags) + " not supported");
        }
        Leb.readU32(in, p); // the old initial size
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Leb.writeU32(out, 1);
        out.write(flags);
        Leb.writeU32(out, pages);
        if (flags == 1) {
            int max = Leb.readU32(in, p);
            if (max < pages) {
                throw new IllegalStateException("pre-initialisation grew the memory past its maximum");
            }
            Leb.writeU32(out, max);
        }
        if (p[0] != end) {
            throw new IllegalArgumentException("memory section has trailing bytes");
        }
        return out.toByteArray();
    }

    private static byte[] exportsWithout(byte[] in, int start, int end, String name) {
        int[] p = {start};
        int count = Leb.readU32(in, p);
        ByteArrayOutputStream kept = new ByteArrayOutputStream(end - start);
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            int entryStart = p[0];
            int length = Leb.readU32(in, p);
            String exportName = new String(in, p[0], length, StandardCharsets.UTF_8);
            p[0] += length + 1; // name, kind
            Leb.readU32(in, p); // index
            if (!exportName.equals(name)) {
                kept.write(in, entryStart, p[0] - entryStart);
                keptCount++;
            }
        }
        if (keptCount != count - 1) {
            throw new IllegalArgumentException("the module does not export " + name + " exactly once");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(kept.size() + 5);
        Leb.writeU32(out, keptCount);
        out.write(kept.toByteArray(), 0, kept.size());
        return out.toByteArray();
    }

    /** Active segments into memory 0: flag 0, {@code i32.const offset end}, bytes. */
    private static byte[] dataSection(byte[] snapshot, List<int[]> segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(snapshot.length / 2);
        Leb.writeU32(out, segments.size());
        for (int[] s : segments) {
            out.write(0x00);
            out.write(0x41); // i32.const
            Leb.writeS64(out, s[0]);
            out.write(0x0B);
            Leb.writeU32(out, s[1] - s[0]);
            out.write(snapshot, s[0], s[1] - s[0]);
        }
        return out.toByteArray();
    }
}
