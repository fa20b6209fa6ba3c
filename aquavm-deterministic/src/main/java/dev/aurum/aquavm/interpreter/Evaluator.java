package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.air.AirPrinter;
import dev.aurum.aquavm.air.AirValue;
import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.air.Lens;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.trace.MergedAp;
import dev.aurum.aquavm.interpreter.trace.TraceHandler;
import dev.aurum.aquavm.interpreter.trace.TraceHandlerException;
import dev.aurum.aquavm.interpreter.value.CanonStream;
import dev.aurum.aquavm.interpreter.value.FoldIterable;
import dev.aurum.aquavm.interpreter.value.Generation;
import dev.aurum.aquavm.interpreter.value.IterableItem;
import dev.aurum.aquavm.interpreter.value.Stream;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonNegInt;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes AIR instructions with AquaVM 0.62's semantics: one method per instruction, reading like the
 * rules. A failing instruction records {@code %last_error%}/{@code :error:} before the error travels up.
 */
final class Evaluator {

    private static final List<Long> GENERATION_STUB = List.of(0xCAFEBABEL);

    /**
     * The deepest AIR nesting a run executes (one level per {@link #execute} on the stack: a fold over n
     * items with {@code next} in a {@code seq} or {@code par} nests about 2n levels). Deeper scripts end
     * with ret code 20002 on every host. Why a fixed number: the evaluator recurses like AquaVM, so
     * without it the depth at which a run fails would be the host thread's stack size (the same trace
     * verified on one host and failed on another, and the Wasm verifier, whose stack is the host JVM's,
     * stopped at another depth than the JVM one). Chosen so a default 1 MiB Java thread reaches it with
     * room to spare on the JVM and in the Wasm verifier (tests: NestingLimitTest, DeepTraceIdentityTest).
     */
    static final int MAX_NESTING = 1_000;

    private final ExecutionContext ctx;
    private final TraceHandler trace;
    private final Resolver resolver;
    private final CallExecutor calls;
    private int nesting;

    Evaluator(ExecutionContext ctx, TraceHandler trace) {
        this.ctx = ctx;
        this.trace = trace;
        this.resolver = new Resolver(ctx);
        this.calls = new CallExecutor(ctx, trace, resolver);
    }

    /** Executes one instruction; one frame per AIR nesting level keeps deep folds within the stack. */
    void execute(Instruction instruction) throws ExecutionError {
        if (nesting >= MAX_NESTING) {
            throw new NestingLimitExceeded(MAX_NESTING);
        }
        nesting++;
        try {
            executeNested(instruction);
        } finally {
            nesting--;
        }
    }

    private void executeNested(Instruction instruction) throws ExecutionError {
        if (instruction instanceof Instruction.Call call) {
            calls.execute(call); // sets its own errors, with the call's tetraplet
            return;
        }
        try {
            if (instruction instanceof Instruction.Seq seq) {
                seq(seq);
            } else if (instruction instanceof Instruction.Par par) {
                par(par);
            } else if (instruction instanceof Instruction.Next n) {
                next(n);
            } else if (instruction instanceof Instruction.Xor xor) {
                xor(xor);
            } else if (instruction instanceof Instruction.Null) {
                return;
            } else if (instruction instanceof Instruction.Never) {
                ctx.makeSubgraphIncomplete();
            } else if (instruction instanceof Instruction.Match m) {
                compare(m.left(), m.right(), m.body(), true);
            } else if (instruction instanceof Instruction.MisMatch m) {
                compare(m.left(), m.right(), m.body(), false);
            } else if (instruction instanceof Instruction.Ap ap) {
                ap(ap);
            } else if (instruction instanceof Instruction.ApMap ap) {
                apMap(ap);
            } else if (instruction instanceof Instruction.Fail fail) {
                Failer.fail(fail, ctx, resolver);
            } else if (instruction instanceof Instruction.New n) {
                newScope(n);
            } else if (instruction instanceof Instruction.FoldScalar f) {
                foldScalar(f);
            } else if (instruction instanceof Instruction.FoldStream f) {
                foldStream(ctx.streams.get(f.iterable().name(), f.iterable().span().left()), f, f.iterator(),
                        f.body(), f.last());
            } else if (instruction instanceof Instruction.FoldStreamMap f) {
                foldStream(ctx.streamMaps.get(f.iterable().name(), f.iterable().span().left()), f, f.iterator(),
                        f.body(), f.last());
            } else if (instruction instanceof Instruction.Canon c) {
                new Canonicalizer(ctx, trace, calls).canonStream(c);
            } else if (instruction instanceof Instruction.CanonMap c) {
                new Canonicalizer(ctx, trace, calls).canonMap(c);
            } else if (instruction instanceof Instruction.CanonStreamMapScalar c) {
                new Canonicalizer(ctx, trace, calls).canonMapScalar(c);
            } else {
                throw new IllegalStateException("unknown instruction " + instruction);
            }
        } catch (ExecutionError e) {
            boolean logPeerId = instruction instanceof Instruction.Canon || instruction instanceof Instruction.CanonMap
                    || instruction instanceof Instruction.CanonStreamMapScalar;
            ctx.errors.setErrors(e, AirPrinter.instruction(instruction), null, logPeerId,
                    ctx.params.currentPeerId());
            throw e;
        }
    }

