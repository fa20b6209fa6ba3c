package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.sede.CallRequestParams;

import dev.aurum.aquavm.sede.CallServiceResult;

import dev.aurum.aquavm.air.AirPrinter;
import dev.aurum.aquavm.air.AirValue;
import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.data.Sender;
import dev.aurum.aquavm.data.ServiceResultCidAggregate;
import dev.aurum.aquavm.data.ValueRef;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.trace.MergedCall;
import dev.aurum.aquavm.interpreter.trace.StateText;
import dev.aurum.aquavm.interpreter.trace.TraceHandler;
import dev.aurum.aquavm.interpreter.trace.TraceHandlerException;
import dev.aurum.aquavm.interpreter.value.Generation;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code call}: resolve the triplet, merge the recorded state, then either replay the recorded result,
 * apply a host call result, wait, forward the particle to the target peer, or issue a call request.
 */
final class CallExecutor {

    /** AquaVM's {@code i32::MAX} ret_code for a service result that is not JSON. */
    static final int NOT_JSON_RET_CODE = Integer.MAX_VALUE;
    private static final long GENERATION_STUB = 0xCAFEBABEL;

    private final ExecutionContext ctx;
    private final TraceHandler trace;
    private final Resolver resolver;

    CallExecutor(ExecutionContext ctx, TraceHandler trace, Resolver resolver) {
        this.ctx = ctx;
        this.trace = trace;
        this.resolver = resolver;
    }

    void execute(Instruction.Call call) throws ExecutionError {
        SecurityTetraplet tetraplet;
        try {
            tetraplet = resolveTriplet(call.triplet());
            checkOutputName(call);
        } catch (ExecutionError e) {
            if (e.isJoinable()) {
                ctx.makeSubgraphIncomplete();
                return;
            }
            throw setErrors(call, e, null);
        }
        try {
            executeResolved(call, tetraplet);
        } catch (ExecutionError e) {
            if (e.isJoinable()) {
                ctx.makeSubgraphIncomplete();
                return;
            }
            throw setErrors(call, e, tetraplet);
        }
    }

    private ExecutionError setErrors(Instruction.Call call, ExecutionError e, SecurityTetraplet tetraplet) {
        if (e.isCatchable()) {
            ctx.errors.setErrors(e, AirPrinter.instruction(call), tetraplet, true, ctx.params.currentPeerId());
        }
        return e;
    }

    private SecurityTetraplet resolveTriplet(Instruction.Triplet t) throws ExecutionError {
        String peer;
        if (t.peerId() instanceof AirValue.InitPeerId) {
            peer = ctx.params.initPeerId();
        } else {
            peer = resolveToString(t.peerId());
        }
        return new SecurityTetraplet(peer, resolveToString(t.serviceId()), resolveToString(t.functionName()), "");
    }

    String resolveToString(AirValue v) throws ExecutionError {
        if (v instanceof AirValue.Literal l) {
            return l.text();
        }
        if (v instanceof AirValue.InitPeerId) {
            return ctx.params.initPeerId();
        }
        JsonValue value = resolver.resolve(v).value();
        if (value instanceof JsonString s) {
            return s.value();
        }
        throw ExecutionError.catchable(ErrorKind.NON_STRING_VALUE_IN_TRIPLET_RESOLUTION,
                "call cannot resolve non-String triplet variable part `" + ((AirValue.Variable) v).name()
                        + "` with value '" + Values.text(value) + "'");
    }

    private void checkOutputName(Instruction.Call call) throws ExecutionError {
        if (call.output().isEmpty() || !(call.output().get() instanceof AirValue.Scalar s)) {
            return;
        }
        Object ref;
        try {
            ref = ctx.scalarRef(s.name());
        } catch (ExecutionError e) {
            return;
        }
        if (ref instanceof FoldState) {
            throw ExecutionError.uncatchable(ErrorKind.ITERABLE_SHADOWING, "variable with name '" + s.name()
                    + "' can't be shadowed, shadowing isn't supported for iterables");
        }
        if (!ctx.scalars.couldBeSet(s.name()) && !ctx.canonStreams.couldBeSet(s.name())) {
            throw ExecutionError.uncatchable(ErrorKind.SHADOWING_IS_NOT_ALLOWED, "trying to shadow variable '"
                    + s.name() + "', but shadowing is allowed only inside fold blocks");
        }
    }

