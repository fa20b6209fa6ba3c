package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.crypto.DataSignatureMessage;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.SignatureStore;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.trace.TraceHandler;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Execution and farewell on decoded inputs: runs the script over merged prev/current data and builds
 * the new data, signed by this peer. {@link JavaAquaVm} adds the byte formats and the preparation and
 * verification steps around it.
 */
public final class Interpreter {

    private Interpreter() {
    }

    /**
     * The result of a run on decoded inputs.
     *
     * @param data            the new data; null when the run ended with an uncatchable error (the host
     *                        keeps prev data) or when compaction failed ({@link #dataLost})
     * @param dataLost        compaction or signing failed: AquaVM returns empty data and call requests
     */
    public record Outcome(long retCode, String errorMessage, InterpreterData data, boolean dataLost,
                          List<String> nextPeerPks, Map<Long, CallRequestParams> callRequests) {

        public Outcome {
            nextPeerPks = List.copyOf(nextPeerPks);
            // sorted by call id; TeaVM has no unmodifiableSortedMap
            callRequests = java.util.Collections.unmodifiableMap(new TreeMap<>(callRequests));
        }
    }

    public static Outcome execute(Instruction air, InterpreterData prev, InterpreterData current,
                                  SignatureStore verifiedSignatures, RunParameters params,
                                  Map<String, CallServiceResult> callResults, KeyPair keyPair,
                                  OwnSignature own) {
        ExecutionContext ctx = new ExecutionContext(params, prev.lastCallRequestId(), prev.cidInfo(),
                current.cidInfo(), callResults);
        TraceHandler trace = new TraceHandler(prev.trace(), current.trace());
        ExecutionError error = null;
        try {
            new Evaluator(ctx, trace).execute(air);
        } catch (ExecutionError e) {
            error = e;
        } catch (NestingLimitExceeded e) {
            // deterministic on every host (Evaluator.MAX_NESTING), unlike the stack overflow below
            error = ExecutionError.uncatchable(ErrorKind.INT_CONVERSION_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            // a state AquaVM asserts unreachable (it would panic); reported, never thrown
            error = ExecutionError.uncatchable(ErrorKind.INT_CONVERSION_ERROR, "internal error: " + e.getMessage());
        } catch (StackOverflowError e) {
            // AquaVM runs with an 8 MiB wasm stack and traps when it is exhausted; we report it instead
            // (no outcome at all); the code is our choice, see docs/divergences.md
            error = ExecutionError.uncatchable(ErrorKind.INT_CONVERSION_ERROR,
                    "execution nesting exceeds the interpreter's stack");
        }
        if (error != null && !error.isCatchable()) {
            return new Outcome(error.code(), error.getMessage(), null, false, List.of(), new TreeMap<>());
        }
        long retCode;
        String message;
        if (error != null) {
            retCode = error.code();
            message = error.getMessage();
        } else if (!ctx.callResults.isEmpty()) {
            retCode = ErrorKind.UNPROCESSED_CALL_RESULT.code();
            message = "after finishing execution of supplied AIR, there are some unprocessed call results: `"
                    + debug(ctx.callResults) + "`, probably a wrong call_id used";
        } else {
            retCode = 0;
            message = "";
        }
        try {
            ctx.streams.compactAll(trace);
            ctx.streamMaps.compactAll(trace);
        } catch (ExecutionError e) {
            return new Outcome(e.code(), e.getMessage(), null, true, List.of(), new TreeMap<>());
        }
        Map<EncodedPublicKey, EncodedSignature> signatures = new TreeMap<>(verifiedSignatures.signatures());
        if (own.signs()) {
            EncodedPublicKey ownKey = EncodedPublicKey.of(keyPair.publicKey().toFluenceBytes());
            signatures.put(ownKey, EncodedSignature.of(
                    DataSignatureMessage.sign(keyPair, ctx.peerCids.sortedCids(), params.particleId()).toFluenceBytes()));
        } else if (own.givenKey() != null) {
            signatures.put(own.givenKey(), own.givenSignature());
        }
        InterpreterData data = new InterpreterData(trace.resultTrace(), ctx.lastCallRequestId, ctx.cids.toCidInfo(),
                new SignatureStore(signatures));
        // AquaVM de-duplicates through a HashSet (unordered); first-seen order is our deterministic choice
        List<String> peers = new ArrayList<>(new LinkedHashSet<>(ctx.nextPeers));
        return new Outcome(retCode, message, data, false, peers, ctx.callRequests);
    }

    /** Rust's {@code Debug} of the leftover call results map, close enough to recognise. */
    private static String debug(Map<String, CallServiceResult> results) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, CallServiceResult> e : results.entrySet()) {
            sb.append(first ? "" : ", ").append(RustText.debug(e.getKey())).append(": CallServiceResult { ret_code: ")
                    .append(e.getValue().retCode()).append(", result: ").append(RustText.debug(e.getValue().result()))
                    .append(" }");
            first = false;
        }
        return sb.append('}').toString();
    }
}
