package dev.aurum.verifier.wasmbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Build step after TeaVM (run by exec-maven-plugin in the package phase): writes the pre-initialised
 * module ({@link Preinitializer}) and its gas-metered copy, the one that runs, next to
 * {@code aurum-verifier.wasm}, prints the three sha256s, and compares them with the
 * committed record {@code verifier/aurum-verifier.sha256}. A different hash fails the build: either the
 * build is no longer reproducible, or the verifier's code changed and the record must be updated on
 * purpose with {@code -Dwasm.hash.update=true}. The module is byte-reproducible (TeaVmBuild compiles it
 * in a JVM of its own), so the gate is strict.
 *
 * <p>Arguments: wasm directory, record file, update flag.
 */
public final class WasmArtifacts {

    public static final String MODULE = "aurum-verifier.wasm";
    public static final String PREINITIALIZED = "aurum-verifier-preinit.wasm";
    public static final String METERED = "aurum-verifier-metered.wasm";

    private WasmArtifacts() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path record = Path.of(args[1]);
        boolean update = Boolean.parseBoolean(args[2]);
        byte[] module = Files.readAllBytes(dir.resolve(MODULE));
        Preinitializer.Result preinit = Preinitializer.preinitialize(module);
        Files.write(dir.resolve(PREINITIALIZED), preinit.bytes());
        GasMeter.Result metered = GasMeter.instrument(preinit.bytes());
        Files.write(dir.resolve(METERED), metered.bytes());
        String actual = sha256(module) + "  " + MODULE + "\n" + sha256(preinit.bytes()) + "  " + PREINITIALIZED + "\n"
                + sha256(metered.bytes()) + "  " + METERED + "\n";
        Files.writeString(dir.resolve("aurum-verifier.sha256"), actual, StandardCharsets.UTF_8);
        System.out.println("[aurum] " + MODULE + " " + module.length + " bytes, sha256 " + sha256(module));
        System.out.println("[aurum] " + PREINITIALIZED + " " + preinit.bytes().length + " bytes, memory of "
                + preinit.pages() + " pages starting as a snapshot in " + preinit.segments() + " data segments ("
                + preinit.dataBytes() + " bytes), sha256 " + sha256(preinit.bytes()));
        System.out.println("[aurum] " + METERED + " " + metered.bytes().length + " bytes, " + metered.segments()
                + " counted segments, " + metered.flushes() + " flush points, " + metered.flatFunctions()
                + " flat functions counted at their call sites, sha256 " + sha256(metered.bytes()));
        String recorded = Files.exists(record) ? Files.readString(record, StandardCharsets.UTF_8) : "";
        if (recorded.equals(actual)) {
            System.out.println("[aurum] module hashes match " + record.getFileName());
            return;
        }
        if (update) {
            Files.writeString(record, actual, StandardCharsets.UTF_8);
            System.out.println("[aurum] recorded new module hashes in " + record);
            return;
        }
        throw new IllegalStateException("aurum-verifier.wasm differs from the hash recorded in " + record
                + "\n  recorded:\n" + indent(recorded) + "  built:\n" + indent(actual)
                + "The module is byte-reproducible, so either code compiled into it (verifier, particle-proofs, "
                + "aquavm-deterministic, their dependencies, the TeaVM or gas-meter build tools) changed, or "
                + "the build is no longer reproducible. If the change is intended, record the new hashes:\n"
                + "  mvn -B -o -pl verifier -am package -DskipTests -Dwasm.hash.update=true\n"
                + "and commit verifier/aurum-verifier.sha256 (verifier-wasm embeds it). Otherwise investigate: "
                + "docs/formats.md, \"Reproducible hash\".");
    }

    private static String indent(String s) {
        return s.isEmpty() ? "    (none)\n" : "    " + s.replace("\n", "\n    ").stripTrailing() + "\n";
    }

    static String sha256(byte[] bytes) {
        SHA256Digest d = new SHA256Digest();
        d.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        StringBuilder sb = new StringBuilder();
        for (byte b : out) {
            sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return sb.toString();
    }
}
