package dev.aurum.aquavm.sede;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.Objects;

/**
 * A semantic version as the Rust {@code semver} crate (1.x) parses and orders it: {@code MAJOR.MINOR.PATCH}
 * without leading zeros, optional {@code -pre.release} and {@code +build} identifiers. Ordering: major,
 * minor, patch; a version without pre-release sorts after one with it; pre-release identifiers compare
 * numerically when both are numeric, numeric before alphanumeric, a shorter list first; finally build
 * metadata (empty first, then identifier by identifier), which the semver crate includes to make its
 * order total.
 */
public record SemVer(long major, long minor, long patch, String preRelease, String build) implements Comparable<SemVer> {

    /** AquaVM rejects current data whose interpreter_version is below this (air 0.61.0). */
    public static final SemVer MIN_SUPPORTED_INTERPRETER = new SemVer(0, 61, 0, "", "");

    public SemVer {
        Objects.requireNonNull(preRelease, "preRelease");
        Objects.requireNonNull(build, "build");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers are unsigned");
        }
    }

    public static SemVer parse(String text) throws DecodeException {
        int plus = text.indexOf('+');
        String build = plus >= 0 ? text.substring(plus + 1) : "";
        String rest = plus >= 0 ? text.substring(0, plus) : text;
        int dash = rest.indexOf('-');
        String pre = dash >= 0 ? rest.substring(dash + 1) : "";
        String core = dash >= 0 ? rest.substring(0, dash) : rest;
        String[] parts = splitDots(core);
        if (parts.length != 3) {
            throw bad(text, "expected MAJOR.MINOR.PATCH");
        }
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            numbers[i] = number(parts[i], text);
        }
        if (dash >= 0) {
            checkIdentifiers(pre, text, true);
        }
        if (plus >= 0) {
            checkIdentifiers(build, text, false);
        }
        return new SemVer(numbers[0], numbers[1], numbers[2], pre, build);
    }

    private static long number(String s, String text) throws DecodeException {
        if (s.isEmpty() || !allDigits(s)) {
            throw bad(text, "version numbers must be decimal digits");
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            throw bad(text, "version numbers must not have leading zeros");
        }
        if (s.length() > 18) {
            throw bad(text, "version number too large");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static void checkIdentifiers(String ids, String text, boolean preRelease) throws DecodeException {
        for (String id : splitDots(ids)) {
            if (id.isEmpty()) {
                throw bad(text, "empty identifier");
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                    throw bad(text, "identifiers allow only ASCII alphanumerics and '-'");
                }
            }
            if (preRelease && id.length() > 1 && id.charAt(0) == '0' && allDigits(id)) {
                throw bad(text, "numeric pre-release identifiers must not have leading zeros");
            }
        }
    }

    private static DecodeException bad(String text, String problem) {
        return new DecodeException("semver", "", 0, problem + ": \"" + text + "\"");
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c == 0) {
            c = comparePre(preRelease, o.preRelease);
        }
        if (c == 0) {
            c = compareBuild(build, o.build);
        }
        return c;
    }

    private static int comparePre(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty() ? 0 : (a.isEmpty() ? 1 : -1);
        }
        return compareIdentifiers(a, b);
    }

    private static int compareBuild(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty() ? 0 : (a.isEmpty() ? -1 : 1);
        }
        return compareIdentifiers(a, b);
    }

    private static int compareIdentifiers(String a, String b) {
        String[] x = splitDots(a);
        String[] y = splitDots(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = allDigits(x[i]);
            boolean yn = allDigits(y[i]);
            int c;
            if (xn && yn) {
                String xs = stripZeros(x[i]);
                String ys = stripZeros(y[i]);
                c = xs.length() != ys.length() ? Integer.compare(xs.length(), ys.length()) : xs.compareTo(ys);
                if (c == 0) {
                    c = x[i].compareTo(y[i]);
                }
            } else if (xn != yn) {
                c = xn ? -1 : 1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** Splits on '.', keeping empty parts (no regex: the portable core avoids java.util.regex). */
    private static String[] splitDots(String s) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return parts.toArray(new String[0]);
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!preRelease.isEmpty()) {
            sb.append('-').append(preRelease);
        }
        if (!build.isEmpty()) {
            sb.append('+').append(build);
        }
        return sb.toString();
    }
}
