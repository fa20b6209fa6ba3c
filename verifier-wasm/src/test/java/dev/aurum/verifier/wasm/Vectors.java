package dev.aurum.verifier.wasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The committed vector files of test-vectors ({@code aurum vectors reproduce} regenerates them byte for
 * byte): every signed trace (honest per scenario, the whole attack corpus) and every proof bundle with
 * its expected verdict. The directory comes from the build ({@code aurum.vectors.dir}).
 */
final class Vectors {

    private Vectors() {
    }

    static Path root() {
        String dir = System.getProperty("aurum.vectors.dir");
        if (dir == null) {
            throw new IllegalStateException("aurum.vectors.dir is not set (verifier-wasm/pom.xml sets it for tests)");
        }
        return Path.of(dir);
    }

    /** "honest/NAME" and "attack/NAME" → trace bytes, sorted. */
    static SortedMap<String, byte[]> traces() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        read(root().resolve("traces/honest"), ".trace", "honest/", out);
        read(root().resolve("traces/attacks"), ".trace", "attack/", out);
        return out;
    }

    /** "honest/NAME", "tampered/NAME", "forged/NAME" → bundle bytes, sorted. */
    static SortedMap<String, byte[]> bundles() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (String kind : new String[] {"honest", "tampered", "forged"}) {
            read(root().resolve("bundles/" + kind), ".bundle", kind + "/", out);
        }
        return out;
    }

    /** The committed canonical verdict of bundle {@code name} (a key of {@link #bundles()}). */
    static byte[] bundleVerdict(String name) {
        try {
            return Files.readAllBytes(root().resolve("bundles/" + name + ".verdict.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** bundles/bundles.jsonl: per bundle its kind, field, the check that must refuse it, the registry. */
    static byte[] bundleIndex() {
        try {
            return Files.readAllBytes(root().resolve("bundles/bundles.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Path dir, String suffix, String prefix, SortedMap<String, byte[]> out) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(suffix)) {
                    out.put(prefix + name.substring(0, name.length() - suffix.length()), Files.readAllBytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