    // ---- seq, par, xor ----------------------------------------------------------------------------

    private void seq(Instruction.Seq seq) throws ExecutionError {
        ctx.setSubgraphComplete(true);
        execute(seq.left());
        if (ctx.isSubgraphComplete()) {
            execute(seq.right());
        }
    }

    private void par(Instruction.Par par) throws ExecutionError {
        String text = AirPrinter.instruction(par);
        try {
            trace.meetParStart();
        } catch (TraceHandlerException e) {
            throw ExecutionError.traceError(text, e.getMessage());
        }
        ExecutionError leftError = parBranch(par.left(), true, text);
        boolean leftComplete = ctx.isSubgraphComplete();
        ExecutionError rightError = parBranch(par.right(), false, text);
        boolean rightComplete = ctx.isSubgraphComplete();
        ctx.setSubgraphComplete(leftComplete || rightComplete);
        if (leftError == null || rightError == null) {
            ctx.errors.meetParSucceeded();
            return;
        }
        throw rightError;
    }

    /** Runs one par branch; returns its catchable error, if any. */
    private ExecutionError parBranch(Instruction branch, boolean left, String parText) throws ExecutionError {
        // a branch that is literally `next` starts incomplete (AquaVM's determine_subgraph_complete)
        ctx.setSubgraphComplete(!(branch instanceof Instruction.Next));
        ExecutionError caught = null;
        try {
            execute(branch);
        } catch (ExecutionError e) {
            ctx.makeSubgraphIncomplete();
            if (!e.isCatchable()) {
                throw e;
            }
            caught = e;
        }
        try {
            if (left) {
                trace.meetParLeftEnd();
            } else {
                trace.meetParRightEnd();
            }
        } catch (TraceHandlerException e) {
            throw ExecutionError.traceError(parText, e.getMessage());
        }
        return caught;
    }

    private void xor(Instruction.Xor xor) throws ExecutionError {
        ctx.setSubgraphComplete(true);
        try {
            execute(xor.left());
        } catch (ExecutionError e) {
            if (!e.isCatchable()) {
                throw e;
            }
            ctx.setSubgraphComplete(true);
            ctx.errors.meetXorRightBranch(e);
            boolean ok = false;
            try {
                execute(xor.right());
                ok = true;
            } finally {
                ctx.errors.afterXorRightBranch(ok);
            }
        }
    }

    // ---- match, mismatch --------------------------------------------------------------------------

    private void compare(AirValue.ImmutableValue left, AirValue.ImmutableValue right, Instruction body,
                         boolean match) throws ExecutionError {
        boolean equal;
        try {
            equal = resolver.resolve(left).value().equals(resolver.resolve(right).value());
        } catch (ExecutionError e) {
            if (e.isJoinable()) {
                ctx.makeSubgraphIncomplete();
                return;
            }
            throw e;
        }
        if (match && !equal) {
            throw ExecutionError.catchable(ErrorKind.MATCH_VALUES_NOT_EQUAL, "compared values do not match");
        }
        if (!match && equal) {
            throw ExecutionError.catchable(ErrorKind.MISMATCH_VALUES_EQUAL, "compared values do not mismatch");
        }
        execute(body);
    }

    // ---- ap ---------------------------------------------------------------------------------------

    private void ap(Instruction.Ap ap) throws ExecutionError {
        boolean toStream = ap.result() instanceof AirValue.Stream;
        ValueAggregate value;
        try {
            value = apArgument(ap.argument(), toStream);
        } catch (ExecutionError e) {
            if (e.isJoinable()) {
                ctx.makeSubgraphIncomplete();
                return;
            }
            throw e;
        }
        if (ap.result() instanceof AirValue.Scalar s) {
            ctx.scalars.set(s.name(), value);
            return;
        }
        AirValue.Stream stream = (AirValue.Stream) ap.result();
        MergedAp met = meetApStart(ap);
        ctx.streams.add(stream.name(), stream.span().left(), value, generationOf(met));
        trace.meetApEnd(new ExecutedState.Ap(GENERATION_STUB));
    }

