package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.sede.CallRequestParams;

import dev.aurum.aquavm.sede.CallServiceResult;

import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.value.CanonStream;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything one run of the evaluator reads and changes, apart from the trace. */
final class ExecutionContext {

    /** A canon stream bound to a name, with the CID of its canon result (its provenance). */
    record CanonWithCid(CanonStream canon, String cid) {
    }

    final RunParameters params;
    final SparseMatrix<ValueAggregate> scalars = new SparseMatrix<>();
    final SparseMatrix<CanonWithCid> canonStreams = new SparseMatrix<>();
    final SparseMatrix<CanonMapWithCid> canonMaps = new SparseMatrix<>();
    final Map<String, FoldState> iterables = new HashMap<>();
    final Streams streams = new Streams();
    final Streams streamMaps = new Streams();
    final List<String> nextPeers = new ArrayList<>();
    final ErrorDescriptors errors = new ErrorDescriptors();
    final Map<String, CallServiceResult> callResults;
    final TreeMap<Long, CallRequestParams> callRequests = new TreeMap<>();
    final CidState cids;
    final PeerCidTracker peerCids;
    long lastCallRequestId;
    private boolean subgraphComplete = true;
    private int foldStreamCounter;

    ExecutionContext(RunParameters params, long prevLastCallRequestId, CidInfo prevCids, CidInfo currentCids,
                     Map<String, CallServiceResult> callResults) {
        this.params = params;
        this.lastCallRequestId = prevLastCallRequestId;
        this.cids = new CidState(prevCids, currentCids);
        this.callResults = new TreeMap<>(callResults);
        this.peerCids = new PeerCidTracker(params.currentPeerId());
    }

    boolean isSubgraphComplete() {
        return subgraphComplete;
    }

    void makeSubgraphIncomplete() {
        subgraphComplete = false;
    }

    void setSubgraphComplete(boolean complete) {
        subgraphComplete = complete;
    }

    int nextFoldStreamId() {
        return ++foldStreamCounter;
    }

    long nextCallRequestId() {
        lastCallRequestId = (lastCallRequestId + 1) & 0xFFFF_FFFFL; // a u32 in AquaVM
        return lastCallRequestId;
    }

    /** The scalar or iterator called {@code name}, following AquaVM's lookup rules. */
    Object scalarRef(String name) throws ExecutionError {
        boolean visible = scalars.visible(name);
        FoldState iterable = iterables.get(name);
        if (visible) {
            ValueAggregate v = scalars.value(name);
            if (v == null) {
                throw ExecutionError.notInitializedAfterNew(name);
            }
            // AquaVM asserts a name is never both a scalar and an iterator; the iterator wins here
            return iterable != null ? iterable : v;
        }
        if (iterable != null) {
            return iterable;
        }
        throw ExecutionError.variableNotFound(name);
    }

    CanonWithCid canonStream(String name) throws ExecutionError {
        if (!canonStreams.visible(name)) {
            throw ExecutionError.variableNotFound(name);
        }
        CanonWithCid c = canonStreams.value(name);
        if (c == null) {
            throw ExecutionError.notInitializedAfterNew(name);
        }
        return c;
    }

    CanonMapWithCid canonMap(String name) throws ExecutionError {
        if (!canonMaps.visible(name)) {
            throw ExecutionError.variableNotFound(name);
        }
        CanonMapWithCid c = canonMaps.value(name);
        if (c == null) {
            throw ExecutionError.notInitializedAfterNew(name);
        }
        return c;
    }

    void setIterable(String name, FoldState state) throws ExecutionError {
        if (iterables.containsKey(name)) {
            throw ExecutionError.uncatchable(ErrorKind.MULTIPLE_ITERABLE_VALUES,
                    "multiple iterable values found for iterable name '" + name + "'");
        }
        iterables.put(name, state);
    }

    FoldState iterable(String name) throws ExecutionError {
        FoldState s = iterables.get(name);
        if (s == null) {
            throw ExecutionError.uncatchable(ErrorKind.FOLD_STATE_NOT_FOUND,
                    "fold state not found for this iterable '" + name + "'");
        }
        return s;
    }

    void meetFoldStart() {
        scalars.meetFoldStart();
        canonStreams.meetFoldStart();
        canonMaps.meetFoldStart();
    }

    void meetFoldEnd() {
        scalars.meetFoldEnd();
        canonStreams.meetFoldEnd();
        canonMaps.meetFoldEnd();
    }

    void meetNextBefore() {
        scalars.meetNextBefore();
        canonStreams.meetNextBefore();
        canonMaps.meetNextBefore();
    }

    void meetNextAfter() {
        scalars.meetNextAfter();
        canonStreams.meetNextAfter();
        canonMaps.meetNextAfter();
    }
}