    private void executeResolved(Instruction.Call call, SecurityTetraplet tetraplet) throws ExecutionError {
        List<Resolved> args = collectArgs(call, true);
        String argumentHash = args == null ? null : Cids.ofJson(argsArray(args));
        MergedCall met;
        try {
            met = trace.meetCallStart();
        } catch (TraceHandlerException e) {
            throw ExecutionError.traceError(AirPrinter.instruction(call), e.getMessage());
        }
        CallResult prevState = null;
        if (met != null) {
            prevState = met.result();
            Boolean shouldExecute = handlePrevState(call, met, tetraplet, argumentHash);
            if (!shouldExecute) {
                return;
            }
        }
        if (!tetraplet.peerPk().equals(ctx.params.currentPeerId())) {
            ctx.nextPeers.add(tetraplet.peerPk());
            ctx.makeSubgraphIncomplete();
            trace.meetCallEnd(new CallResult.RequestSentBy(new Sender.PeerId(ctx.params.currentPeerId())));
            return;
        }
        List<Resolved> resolvedArgs;
        try {
            resolvedArgs = collectArgs(call, false);
        } catch (ExecutionError e) {
            if (e.isJoinable() && prevState != null) {
                trace.meetCallEnd(prevState);
            }
            throw e;
        }
        List<JsonValue> values = new ArrayList<>(resolvedArgs.size());
        List<List<SecurityTetraplet>> tetraplets = new ArrayList<>(resolvedArgs.size());
        for (Resolved r : resolvedArgs) {
            values.add(r.value());
            tetraplets.add(r.tetraplets());
        }
        long callId = ctx.nextCallRequestId();
        ctx.callRequests.put(callId, new CallRequestParams(tetraplet.serviceId(), tetraplet.functionName(), values,
                tetraplets));
        ctx.makeSubgraphIncomplete();
        trace.meetCallEnd(new CallResult.RequestSentBy(new Sender.PeerIdWithCallId(ctx.params.currentPeerId(),
                callId)));
    }

    /** Null when an argument is not defined yet (a join) and {@code joinAsNull}. */
    private List<Resolved> collectArgs(Instruction.Call call, boolean joinAsNull) throws ExecutionError {
        List<Resolved> out = new ArrayList<>(call.arguments().size());
        for (AirValue.ImmutableValue a : call.arguments()) {
            try {
                out.add(resolver.resolve(a));
            } catch (ExecutionError e) {
                if (joinAsNull && e.isJoinable()) {
                    return null;
                }
                throw e;
            }
        }
        return out;
    }

    private static JsonArray argsArray(List<Resolved> args) {
        List<JsonValue> values = new ArrayList<>(args.size());
        for (Resolved r : args) {
            values.add(r.value());
        }
        return new JsonArray(values);
    }

