package dev.aurum.aquavm.interpreter.differential;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.InterpreterDataJson;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.util.List;
import java.util.TreeSet;

/**
 * Semantic comparison of two runs of the same particle, step by step: the peer, ret_code, error message
 * (exactly, or its class: the text before the first colon or double quote), the three limit flags, next peers as a set,
 * decoded call requests, and the decoded data (trace, lcid, CID stores, signatures). Data bytes may
 * differ: avm.wasm archives hash maps in process-random order.
 */
final class StepComparison {

    private StepComparison() {
    }

    /** The first difference of {@code actual} from {@code expected}, or {@code null} if the runs agree. */
    static String firstDifference(List<EngineNetwork.Step> expected, List<EngineNetwork.Step> actual,
                                  boolean exactMessage) {
        return firstDifference(expected, actual, exactMessage ? Messages.EXACT : Messages.CLASS);
    }

    /** How error messages are compared. */
    enum Messages {
        EXACT,
        /** the text before the first colon */
        CLASS,
        /**
         * exact, except parse errors (ret_code 1), compared by class. avm.wasm's LALRPOP parser recovers and
         * reports every error it then finds (validator errors of the recovered script too), and codespan
         * expands tabs and widens the gutter for long line numbers; ours reports the first grammar error
         * with the raw line (docs/divergences.md §3).
         */
        PARSE_ERRORS_BY_CLASS
    }

    static String firstDifference(List<EngineNetwork.Step> expected, List<EngineNetwork.Step> actual,
                                  Messages messages) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            String d = difference(expected.get(i), actual.get(i), messages);
            if (d != null) {
                EngineNetwork.Step e = expected.get(i);
                return "step " + i + " on " + e.peer() + " (" + e.engine() + " vs " + actual.get(i).engine() + "): " + d;
            }
        }
        return expected.size() == actual.size() ? null
                : "number of steps: " + expected.size() + " expected, " + actual.size() + " actual";
    }

    static String difference(EngineNetwork.Step expected, EngineNetwork.Step actual, Messages messages) {
        InterpreterOutcome e = expected.outcome();
        InterpreterOutcome a = actual.outcome();
        if (!expected.peer().equals(actual.peer())) {
            return "peer " + expected.peer() + " vs " + actual.peer();
        }
        if (e.retCode() != a.retCode()) {
            return "ret_code " + e.retCode() + " vs " + a.retCode() + "\n  expected message: " + e.errorMessage()
                    + "\n  actual message:   " + a.errorMessage();
        }
        String em = messageKey(e, messages);
        String am = messageKey(a, messages);
        if (!em.equals(am)) {
            return "error message\n  expected: " + e.errorMessage() + "\n  actual:   " + a.errorMessage();
        }
        if (e.airSizeLimitExceeded() != a.airSizeLimitExceeded()
                || e.particleSizeLimitExceeded() != a.particleSizeLimitExceeded()
                || e.callResultSizeLimitExceeded() != a.callResultSizeLimitExceeded()) {
            return "limit flags " + flags(e) + " vs " + flags(a);
        }
        if (!new TreeSet<>(e.nextPeerPks()).equals(new TreeSet<>(a.nextPeerPks()))) {
            return "next peers " + new TreeSet<>(e.nextPeerPks()) + " vs " + new TreeSet<>(a.nextPeerPks());
        }
        if (!expected.requests().equals(actual.requests())) {
            return "call requests\n  expected: " + expected.requests() + "\n  actual:   " + actual.requests();
        }
        if ((e.data().length == 0) != (a.data().length == 0)) {
            return "data presence " + e.data().length + " vs " + a.data().length + " bytes";
        }
        if (e.data().length > 0) {
            InterpreterData ed = decode(e.data());
            InterpreterData ad = decode(a.data());
            if (!ed.equals(ad)) {
                return "data\n  expected: " + JsonWriter.toCompactString(InterpreterDataJson.toJson(ed))
                        + "\n  actual:   " + JsonWriter.toCompactString(InterpreterDataJson.toJson(ad));
            }
        }
        return null;
    }

    private static String messageKey(InterpreterOutcome o, Messages messages) {
        switch (messages) {
            case CLASS:
                return messageClass(o.errorMessage());
            case PARSE_ERRORS_BY_CLASS:
                return o.retCode() == 1 ? messageClass(o.errorMessage()) : o.errorMessage();
            default:
                return o.errorMessage();
        }
    }

    /** The text before the first colon or double quote: the kind of error without its Rust Debug details. */
    static String messageClass(String message) {
        int end = message.length();
        int colon = message.indexOf(':');
        int quote = message.indexOf('"');
        if (colon >= 0) {
            end = colon;
        }
        if (quote >= 0 && quote < end) {
            end = quote;
        }
        return message.substring(0, end);
    }

    private static String flags(InterpreterOutcome o) {
        return "[air " + o.airSizeLimitExceeded() + ", particle " + o.particleSizeLimitExceeded() + ", call result "
                + o.callResultSizeLimitExceeded() + "]";
    }

    static InterpreterData decode(byte[] envelope) {
        try {
            return InterpreterDataRkyv.decode(DataEnvelope.decode(envelope).innerData());
        } catch (DecodeException e) {
            throw new AssertionError("data does not decode: " + e.getMessage(), e);
        }
    }
}