    private void apMap(Instruction.ApMap ap) throws ExecutionError {
        ValueAggregate value;
        try {
            value = apArgument(ap.value(), true);
        } catch (ExecutionError e) {
            if (e.isJoinable()) {
                ctx.makeSubgraphIncomplete();
                return;
            }
            throw e;
        }
        MergedAp met = meetApStart(ap);
        MapKey key;
        try {
            key = mapKey(ap.key(), ap.map().name());
        } catch (ExecutionError e) {
            if (e.isJoinable()) {
                // as in AquaVM: the ap state was consumed above but nothing is written
                ctx.makeSubgraphIncomplete();
                return;
            }
            throw e;
        }
        Map<String, JsonValue> pair = new LinkedHashMap<>();
        pair.put("key", key.toJson());
        pair.put("value", value.result());
        ValueAggregate stored = ValueAggregate.of(new JsonObject(pair), value.tetraplet(), value.tracePos(),
                value.provenance());
        ctx.streamMaps.add(ap.map().name(), ap.map().span().left(), stored, generationOf(met));
        trace.meetApEnd(new ExecutedState.Ap(GENERATION_STUB));
    }

    private MapKey mapKey(AirValue.MapKey key, String mapName) throws ExecutionError {
        JsonValue v;
        if (key instanceof AirValue.Literal l) {
            return MapKey.of(l.text());
        } else if (key instanceof AirValue.Int i) {
            return MapKey.of(i.value());
        } else {
            v = resolver.resolve(key).value();
        }
        MapKey k = MapKey.fromJson(v);
        if (k == null) {
            throw ExecutionError.catchable(ErrorKind.STREAM_MAP_ERROR_CATCHABLE,
                    "unsupported type for " + mapName + " map's key");
        }
        return k;
    }

    private MergedAp meetApStart(Instruction ap) throws ExecutionError {
        try {
            return trace.meetApStart();
        } catch (TraceHandlerException e) {
            throw ExecutionError.traceError(AirPrinter.instruction(ap), e.getMessage());
        }
    }

    private static Generation generationOf(MergedAp met) {
        return met == null ? Generation.NEW : Generation.fromData(met.source(), met.generation());
    }

    /** The value an ap stores; its trace position is the state the ap is about to write. */
    private ValueAggregate apArgument(AirValue.ApArgument arg, boolean touchesTrace) throws ExecutionError {
        long pos = trace.tracePos();
        if (arg instanceof AirValue.Scalar s) {
            Object ref = ctx.scalarRef(s.name());
            ValueAggregate v = ref instanceof ValueAggregate va ? va : ((FoldState) ref).iterable.peek().toAggregate();
            return touchesTrace ? v.withTracePos(pos) : v;
        }
        if (arg instanceof AirValue.CanonStream c) {
            ExecutionContext.CanonWithCid canon = ctx.canonStream(c.name());
            return ValueAggregate.of(canon.canon().asJson(), canon.canon().tetraplet(), pos,
                    new Provenance.Canon(canon.cid()));
        }
        Resolved r = resolver.resolve(arg);
        return ValueAggregate.of(r.value(), r.first(), pos, r.provenance());
    }

    // ---- new --------------------------------------------------------------------------------------

    private void newScope(Instruction.New n) throws ExecutionError {
        AirValue.NewArgument arg = n.argument();
        if (arg instanceof AirValue.Stream s) {
            ctx.streams.meetScopeStart(s.name(), n.span());
        } else if (arg instanceof AirValue.StreamMap m) {
            ctx.streamMaps.meetScopeStart(m.name(), n.span());
        } else if (arg instanceof AirValue.Scalar s) {
            ctx.scalars.meetNewStart(s.name());
        } else if (arg instanceof AirValue.CanonStream c) {
            ctx.canonStreams.meetNewStart(c.name());
        } else if (arg instanceof AirValue.CanonStreamMap c) {
            ctx.canonMaps.meetNewStart(c.name());
        }
        ExecutionError bodyError = null;
        try {
            execute(n.body());
        } catch (ExecutionError e) {
            bodyError = e;
        }
        ExecutionError epilogError = null;
        try {
            if (arg instanceof AirValue.Stream s) {
                ctx.streams.meetScopeEnd(s.name(), trace);
            } else if (arg instanceof AirValue.StreamMap m) {
                ctx.streamMaps.meetScopeEnd(m.name(), trace);
            } else if (arg instanceof AirValue.Scalar s) {
                ctx.scalars.meetNewEnd(s.name());
            } else if (arg instanceof AirValue.CanonStream c) {
                ctx.canonStreams.meetNewEnd(c.name());
            } else if (arg instanceof AirValue.CanonStreamMap c) {
                ctx.canonMaps.meetNewEnd(c.name());
            }
        } catch (ExecutionError e) {
            epilogError = e;
        }
        if (bodyError != null) {
            throw bodyError;
        }
        if (epilogError != null) {
            throw epilogError;
        }
    }

