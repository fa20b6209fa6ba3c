package dev.aurum.vectors.transcript;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.InterpreterDataJson;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.DataEnvelope;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Semantic comparison of two outcomes, in this order: ret_code, error message, decoded call requests,
 * next peers as a set, and data through its sorted human-readable form (avm.wasm's
 * {@code to_human_readable_data}). Byte equality of data is not asked for: AquaVM archives hash maps
 * in an order that depends on the process, so two correct engines can emit different bytes.
 */
public final class OutcomeDiff {

    /** The first field that differs, and both sides rendered for a human. */
    public record Difference(String field, String expected, String actual) {
        @Override
        public String toString() {
            return field + ": expected " + expected + ", got " + actual;
        }
    }

    private OutcomeDiff() {
    }

    public static Optional<Difference> first(InterpreterOutcome expected, InterpreterOutcome actual) {
        if (expected.retCode() != actual.retCode()) {
            return diff("ret_code", Long.toString(expected.retCode()), Long.toString(actual.retCode()));
        }
        if (!expected.errorMessage().equals(actual.errorMessage())) {
            return diff("error_message", quote(expected.errorMessage()), quote(actual.errorMessage()));
        }
        String e = callRequestsText(expected.callRequests());
        String a = callRequestsText(actual.callRequests());
        if (!e.equals(a)) {
            return diff("call_requests", e, a);
        }
        TreeSet<String> ep = new TreeSet<>(expected.nextPeerPks());
        TreeSet<String> ap = new TreeSet<>(actual.nextPeerPks());
        if (!ep.equals(ap)) {
            return diff("next_peer_pks", ep.toString(), ap.toString());
        }
        e = humanReadable(expected.data());
        a = humanReadable(actual.data());
        if (!e.equals(a)) {
            return diff("data", firstDifferingLine(e, a), firstDifferingLine(a, e));
        }
        return Optional.empty();
    }

    /**
     * The sorted human-readable text of a data envelope: {@code ""} for empty data, otherwise exactly
     * what avm.wasm's {@code to_human_readable_data} prints; undecodable data renders as its error.
     */
    public static String humanReadable(byte[] envelope) {
        if (envelope.length == 0) {
            return "";
        }
        try {
            DataEnvelope env = DataEnvelope.decode(envelope);
            InterpreterData data = InterpreterDataRkyv.decode(env.innerData());
            return InterpreterDataJson.humanReadable(env.version(), env.interpreterVersion(), data);
        } catch (DecodeException ex) {
            return "<undecodable: " + ex.getMessage() + ">";
        }
    }

    /** Decoded call requests as text (id order); undecodable bytes render as their error. */
    public static String callRequestsText(byte[] callRequests) {
        try {
            SortedMap<Long, CallRequestParams> decoded = CallRequests.decode(callRequests);
            StringBuilder sb = new StringBuilder("{");
            for (var e : decoded.entrySet()) {
                CallRequestParams r = e.getValue();
                sb.append(sb.length() == 1 ? "" : ", ").append(e.getKey()).append(": ")
                        .append(r.serviceId()).append('.').append(r.functionName())
                        .append(r.arguments()).append(" tetraplets ").append(r.tetraplets());
            }
            return sb.append('}').toString();
        } catch (DecodeException ex) {
            return "<undecodable: " + ex.getMessage() + ">";
        }
    }

    private static Optional<Difference> diff(String field, String expected, String actual) {
        return Optional.of(new Difference(field, expected, actual));
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** The first line of {@code text} that is not the same line of {@code other}, with its number. */
    static String firstDifferingLine(String text, String other) {
        String[] a = text.split("\n", -1);
        String[] b = other.split("\n", -1);
        for (int i = 0; i < a.length; i++) {
            if (i >= b.length || !a[i].equals(b[i])) {
                return "line " + (i + 1) + " `" + a[i].strip() + "`";
            }
        }
        return "end of text after line " + a.length;
    }
}
