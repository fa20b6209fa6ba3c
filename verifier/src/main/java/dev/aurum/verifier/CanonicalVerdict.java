package dev.aurum.verifier;

import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.json.JsonWriter;

/**
 * The verdict on a signed trace as canonical bytes: the compact JSON of {@link ReportJson} for a
 * verification on the deterministic Java engine. The JVM and the Wasm build
 * ({@code aurum-verifier.wasm}) both produce exactly these bytes for the same trace and "now".
 */
public final class CanonicalVerdict {

    /** The argument that sets "now" in the Wasm module, e.g. {@code --now=1700000000000}. */
    public static final String NOW_ARGUMENT = "--now=";

    private CanonicalVerdict() {
    }

    /** Verifies {@code traceBytes} (the file as on disk); {@code now} null means the last hop's time. */
    public static byte[] of(byte[] traceBytes, Long now) {
        VerificationReport report = new TraceVerifier(new JavaAquaVm()).verify(traceBytes, now);
        return JsonWriter.compact(ReportJson.of(report));
    }

    /**
     * Parses a "now" argument value: decimal milliseconds, at most 18 digits, no sign. Written by hand
     * so the JVM and TeaVM accept exactly the same texts.
     *
     * @return the value, or null if the text is not such a number
     */
    public static Long parseNow(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
