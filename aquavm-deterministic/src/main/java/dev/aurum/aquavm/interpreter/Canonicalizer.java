package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.air.AirPrinter;
import dev.aurum.aquavm.air.AirValue;
import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.CanonResultCidAggregate;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.trace.TraceHandler;
import dev.aurum.aquavm.interpreter.trace.TraceHandlerException;
import dev.aurum.aquavm.interpreter.value.CanonStream;
import dev.aurum.aquavm.interpreter.value.Stream;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three {@code canon} forms. All merge a canon state: a recorded canon is rebuilt from the stores
 * (after checking its tetraplet), a canon for another peer forwards the particle, and a canon for this
 * peer snapshots the stream (or map) now.
 */
final class Canonicalizer {

    private final ExecutionContext ctx;
    private final TraceHandler trace;
    private final CallExecutor strings;

    Canonicalizer(ExecutionContext ctx, TraceHandler trace, CallExecutor strings) {
        this.ctx = ctx;
        this.trace = trace;
        this.strings = strings;
    }

    /** What to do with the canon once it exists. */
    private interface Epilog {
        void bind(CanonStream canon, String cid) throws ExecutionError;
    }

    /** How to snapshot the stream when this peer canonicalizes. */
    private interface Producer {
        CanonStream produce(String peer) throws ExecutionError;
    }

    void canonStream(Instruction.Canon c) throws ExecutionError {
        run(c, c.peerId(), peer -> {
            Stream s = ctx.streams.get(c.stream().name(), c.stream().span().left());
            return new CanonStream(s == null ? List.of() : s.values(), canonTetraplet(peer));
        }, (canon, cid) -> ctx.canonStreams.set(c.canonStream().name(), new ExecutionContext.CanonWithCid(canon, cid)));
    }

    void canonMap(Instruction.CanonMap c) throws ExecutionError {
        run(c, c.peerId(), peer -> {
            Stream s = ctx.streamMaps.get(c.streamMap().name(), c.streamMap().span().left());
            return new CanonStream(s == null ? List.of() : s.values(), canonTetraplet(peer));
        }, (canon, cid) -> ctx.canonMaps.set(c.canonStreamMap().name(), new CanonMapWithCid(canon, cid)));
    }

    void canonMapScalar(Instruction.CanonStreamMapScalar c) throws ExecutionError {
        run(c, c.peerId(), peer -> {
            // one literal value: an object of unique keys, the first pair of each key wins
            Stream s = ctx.streamMaps.get(c.streamMap().name(), c.streamMap().span().left());
            Map<String, JsonValue> object = new LinkedHashMap<>();
            if (s != null) {
                for (ValueAggregate pair : s.values()) {
                    if (pair.result() instanceof JsonObject o) {
                        MapKey key = MapKey.fromJson(o.get("key") == null ? null : o.get("key"));
                        JsonValue value = o.get("value");
                        if (key != null && value != null && !object.containsKey(key.text())) {
                            object.put(key.text(), value);
                        }
                    }
                }
            }
            ValueAggregate only = ValueAggregate.literal(new JsonObject(object), peer, 0);
            return new CanonStream(List.of(only), canonTetraplet(peer));
        }, (canon, cid) -> {
            if (canon.isEmpty()) {
                throw ExecutionError.uncatchable(ErrorKind.CANON_STREAM_MAP_ERROR,
                        "can not find JValue to produce scalar from");
            }
            SecurityTetraplet t = canon.tetraplet();
            ValueAggregate value = ValueAggregate.of(canon.values().get(0).result(),
                    new SecurityTetraplet(t.peerPk(), "", "", t.lens()), trace.tracePos(), new Provenance.Canon(cid));
            ctx.scalars.set(c.scalar().name(), value);
        });
    }

    private static SecurityTetraplet canonTetraplet(String peer) {
        return new SecurityTetraplet(peer, "", "", "");
    }

    private void run(Instruction instruction, AirValue.PeerIdValue peerValue, Producer producer, Epilog epilog)
            throws ExecutionError {
        CanonResult met;
        try {
            met = trace.meetCanonStart();
        } catch (TraceHandlerException e) {
            throw ExecutionError.traceError(AirPrinter.instruction(instruction), e.getMessage());
        }
        String current = ctx.params.currentPeerId();
        if (met instanceof CanonResult.Executed executed) {
            String peer = strings.resolveToString(peerValue);
            CanonResultCidAggregate agg = ctx.cids.canonResult(executed.canonResultCid());
            SecurityTetraplet stored = ctx.cids.tetraplet(agg.tetrapletCid());
            SecurityTetraplet expected = canonTetraplet(peer);
            if (!expected.equals(stored)) {
                throw ExecutionError.uncatchable(ErrorKind.INSTRUCTION_PARAMETERS_MISMATCH,
                        "canon tetraplet doesn't match expected parameters: expected "
                                + CallExecutor.debug(expected) + ", got " + CallExecutor.debug(stored) + " ");
            }
            List<ValueAggregate> values = new ArrayList<>(agg.valueCids().size());
            for (String elementCid : agg.valueCids()) {
                values.add(ctx.cids.canonElement(elementCid));
            }
            ctx.peerCids.register(stored.peerPk(), executed.canonResultCid());
            bind(new CanonStream(values, stored), executed.canonResultCid(), epilog);
            return;
        }
        String peer;
        if (met instanceof CanonResult.RequestSentBy) {
            peer = strings.resolveToString(peerValue);
            if (!current.equals(peer)) {
                ctx.makeSubgraphIncomplete();
                trace.meetCanonEnd(met);
                return;
            }
        } else {
            try {
                peer = strings.resolveToString(peerValue);
            } catch (ExecutionError e) {
                if (e.isJoinable()) {
                    ctx.makeSubgraphIncomplete();
                    return;
                }
                throw e;
            }
            if (!current.equals(peer)) {
                ctx.makeSubgraphIncomplete();
                ctx.nextPeers.add(peer);
                trace.meetCanonEnd(new CanonResult.RequestSentBy(current));
                return;
            }
        }
        CanonStream canon = producer.produce(peer);
        List<String> elementCids = new ArrayList<>(canon.size());
        for (ValueAggregate v : canon.values()) {
            elementCids.add(ctx.cids.trackCanonElement(v));
        }
        String cid = ctx.cids.trackCanonResult(canon.tetraplet(), elementCids);
        ctx.peerCids.register(canon.tetraplet().peerPk(), cid);
        bind(canon, cid, epilog);
    }

    private void bind(CanonStream canon, String cid, Epilog epilog) throws ExecutionError {
        epilog.bind(canon, cid);
        trace.meetCanonEnd(new CanonResult.Executed(cid));
    }
}