    // ---- fold over a scalar, canon stream, canon map or [] ----------------------------------------

    private void foldScalar(Instruction.FoldScalar f) throws ExecutionError {
        List<IterableItem> items;
        try {
            items = scalarIterable(f.iterable());
        } catch (ExecutionError e) {
            if (e.isJoinable()) {
                ctx.makeSubgraphIncomplete();
                return;
            }
            throw e;
        }
        if (items.isEmpty()) {
            return;
        }
        fold(new FoldState(new FoldIterable(items), -1, f.body(), f.last()), f.iterator().name());
    }

    private List<IterableItem> scalarIterable(AirValue.FoldScalarIterable iterable) throws ExecutionError {
        if (iterable instanceof AirValue.EmptyArray) {
            return List.of();
        } else if (iterable instanceof AirValue.Scalar s) {
            Object ref = ctx.scalarRef(s.name());
            ValueAggregate v = ref instanceof ValueAggregate va ? va : ((FoldState) ref).iterable.peek().toAggregate();
            if (!(v.result() instanceof JsonArray array)) {
                throw nonArray(v.result(), s.name());
            }
            return arrayItems(array, v.tetraplet(), v.tracePos(), v.provenance());
        } else if (iterable instanceof AirValue.ScalarWithLens s) {
            Object ref = ctx.scalarRef(s.name());
            JsonValue base;
            SecurityTetraplet tetraplet;
            Provenance provenance;
            if (ref instanceof ValueAggregate v) {
                base = v.result();
                tetraplet = v.tetraplet();
                provenance = v.provenance();
            } else {
                IterableItem item = ((FoldState) ref).iterable.peek();
                base = item.value();
                tetraplet = item.tetraplet();
                provenance = item.provenance();
            }
            JsonValue selected = resolver.selectFromScalar(base, s.lens());
            return lensItems(selected, tetraplet, provenance, s.lens());
        } else if (iterable instanceof AirValue.CanonStream c) {
            CanonStream canon = ctx.canonStream(c.name()).canon();
            List<IterableItem> items = new ArrayList<>(canon.size());
            for (ValueAggregate v : canon.values()) {
                items.add(IterableItem.of(v));
            }
            return items;
        } else if (iterable instanceof AirValue.CanonStreamMap c) {
            CanonMapWithCid map = ctx.canonMap(c.name());
            if (map.isEmpty()) {
                return List.of();
            }
            List<IterableItem> items = new ArrayList<>(map.pairs.size());
            for (ValueAggregate v : map.pairs) {
                items.add(IterableItem.of(v));
            }
            return items;
        } else if (iterable instanceof AirValue.CanonStreamMapWithLens c) {
            CanonMapWithCid map = ctx.canonMap(c.name());
            if (map.isEmpty()) {
                return List.of();
            }
            Resolved r = resolver.canonMapWithLens(map, c.lens());
            return lensItems(r.value(), map.tetraplet, new Provenance.Canon(map.cid), c.lens());
        }
        throw new IllegalStateException("unknown fold iterable " + iterable);
    }

    private static ExecutionError nonArray(JsonValue v, String expression) {
        return ExecutionError.catchable(ErrorKind.FOLD_ITERATES_OVER_NON_ARRAY, "expression '" + expression
                + "' returned non-array value '" + Values.text(v) + "' for fold iterable");
    }

