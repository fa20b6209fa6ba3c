package dev.aurum.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Regenerates every vector set and byte-compares it with the committed set. The committed set is read
 * from the classpath ({@code /vectors/...}, what the jar ships) or from a directory. Besides the sets'
 * files it regenerates {@value #INDEX}, a {@code sha256sum}-style list of every file, so a committed
 * file that no generator writes any more is found too.
 */
public final class Reproducer {

    public static final String INDEX = "SHA256SUMS";
    static final String CLASSPATH_ROOT = "/vectors/";

    public enum Status { IDENTICAL, DIFFERENT, MISSING }

    /** One file's verdict; {@code detail} says where it differs. */
    public record FileResult(String set, String path, Status status, String detail) {
    }

    public record Report(List<FileResult> files) {
        public Report {
            files = List.copyOf(files);
        }

        public boolean allIdentical() {
            for (FileResult f : files) {
                if (f.status() != Status.IDENTICAL) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Where the committed vectors are read from. */
    public interface Committed {
        /** The committed bytes of {@code path}, or null if there is no such file. */
        byte[] read(String path);

        static Committed classpath() {
            return path -> {
                try (InputStream in = Reproducer.class.getResourceAsStream(CLASSPATH_ROOT + path)) {
                    return in == null ? null : in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }

        static Committed directory(Path root) {
            return path -> {
                Path p = root.resolve(path);
                try {
                    return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
    }

    private Reproducer() {
    }

    /** Every set's files plus, if {@code withIndex}, the index over them, by path. */
    public static SortedMap<String, byte[]> generateAll(VectorContext context, List<VectorSet> sets, boolean withIndex,
                                                        SortedMap<String, String> setOfPath) {
        TreeMap<String, byte[]> all = new TreeMap<>();
        for (VectorSet set : sets) {
            for (var e : set.generate(context).entrySet()) {
                if (all.put(e.getKey(), e.getValue()) != null) {
                    throw new IllegalStateException("two vector sets write " + e.getKey());
                }
                setOfPath.put(e.getKey(), set.name());
            }
        }
        if (!withIndex) {
            return all;
        }
        StringBuilder index = new StringBuilder();
        for (var e : all.entrySet()) {
            index.append(HexText.of(sha256(e.getValue()))).append("  ").append(e.getKey()).append('\n');
        }
        all.put(INDEX, index.toString().getBytes(StandardCharsets.UTF_8));
        setOfPath.put(INDEX, "index");
        return all;
    }

    /**
     * Regenerates every set, writes the files under {@code out} if it is not null, and compares each
     * with {@code committed}, the index included.
     */
    public static Report reproduce(VectorContext context, List<VectorSet> sets, Committed committed, Path out) {
        return reproduce(context, sets, true, committed, out);
    }

    /** As above; a subset of the sets is compared without the index (which covers every set). */
    public static Report reproduce(VectorContext context, List<VectorSet> sets, boolean withIndex, Committed committed,
                                   Path out) {
        TreeMap<String, String> setOfPath = new TreeMap<>();
        SortedMap<String, byte[]> generated = generateAll(context, sets, withIndex, setOfPath);
        List<FileResult> results = new ArrayList<>();
        for (var e : generated.entrySet()) {
            if (out != null) {
                write(out.resolve(e.getKey()), e.getValue());
            }
            byte[] old = committed.read(e.getKey());
            String set = setOfPath.get(e.getKey());
            if (old == null) {
                results.add(new FileResult(set, e.getKey(), Status.MISSING, "not in the committed set"));
            } else if (Arrays.equals(old, e.getValue())) {
                results.add(new FileResult(set, e.getKey(), Status.IDENTICAL, ""));
            } else {
                results.add(new FileResult(set, e.getKey(), Status.DIFFERENT, firstDifference(old, e.getValue())));
            }
        }
        return new Report(results);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "line N, column C (byte B)" of the first differing byte, or which file is longer. */
    static String firstDifference(byte[] committed, byte[] regenerated) {
        int n = Math.min(committed.length, regenerated.length);
        int line = 1;
        int column = 1;
        for (int i = 0; i < n; i++) {
            if (committed[i] != regenerated[i]) {
                return "first difference at line " + line + ", column " + column + " (byte " + i + ")";
            }
            if (committed[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return committed.length < regenerated.length
                ? "the committed file is a prefix: regenerated has " + (regenerated.length - n) + " more bytes"
                : "the regenerated file is a prefix: committed has " + (committed.length - n) + " more bytes";
    }

    static byte[] sha256(byte[] in) {
        org.bouncycastle.crypto.digests.SHA256Digest d = new org.bouncycastle.crypto.digests.SHA256Digest();
        d.update(in, 0, in.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