    /** Handles a state recorded for this call; returns whether the call should be executed now. */
    private boolean handlePrevState(Instruction.Call call, MergedCall met, SecurityTetraplet tetraplet,
                                    String argumentHash) throws ExecutionError {
        CallResult state = met.result();
        String current = ctx.params.currentPeerId();
        if (state instanceof CallResult.Failed failed) {
            ServiceResultCidAggregate agg = ctx.cids.serviceResult(failed.serviceResultCid());
            JsonValue errValue = ctx.cids.value(agg.valueCid());
            SecurityTetraplet stored = ctx.cids.tetraplet(agg.tetrapletCid());
            verifyCall(requireHash(argumentHash), tetraplet, agg.argumentHash(), stored);
            CallServiceFailed failure = CallServiceFailed.of(errValue);
            ctx.makeSubgraphIncomplete();
            ctx.peerCids.register(tetraplet.peerPk(), failed.serviceResultCid());
            trace.meetCallEnd(state);
            throw localServiceError(failure.retCode(), failure.message());
        }
        if (state instanceof CallResult.RequestSentBy r) {
            if (r.sender() instanceof Sender.PeerIdWithCallId s && s.peerId().equals(current)) {
                CallServiceResult result = ctx.callResults.remove(Long.toString(s.callId()));
                if (result == null) {
                    ctx.makeSubgraphIncomplete();
                    trace.meetCallEnd(state);
                    return false;
                }
                applyServiceResult(call, tetraplet, requireHash(argumentHash), result);
                return false;
            }
            if (tetraplet.peerPk().equals(current)) {
                return true;
            }
            ctx.makeSubgraphIncomplete();
            trace.meetCallEnd(state);
            return false;
        }
        ValueRef value = ((CallResult.Executed) state).value();
        populateFromData(call, value, requireHash(argumentHash), tetraplet, met);
        if (value instanceof ValueRef.Scalar sc) {
            ctx.peerCids.register(tetraplet.peerPk(), sc.serviceResultCid());
        } else if (value instanceof ValueRef.Stream st) {
            ctx.peerCids.register(tetraplet.peerPk(), st.serviceResultCid());
        }
        trace.meetCallEnd(state);
        return false;
    }

    private static String requireHash(String argumentHash) throws ExecutionError {
        if (argumentHash == null) {
            // AquaVM unwraps a missing argument hash here and traps (a wasm panic)
            throw ExecutionError.uncatchable(ErrorKind.INSTRUCTION_PARAMETERS_MISMATCH,
                    "call arguments are not defined, but the trace holds a result for this call");
        }
        return argumentHash;
    }

    private void populateFromData(Instruction.Call call, ValueRef value, String argumentHash,
                                  SecurityTetraplet tetraplet, MergedCall met) throws ExecutionError {
        AirValue.Destination output = call.output().orElse(null);
        if (output instanceof AirValue.Scalar s && value instanceof ValueRef.Scalar sc) {
            JsonValue v = resolveVerified(sc.serviceResultCid(), argumentHash, tetraplet);
            ctx.scalars.set(s.name(), new ValueAggregate(v, tetraplet, met.tracePos(),
                    new Provenance.ServiceResult(sc.serviceResultCid())));
        } else if (output instanceof AirValue.Stream st && value instanceof ValueRef.Stream sv) {
            JsonValue v = resolveVerified(sv.serviceResultCid(), argumentHash, tetraplet);
            ctx.streams.add(st.name(), st.span().left(), new ValueAggregate(v, tetraplet, met.tracePos(),
                    new Provenance.ServiceResult(sv.serviceResultCid())),
                    Generation.fromData(met.source(), sv.generation()));
        } else if (!(output == null && value instanceof ValueRef.Unused)) {
            throw ExecutionError.uncatchable(ErrorKind.CALL_RESULT_NOT_CORRESPOND_TO_INSTR,
                    "call result value " + StateText.of(value) + " doesn't match with corresponding instruction");
        }
    }

    private JsonValue resolveVerified(String cid, String argumentHash, SecurityTetraplet tetraplet)
            throws ExecutionError {
        ServiceResultCidAggregate agg = ctx.cids.serviceResult(cid);
        JsonValue v = ctx.cids.value(agg.valueCid());
        SecurityTetraplet stored = ctx.cids.tetraplet(agg.tetrapletCid());
        verifyCall(argumentHash, tetraplet, agg.argumentHash(), stored);
        return v;
    }

    private static void verifyCall(String expectedHash, SecurityTetraplet expected, String storedHash,
                                   SecurityTetraplet stored) throws ExecutionError {
        if (!expectedHash.equals(storedHash)) {
            throw ExecutionError.uncatchable(ErrorKind.INSTRUCTION_PARAMETERS_MISMATCH,
                    "call argument_hash doesn't match expected parameters: expected " + expectedHash + ", got "
                            + storedHash + " ");
        }
        if (!expected.equals(stored)) {
            throw ExecutionError.uncatchable(ErrorKind.INSTRUCTION_PARAMETERS_MISMATCH,
                    "call tetraplet doesn't match expected parameters: expected " + debug(expected) + ", got "
                            + debug(stored) + " ");
        }
    }