    private static List<IterableItem> arrayItems(JsonArray array, SecurityTetraplet tetraplet, long pos,
                                                 Provenance provenance) {
        List<IterableItem> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            items.add(new IterableItem(array.get(i), tetraplet.withLensAppended(".$.[" + i + "]"), pos, provenance));
        }
        return items;
    }

    /** Elements of a lens result: the lens goes into the tetraplet first, then {@code .$.[i]}; position 0. */
    private static List<IterableItem> lensItems(JsonValue selected, SecurityTetraplet tetraplet,
                                                Provenance provenance, Lens lens) throws ExecutionError {
        if (!(selected instanceof JsonArray array)) {
            throw nonArray(selected, AirPrinter.lens(lens));
        }
        return arrayItems(array, Resolver.withLens(tetraplet, lens), 0, provenance);
    }

    private void fold(FoldState state, String iterator) throws ExecutionError {
        ctx.meetFoldStart();
        ctx.setIterable(iterator, state);
        try {
            execute(state.body);
        } finally {
            ctx.iterables.remove(iterator);
            ctx.meetFoldEnd();
        }
    }

    // ---- fold over a stream or stream map ---------------------------------------------------------

    private void foldStream(Stream stream, Instruction fold, AirValue.Scalar iterator, Instruction body,
                            Optional<Instruction> last) throws ExecutionError {
        if (stream == null) {
            ctx.makeSubgraphIncomplete();
            return;
        }
        String text = AirPrinter.instruction(fold);
        int foldId = ctx.nextFoldStreamId();
        try {
            trace.meetFoldStart(foldId);
        } catch (TraceHandlerException e) {
            throw ExecutionError.traceError(text, e.getMessage());
        }
        // the recursive-stream cursor: each round iterates the generations added since the last round
        long[] cursor = {0, 0, 0};
        List<List<ValueAggregate>> slices = stream.slicesFrom(cursor);
        cursor = stream.cursor();
        if (!slices.isEmpty()) {
            stream.addNewEmptyGeneration();
        }
        boolean complete = false;
        while (!slices.isEmpty()) {
            for (List<ValueAggregate> generation : slices) {
                if (generation.isEmpty()) {
                    continue;
                }
                List<IterableItem> items = new ArrayList<>(generation.size());
                for (ValueAggregate v : generation) {
                    items.add(IterableItem.of(v));
                }
                try {
                    trace.meetIterationStart(foldId, items.get(0).tracePos());
                } catch (TraceHandlerException e) {
                    throw ExecutionError.traceError(text, e.getMessage());
                }
                try {
                    fold(new FoldState(new FoldIterable(items), foldId, body, last), iterator.name());
                } catch (ExecutionError e) {
                    if (!e.isCatchable()) {
                        throw e;
                    }
                    // catchable errors inside a stream fold iteration are swallowed, for determinism
                }
                try {
                    trace.meetGenerationEnd(foldId);
                } catch (TraceHandlerException e) {
                    throw ExecutionError.traceError(text, e.getMessage());
                }
                complete |= ctx.isSubgraphComplete();
            }
            slices = stream.slicesFrom(cursor);
            stream.removeLastGenerationIfEmpty();
            cursor = stream.cursor();
            stream.addNewEmptyGeneration();
        }
        ctx.setSubgraphComplete(complete);
        try {
            trace.meetFoldEnd(foldId);
        } catch (TraceHandlerException e) {
            throw ExecutionError.traceError(text, e.getMessage());
        }
    }

    // ---- next -------------------------------------------------------------------------------------

    private void next(Instruction.Next n) throws ExecutionError {
        String name = n.iterator().name();
        String text = AirPrinter.instruction(n);
        FoldState state = ctx.iterable(name);
        if (state.overStream()) {
            traceStep(() -> trace.meetIterationEnd(state.streamFoldId), text);
        }
        if (!state.iterable.next()) {
            if (state.overStream()) {
                traceStep(() -> trace.meetBackIterator(state.streamFoldId), text);
            }
            if (state.last.isPresent()) {
                ctx.setSubgraphComplete(true); // needed because of the `next`-branch rule in par
                execute(state.last.get());
            } else if (!state.backIterationStarted && state.overStream()) {
                state.backIterationStarted = true;
                ctx.makeSubgraphIncomplete();
            }
            return;
        }
        if (state.overStream()) {
            traceStep(() -> trace.meetIterationStart(state.streamFoldId, state.iterable.peek().tracePos()), text);
        }
        ctx.meetNextBefore();
        try {
            execute(state.body);
        } finally {
            ctx.meetNextAfter();
        }
        state.iterable.prev();
        if (state.overStream()) {
            traceStep(() -> trace.meetBackIterator(state.streamFoldId), text);
        }
    }

    private interface TraceStep {
        void run() throws TraceHandlerException;
    }

    private static void traceStep(TraceStep step, String instruction) throws ExecutionError {
        try {
            step.run();
        } catch (TraceHandlerException e) {
            throw ExecutionError.traceError(instruction, e.getMessage());
        }
    }
}
