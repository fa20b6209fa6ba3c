package dev.aurum.verifier;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.PeerId;
import dev.aurum.aquavm.crypto.Sha256Digest;
import dev.aurum.aquavm.crypto.Signature;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.json.Utf8;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.proofs.particle.ParticleHeader;
import dev.aurum.proofs.particle.ParticleSigning;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.HopChain;
import dev.aurum.proofs.trace.InvokeRound;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Replays a signed particle trace hop by hop on an {@link AquaVm} engine and checks everything the
 * trace claims (see {@link Check} for the list, in order). Deterministic: no clock ("now" is a
 * parameter, by default the last hop's time), no randomness, no hash-order iteration.
 *
 * <p>The verifier has no peer's secret key, so it replays each hop with its own fixed key and
 * compares data up to the executing peer's signature entry ({@link DataDiff}); that signature is
 * then checked by an audit run, in which the engine verifies the hop's resulting data as received data.
 */
public final class TraceVerifier {

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NO_CALL_RESULTS = {(byte) 0x81, 0x04, (byte) 0x80};
    private static final ContentHash EMPTY_HASH = ContentHash.of(EMPTY);

    /** The verifier's own fixed key, derived once (a key derivation costs a scalar multiplication). */
    private static final byte[] REPLAY_SEED = Sha256Digest.hash(Utf8.encode("aurum/verifier/replay-key/v1"));
    private static final KeyPair REPLAY_KEY = KeyPair.fromSeed(REPLAY_SEED);

    private final AquaVm engine;
    /** The engine for replays: the Java engine skips signing data whose signature DataDiff drops anyway. */
    private final AquaVm replayEngine;
    private final byte[] replaySeed;
    private final EncodedPublicKey replayPublicKey;
    private final String auditorPeerId;

    public TraceVerifier(AquaVm engine) {
        this.engine = engine;
        this.replayEngine = engine instanceof JavaAquaVm java ? java.withoutOwnSignature() : engine;
        this.replaySeed = REPLAY_SEED.clone();
        this.replayPublicKey = EncodedPublicKey.of(REPLAY_KEY.publicKey().toFluenceBytes());
        this.auditorPeerId = REPLAY_KEY.peerId().toString();
    }

    /** Decodes and verifies, with "now" = the last hop's time. */
    public VerificationReport verify(byte[] encodedTrace) {
        return verify(encodedTrace, null);
    }

    /** Decodes and verifies; {@code now} null means the last hop's time. */
    public VerificationReport verify(byte[] encodedTrace, Long now) {
        SignedTrace trace;
        try {
            trace = TraceCodec.decode(encodedTrace);
        } catch (DecodeException e) {
            return undecodable(e, now);
        }
        return verify(trace, now, ContentHash.of(encodedTrace).hex());
    }

    /**
     * Verifies a trace object by its encoding, so it gets exactly the checks a file gets (a trace
     * built in memory may miss blobs or break bounds); {@code now} null means the last hop's time.
     */
    public VerificationReport verify(SignedTrace trace, Long now) {
        return verify(TraceCodec.encode(trace), now);
    }

    /**
     * Verifies a trace that is meant to be a prefix of the particle's whole trace (e.g. a proof
     * bundle's trace up to its golden hop): every check except {@link Check#INCOMPLETE}.
     */
    public VerificationReport verifyPrefix(SignedTrace trace, Long now) {
        byte[] encoded = TraceCodec.encode(trace);
        SignedTrace decoded;
        try {
            decoded = TraceCodec.decode(encoded);
        } catch (DecodeException e) {
            return undecodable(e, now);
        }
        return verify(decoded, now, ContentHash.of(encoded).hex(), false);
    }

    private VerificationReport undecodable(DecodeException e, Long now) {
        Failure f = new Failure(-1, "", -1, Check.DECODE, "", e.getMessage());
        return new VerificationReport(false, f, engine.name(), "", "", "", now == null ? 0 : now, List.of(), List.of());
    }

    private VerificationReport verify(SignedTrace trace, Long nowOrNull, String traceHash) {
        return verify(trace, nowOrNull, traceHash, true);
    }

    private VerificationReport verify(SignedTrace trace, Long nowOrNull, String traceHash, boolean complete) {
        long now = nowOrNull != null ? nowOrNull : defaultNow(trace);
        Run run = new Run(trace, now);
        Failure failure = run.header();
        List<HopReport> hops = new ArrayList<>();
        for (Hop hop : trace.hops()) {
            if (failure != null) {
                hops.add(report(hop, List.of(), HopReport.Status.NOT_CHECKED));
                continue;
            }
            List<CallSummary> calls = new ArrayList<>();
            failure = run.hop(hop, calls);
            hops.add(report(hop, calls, failure == null ? HopReport.Status.VERIFIED : HopReport.Status.FAILED));
        }
        if (failure == null && trace.hops().isEmpty()) {
            failure = new Failure(-1, "", -1, Check.INIT_HOP, "", "the trace has no hops");
        }
        if (failure == null && complete) {
            failure = run.completeness();
        }
        return new VerificationReport(failure == null, failure, engine.name(), traceHash, trace.particle().id(),
                trace.particle().initPeerId(), now, hops, participants(hops));
    }

    private static long defaultNow(SignedTrace trace) {
        long now = trace.particle().timestamp();
        for (Hop h : trace.hops()) {
            now = Math.max(now, h.time());
        }
        return now;
    }

    private static HopReport report(Hop hop, List<CallSummary> calls, HopReport.Status status) {
        return new HopReport(hop.index(), hop.peer(), hop.from(), hop.time(), hop.rounds().size(), hop.nextPeers(),
                calls, status);
    }

    private static List<Participant> participants(List<HopReport> hops) {
        LinkedHashMap<String, List<Integer>> hopsOf = new LinkedHashMap<>();
        LinkedHashMap<String, List<CallSummary>> callsOf = new LinkedHashMap<>();
        for (HopReport h : hops) {
            if (h.status() != HopReport.Status.VERIFIED) {
                continue;
            }
            hopsOf.computeIfAbsent(h.peer(), k -> new ArrayList<>()).add(h.index());
            callsOf.computeIfAbsent(h.peer(), k -> new ArrayList<>()).addAll(h.calls());
        }
        List<Participant> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : hopsOf.entrySet()) {
            out.add(new Participant(e.getKey(), e.getValue(), callsOf.get(e.getKey())));
        }
        return out;
    }

    /** The state of one verification: what earlier hops established. */
    private final class Run {
        private final SignedTrace trace;
        private final ParticleHeader particle;
        private final long now;
        /** peer → the data it ended its last hop with */
        private final TreeMap<String, ContentHash> lastOut = new TreeMap<>();
        /** parsed PeerIds (parsing checks the key is a curve point, which costs a decompression) */
        private final TreeMap<String, PeerId> peerIds = new TreeMap<>();
        /** "from → peer" deliveries already consumed, with the consuming hop */
        private final TreeMap<String, Integer> consumed = new TreeMap<>();

        Run(SignedTrace trace, long now) {
            this.trace = trace;
            this.particle = trace.particle();
            this.now = now;
        }

        Failure header() {
            PeerId initPeer;
            try {
                initPeer = peer(particle.initPeerId());
            } catch (DecodeException e) {
                initPeer = null;
            }
            ParticleSigning.Problem p = initPeer == null ? ParticleSigning.Problem.BAD_INIT_PEER_ID
                    : ParticleSigning.check(particle, initPeer);
            return switch (p) {
                case NONE -> null;
                case BAD_INIT_PEER_ID -> new Failure(-1, particle.initPeerId(), -1, Check.HEADER_SIGNATURE, "",
                        "init peer id is not a valid Ed25519 PeerId");
                case MALFORMED_SIGNATURE -> new Failure(-1, particle.initPeerId(), -1, Check.HEADER_SIGNATURE, "",
                        "header signature is not 64 bytes");
                case SIGNATURE_MISMATCH -> new Failure(-1, particle.initPeerId(), -1, Check.HEADER_SIGNATURE, "",
                        "header signature does not verify with the init peer's key (id, timestamp, ttl or script altered?)");
            };
        }

        Failure hop(Hop hop, List<CallSummary> calls) {
            int i = hop.index();
            String peer = hop.peer();
            // who may run this hop
            if (i == 0 && (!peer.equals(particle.initPeerId()) || hop.from() != -1)) {
                return fail(hop, -1, Check.INIT_HOP, "", "hop 0 must be the init peer " + particle.initPeerId()
                        + " executing the particle, found " + peer + (hop.from() >= 0 ? " delivered by hop " + hop.from() : ""));
            }
            // chain and signature
            ContentHash expectedLink = HopChain.expectedLink(particle, trace.hops(), i);
            if (!hop.link().equals(expectedLink)) {
                return fail(hop, -1, Check.HOP_CHAIN, "", "link " + hop.link().shortHex() + " is not the hash of "
                        + (i == 0 ? "the particle header" : "hop " + (i - 1)) + " (" + expectedLink.shortHex()
                        + "): hops were reordered, dropped, inserted or replaced");
            }
            PeerId peerId;
            try {
                peerId = peer(peer);
            } catch (DecodeException e) {
                return fail(hop, -1, Check.HOP_SIGNATURE, "", "peer id is not a valid Ed25519 PeerId: " + e.getMessage());
            }
            Signature sig;
            try {
                sig = Signature.fromRawBytes(hop.signature());
            } catch (DecodeException e) {
                return fail(hop, -1, Check.HOP_SIGNATURE, "", "signature is not 64 bytes");
            }
            if (!peerId.publicKey().verify(HopChain.signingMessage(hop), sig)) {
                return fail(hop, -1, Check.HOP_SIGNATURE, "", "hop record is not signed by " + peer);
            }
            // topology
            if (i > 0) {
                if (hop.from() < 0 || hop.from() >= i) {
                    return fail(hop, -1, Check.TOPOLOGY, "", hop.from() < 0
                            ? "only the first hop may start without a delivery"
                            : "delivered by hop " + hop.from() + ", which is not an earlier hop");
                }
                Hop sender = trace.hops().get(hop.from());
                if (!sender.nextPeers().contains(peer)) {
                    return fail(hop, -1, Check.TOPOLOGY, "", "hop " + sender.index() + " (" + sender.peer()
                            + ") did not name " + peer + " as a next peer; it named " + sender.nextPeers());
                }
                if (!hop.incoming().equals(sender.outData())) {
                    return fail(hop, -1, Check.TOPOLOGY, "", "received data " + hop.incoming().shortHex()
                            + " is not the data hop " + sender.index() + " sent (" + sender.outData().shortHex() + ")");
                }
                String delivery = hop.from() + "->" + peer;
                Integer earlier = consumed.put(delivery, i);
                if (earlier != null) {
                    return fail(hop, -1, Check.TOPOLOGY, "", "the delivery from hop " + hop.from()
                            + " to this peer was already received at hop " + earlier);
                }
            }
            // time
            if (hop.time() < particle.timestamp()) {
                return fail(hop, -1, Check.TIMESTAMPS, "", "hop time " + hop.time() + " is before the particle timestamp "
                        + particle.timestamp());
            }
            if (i > 0 && hop.time() < trace.hops().get(hop.from()).time()) {
                return fail(hop, -1, Check.TIMESTAMPS, "", "hop time " + hop.time() + " is before the time "
                        + trace.hops().get(hop.from()).time() + " of the hop that sent it");
            }
            if (hop.time() > now) {
                return fail(hop, -1, Check.TIMESTAMPS, "", "hop time " + hop.time() + " is after now (" + now + ")");
            }
            if (particle.isExpiredAt(hop.time())) {
                return fail(hop, -1, Check.TTL, "", "particle expired at " + particle.deadline() + " (timestamp "
                        + particle.timestamp() + " + ttl " + particle.ttl() + "), hop ran at " + hop.time());
            }
            // prev data
            ContentHash expectedPrev = lastOut.getOrDefault(peer, EMPTY_HASH);
            if (!hop.prev().equals(expectedPrev)) {
                return fail(hop, -1, Check.PREV_DATA, "", "prev data " + hop.prev().shortHex() + " is not what "
                        + "the peer produced at its previous hop (" + expectedPrev.shortHex() + ")");
            }
            // rounds
            EncodedPublicKey peerKey = EncodedPublicKey.of(peerId.publicKey().toFluenceBytes());
            RunParameters params = RunParameters.of(particle.initPeerId(), peer, particle.timestamp(), particle.ttl(),
                    replaySeed, particle.id());
            SortedMap<Long, CallRequestParams> pending = new TreeMap<>();
            for (int k = 0; k < hop.rounds().size(); k++) {
                InvokeRound round = hop.rounds().get(k);
                byte[] results = trace.blob(round.callResults());
                Failure f = checkCallResults(hop, k, results, pending, calls);
                if (f != null) {
                    return f;
                }
                byte[] prev = k == 0 ? trace.blob(hop.prev()) : trace.blob(hop.rounds().get(k - 1).data());
                byte[] current = k == 0 ? trace.blob(hop.incoming()) : EMPTY;
                InterpreterOutcome replay;
                try {
                    replay = roundEngine(trace.blob(round.data()), peerKey)
                            .invoke(particle.script(), prev, current, params, results);
                } catch (RuntimeException e) {
                    return fail(hop, k, Check.ENGINE, "", "the " + engine.name() + " engine failed: " + e.getMessage());
                }
                f = compare(hop, k, round, replay, peerKey);
                if (f != null) {
                    return f;
                }
                try {
                    pending = CallRequests.decode(trace.blob(round.callRequests()));
                } catch (DecodeException e) {
                    return fail(hop, k, Check.OUTCOME, "", "recorded call requests do not decode: " + e.getMessage());
                }
            }
            Failure audit = audit(hop);
            if (audit != null) {
                return audit;
            }
            lastOut.put(peer, hop.outData());
            return null;
        }

        /**
         * The engine that replays a round: the Java engine copies the peer's signature from the
         * recorded data (instead of signing with the verifier's key), so an honest round's replay has
         * exactly the recorded bytes; the data diff would take that entry from the recorded data anyway.
         */
        private AquaVm roundEngine(byte[] recordedData, EncodedPublicKey peerKey) {
            if (engine instanceof JavaAquaVm java) {
                EncodedSignature recorded = java.signatureIn(recordedData, peerKey);
                return recorded == null ? replayEngine : java.withRecordedSignature(peerKey, recorded);
            }
            return replayEngine;
        }

        /** Parses a peer id once per run, and hands its key to the Java engine, which meets it in data. */
        private PeerId peer(String text) throws DecodeException {
            PeerId id = peerIds.get(text);
            if (id == null) {
                id = PeerId.parse(text);
                peerIds.put(text, id);
                if (engine instanceof JavaAquaVm java) {
                    java.rememberKey(id.publicKey());
                }
            }
            return id;
        }

        /**
         * Every delivery an outcome named must have a hop, unless the particle had expired by "now"
         * (a delivery after the deadline is dropped, and nothing can run afterwards). Hops chain
         * backwards, so cutting off the last hops leaves a consistent chain: only this finds it.
         */
        Failure completeness() {
            if (particle.isExpiredAt(now)) {
                return null;
            }
            for (Hop hop : trace.hops()) {
                for (String next : hop.nextPeers()) {
                    if (!consumed.containsKey(hop.index() + "->" + next)) {
                        return fail(hop, hop.rounds().size() - 1, Check.INCOMPLETE, "", "hop " + hop.index()
                                + " sent the particle to " + next + ", which recorded no hop, and the particle was "
                                + "still live at " + now + " (deadline " + particle.deadline()
                                + "): the trace is incomplete (hops cut off, or still in flight)");
                    }
                }
            }
            return null;
        }

        /** Round 0 gets no results; round k gets exactly one result per call requested in round k-1. */
        private Failure checkCallResults(Hop hop, int k, byte[] results, SortedMap<Long, CallRequestParams> requested,
                                         List<CallSummary> calls) {
            if (k == 0) {
                return Arrays.equals(results, NO_CALL_RESULTS) ? null
                        : fail(hop, 0, Check.CALL_RESULTS, "", "the first invoke of a hop must get no call results");
            }
            if (requested.isEmpty()) {
                return fail(hop, k, Check.CALL_RESULTS, "", "round " + (k - 1)
                        + " requested no calls, so the hop must end there (AquaVM host protocol)");
            }
            SortedMap<String, CallServiceResult> answers;
            try {
                answers = CallResults.decode(results);
            } catch (DecodeException e) {
                return fail(hop, k, Check.CALL_RESULTS, "", "call results do not decode: " + e.getMessage());
            }
            if (!Arrays.equals(results, CallResults.encode(answers))) {
                return fail(hop, k, Check.CALL_RESULTS, "", "call results are not canonically encoded");
            }
            for (String id : answers.keySet()) {
                Long numeric = parseCallId(id);
                if (numeric == null || !requested.containsKey(numeric)) {
                    return fail(hop, k, Check.CALL_RESULTS, "", "result for call id " + id
                            + " which the previous round did not request");
                }
            }
            for (Map.Entry<Long, CallRequestParams> e : requested.entrySet()) {
                CallServiceResult answer = answers.get(Long.toString(e.getKey()));
                CallRequestParams req = e.getValue();
                if (answer == null) {
                    return fail(hop, k, Check.CALL_RESULTS, describe(req), "no result for requested call " + e.getKey());
                }
                calls.add(new CallSummary(hop.index(), hop.peer(), e.getKey(), req.serviceId(), req.functionName(),
                        JsonWriter.toCompactString(new JsonArray(req.arguments())), answer.retCode(), answer.result()));
            }
            return null;
        }

        private Failure compare(Hop hop, int k, InvokeRound recorded, InterpreterOutcome replay, EncodedPublicKey peerKey) {
            String instruction = instructionIn(replay.errorMessage());
            if (replay.retCode() != recorded.retCode()) {
                return fail(hop, k, classify(replay.retCode()), instruction, "replay gives ret code " + replay.retCode()
                        + (replay.errorMessage().isEmpty() ? "" : " (" + firstLine(replay.errorMessage()) + ")")
                        + ", the hop recorded " + recorded.retCode());
            }
            if (!replay.errorMessage().equals(recorded.errorMessage())) {
                return fail(hop, k, Check.OUTCOME, instruction, "error message differs from the replay: recorded \""
                        + firstLine(recorded.errorMessage()) + "\", replayed \"" + firstLine(replay.errorMessage()) + "\"");
            }
            List<String> next = List.copyOf(new java.util.TreeSet<>(replay.nextPeerPks()));
            if (!next.equals(recorded.nextPeers())) {
                return fail(hop, k, Check.OUTCOME, instruction, "next peers differ from the replay: recorded "
                        + recorded.nextPeers() + ", replayed " + next);
            }
            int flags = (replay.airSizeLimitExceeded() ? InvokeRound.AIR_SIZE_LIMIT_EXCEEDED : 0)
                    | (replay.particleSizeLimitExceeded() ? InvokeRound.PARTICLE_SIZE_LIMIT_EXCEEDED : 0)
                    | (replay.callResultSizeLimitExceeded() ? InvokeRound.CALL_RESULT_SIZE_LIMIT_EXCEEDED : 0);
            if (flags != recorded.limitFlags()) {
                return fail(hop, k, Check.OUTCOME, instruction, "size-limit flags differ: recorded "
                        + recorded.limitFlags() + ", replayed " + flags);
            }
            if (!Arrays.equals(replay.callRequests(), trace.blob(recorded.callRequests()))) {
                String[] diff = requestsDifference(trace.blob(recorded.callRequests()), replay.callRequests());
                return fail(hop, k, Check.OUTCOME, instruction.isEmpty() ? diff[0] : instruction,
                        "call requests differ from the replay: " + diff[1]);
            }
            byte[] recordedData = trace.blob(recorded.data());
            // an honest hop replayed with its recorded signature gives the same bytes (Java engine)
            String diff = Arrays.equals(recordedData, replay.data()) ? null
                    : DataDiff.difference(recordedData, replay.data(), replayPublicKey, peerKey);
            if (diff != null) {
                return fail(hop, k, Check.DATA, instruction, diff);
            }
            return null;
        }

        /**
         * The engine verifies received data (CID stores, every peer's signature) before it runs. Feeding
         * the hop's resulting data to a fresh run as received data checks the peer's own new signature,
         * which no later hop may check (e.g. on the last hop).
         */
        private Failure audit(Hop hop) {
            byte[] out = trace.blob(hop.outData());
            if (out.length == 0) {
                return null;
            }
            RunParameters auditor = RunParameters.of(particle.initPeerId(), auditorPeerId,
                    particle.timestamp(), particle.ttl(), replaySeed, particle.id());
            long retCode;
            String message;
            try {
                if (engine instanceof JavaAquaVm java) {
                    // the checks of received data alone: running the script again adds nothing here
                    JavaAquaVm.DataCheck c = java.checkReceivedData(particle.script(), out, auditor);
                    retCode = c.retCode();
                    message = c.errorMessage();
                } else {
                    InterpreterOutcome o = engine.invoke(particle.script(), EMPTY, out, auditor, NO_CALL_RESULTS);
                    retCode = o.retCode();
                    message = o.errorMessage();
                }
            } catch (RuntimeException e) {
                return fail(hop, hop.rounds().size() - 1, Check.ENGINE, "", "the " + engine.name()
                        + " engine failed on the audit run: " + e.getMessage());
            }
            if (retCode == 8 || retCode == 9) {
                Check c = retCode == 8 ? Check.CID_STORE : Check.PEER_DATA_SIGNATURE;
                return fail(hop, hop.rounds().size() - 1, c, instructionIn(message),
                        "the hop's resulting data does not verify: " + firstLine(message));
            }
            return null;
        }

        private Failure fail(Hop hop, int round, Check check, String instruction, String reason) {
            return new Failure(hop.index(), hop.peer(), round, check, instruction, reason);
        }
    }

    private static Check classify(long replayRetCode) {
        if (replayRetCode == 8) {
            return Check.CID_STORE;
        }
        if (replayRetCode == 9) {
            return Check.DATA_SIGNATURE;
        }
        if (replayRetCode == 20017) {
            return Check.ARGUMENTS;
        }
        if (replayRetCode == 20000) {
            return Check.TRACE_MERGE;
        }
        return Check.OUTCOME;
    }

    /** {instruction, reason}: the first call whose request differs, and how. */
    private static String[] requestsDifference(byte[] recorded, byte[] replayed) {
        try {
            SortedMap<Long, CallRequestParams> a = CallRequests.decode(recorded);
            SortedMap<Long, CallRequestParams> b = CallRequests.decode(replayed);
            if (!a.keySet().equals(b.keySet())) {
                return new String[] {"", "recorded call ids " + a.keySet() + ", replayed " + b.keySet()};
            }
            for (Map.Entry<Long, CallRequestParams> e : a.entrySet()) {
                CallRequestParams replayedCall = b.get(e.getKey());
                if (!e.getValue().equals(replayedCall)) {
                    return new String[] {"call " + e.getKey() + " " + describe(replayedCall), "call " + e.getKey()
                            + ": recorded " + describe(e.getValue()) + ", replayed " + describe(replayedCall)};
                }
            }
            return new String[] {"", "same calls, different encoding"};
        } catch (DecodeException e) {
            return new String[] {"", "recorded call requests do not decode: " + e.getMessage()};
        }
    }

    static String describe(CallRequestParams r) {
        return r.serviceId() + "." + r.functionName() + JsonWriter.toCompactString(new JsonArray(r.arguments()));
    }

    /** AquaVM names the failing instruction as {@code on instruction '...'}; empty if absent. */
    static String instructionIn(String message) {
        int at = message.indexOf("instruction '");
        if (at < 0) {
            return "";
        }
        int start = at + "instruction '".length();
        int end = message.indexOf('\'', start);
        return end < 0 ? "" : message.substring(start, end);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static Long parseCallId(String id) {
        if (id.isEmpty() || id.length() > 10) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9' || (c == '0' && i == 0 && id.length() > 1)) {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 0xFFFF_FFFFL ? v : null;
    }
}