    static String debug(SecurityTetraplet t) {
        return "SecurityTetraplet { peer_pk: \"" + t.peerPk() + "\", service_id: \"" + t.serviceId()
                + "\", function_name: \"" + t.functionName() + "\", lens: \"" + t.lens() + "\" }";
    }

    /** serde_json's error text (e.g. {@code expected ident at line 1 column 2}) from our parser's error. */
    static String serdeText(DecodeException e) {
        String m = e.getMessage();
        String prefix = e.format() + ": ";
        String suffix = " at offset " + e.offset();
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
        }
        if (e.offset() >= 0 && m.endsWith(suffix)) {
            m = m.substring(0, m.length() - suffix.length());
        }
        return m;
    }

    /** AquaVM's {@code Display} of a call result: {@code ret_code: N, result: 'text'}. */
    static String display(CallServiceResult r) {
        return "ret_code: " + r.retCode() + ", result: '" + r.result() + "'";
    }

    static ExecutionError localServiceError(int retCode, String message) {
        return ExecutionError.catchable(ErrorKind.LOCAL_SERVICE_ERROR,
                "Local service error, ret_code is " + retCode + ", error message is '" + message + "'");
    }

    static JsonObject failedValue(int retCode, String message) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("message", new JsonString(message));
        m.put("ret_code", Values.integer(retCode));
        return new JsonObject(m);
    }

    private void applyServiceResult(Instruction.Call call, SecurityTetraplet tetraplet, String argumentHash,
                                    CallServiceResult result) throws ExecutionError {
        if (result.retCode() != 0) {
            String cid = ctx.cids.trackServiceResult(failedValue(result.retCode(), result.result()), tetraplet,
                    argumentHash);
            ctx.peerCids.register(tetraplet.peerPk(), cid);
            trace.meetCallEnd(new CallResult.Failed(cid));
            throw localServiceError(result.retCode(), result.result());
        }
        JsonValue value;
        try {
            value = JsonParser.parse(result.result());
        } catch (DecodeException e) {
            String message = "call_service result '" + display(result) + "' can't be serialized or deserialized with an "
                    + "error: " + serdeText(e);
            String cid = ctx.cids.trackServiceResult(failedValue(NOT_JSON_RET_CODE, message), tetraplet,
                    argumentHash);
            // as in AquaVM, this failure's CID is not recorded for signing in the run that creates it
            trace.meetCallEnd(new CallResult.Failed(cid));
            throw localServiceError(NOT_JSON_RET_CODE, message);
        }
        long tracePos = trace.tracePos();
        AirValue.Destination output = call.output().orElse(null);
        CallResult newState;
        if (output instanceof AirValue.Scalar s) {
            String cid = ctx.cids.trackServiceResult(value, tetraplet, argumentHash);
            ctx.scalars.set(s.name(), new ValueAggregate(value, tetraplet, tracePos,
                    new Provenance.ServiceResult(cid)));
            ctx.peerCids.register(tetraplet.peerPk(), cid);
            newState = new CallResult.Executed(new ValueRef.Scalar(cid));
        } else if (output instanceof AirValue.Stream st) {
            String cid = ctx.cids.trackServiceResult(value, tetraplet, argumentHash);
            ctx.streams.add(st.name(), st.span().left(), new ValueAggregate(value, tetraplet, tracePos,
                    new Provenance.ServiceResult(cid)), Generation.NEW);
            ctx.peerCids.register(tetraplet.peerPk(), cid);
            newState = new CallResult.Executed(new ValueRef.Stream(cid, GENERATION_STUB));
        } else {
            newState = new CallResult.Executed(new ValueRef.Unused(Cids.ofJson(value)));
        }
        trace.meetCallEnd(newState);
    }
}
