package dev.aurum.verifier.attacks;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.sede.CallRequestParams;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.proofs.particle.ParticleHeader;
import dev.aurum.proofs.particle.ParticleSigning;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.InvokeRound;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.Check;
import org.bouncycastle.crypto.digests.SHA256Digest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Generates forged traces from an honest fork-join trace (the built-in {@code fork-join} scenario:
 * hop 0 client forks, 1 and 2 price providers, 3 the averaging peer waiting, 4 the averaging peer
 * computing, 5 the user). Every forgery is re-signed with the real keys wherever that helps it get
 * past the cheaper checks, so each one is caught by the check it targets.
 */
public final class AttackCorpus {

    private static final byte[] NO_CALL_RESULTS = {(byte) 0x81, 0x04, (byte) 0x80};
    private static final byte[] EMPTY = new byte[0];

    private AttackCorpus() {
    }

    /**
     * @param honest the honest fork-join trace
     * @param keys   every scenario peer's key, by PeerId (the forger holds them all)
     * @param engine used to compute forged data the way a dishonest peer would
     */
    public static List<Attack> forkJoin(SignedTrace honest, Map<String, KeyPair> keys, AquaVm engine) {
        requireShape(honest);
        Forger f = new Forger(honest, keys);
        ParticleHeader header = honest.particle();
        KeyPair mallory = KeyPair.forTestName("mallory");
        String malloryId = mallory.peerId().toString();
        Map<String, KeyPair> withMallory = new TreeMap<>(keys);
        withMallory.put(malloryId, mallory);
        Forger fm = new Forger(honest, withMallory);
        byte[] good = TraceCodec.encode(honest);
        List<Attack> out = new ArrayList<>();
        long ts = header.timestamp();

        // ---- bytes
        out.add(new Attack("truncated-cbor", "the encoded trace cut in half", Arrays.copyOf(good, good.length / 2),
                Check.DECODE, -1));
        out.add(new Attack("trailing-bytes", "a byte appended after the trace", Arrays.copyOf(good, good.length + 1),
                Check.DECODE, -1));
        byte[] longInt = new byte[good.length + 1];
        System.arraycopy(good, 0, longInt, 0, 3);
        longInt[3] = 0x18;
        longInt[4] = 0x01;
        System.arraycopy(good, 4, longInt, 5, good.length - 4);
        out.add(new Attack("non-canonical-integer", "the version written with a one-byte argument", longInt,
                Check.DECODE, -1));
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(2);
            hops.set(2, Forger.with(h, 2, "12D3KooW" + "x".repeat(200), h.from(), h.time(), h.incoming(), h.prev(),
                    h.rounds()));
            out.add(attack("oversized-peer-id", "a 208-character peer id", f.build(header, hops), Check.DECODE, -1));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(5);
            InvokeRound r = h.rounds().get(1);
            hops.set(5, Forger.withRound(h, 1, Forger.round(r, r.callResults(), r.retCode(), "e".repeat(70_000),
                    r.data(), r.callRequests(), r.nextPeers())));
            out.add(attack("oversized-error-message", "a 70,000-byte error message", f.build(header, hops),
                    Check.DECODE, -1));
        }

        // ---- header
        ParticleHeader otherScript = new ParticleHeader(header.id(), header.initPeerId(), ts, header.ttl(),
                header.script() + " ", header.signature());
        out.add(attack("header-script-altered", "a space appended to the script, signature kept",
                f.build(otherScript, honest.hops()), Check.HEADER_SIGNATURE, -1));
        ParticleHeader longerTtl = new ParticleHeader(header.id(), header.initPeerId(), ts, header.ttl() * 10,
                header.script(), header.signature());
        out.add(attack("header-ttl-extended", "ttl multiplied by ten, signature kept", f.build(longerTtl, honest.hops()),
                Check.HEADER_SIGNATURE, -1));
        out.add(attack("header-signature-truncated", "a 63-byte header signature",
                f.build(header.withSignature(Arrays.copyOf(header.signature(), 63)), honest.hops()),
                Check.HEADER_SIGNATURE, -1));
        ParticleHeader malloryHeader = ParticleSigning.sign(mallory, header.id(), ts, header.ttl(), header.script());
        out.add(attack("header-taken-over", "mallory signs the header as init peer; the hops stay the client's",
                fm.resign(malloryHeader, honest.hops(), 0), Check.INIT_HOP, 0));

        // ---- chain and signatures
        {
            List<Hop> hops = f.hops();
            Hop one = hops.get(1);
            hops.set(1, hops.get(2));
            hops.set(2, one);
            List<Hop> renumbered = new ArrayList<>();
            for (int i = 0; i < hops.size(); i++) {
                Hop h = hops.get(i);
                renumbered.add(new Hop(i, h.peer(), h.from(), h.time(), h.incoming(), h.prev(), h.rounds(), h.link(),
                        h.signature()));
            }
            out.add(attack("swapped-hops", "hops 1 and 2 swapped and renumbered", f.build(header, renumbered),
                    Check.HOP_CHAIN, 1));
        }
        {
            List<Hop> hops = f.hops();
            hops.remove(3);
            List<Hop> renumbered = new ArrayList<>();
            for (int i = 0; i < hops.size(); i++) {
                Hop h = hops.get(i);
                int from = h.from() > 3 ? h.from() - 1 : h.from();
                renumbered.add(new Hop(i, h.peer(), from, h.time(), h.incoming(), h.prev(), h.rounds(), h.link(),
                        h.signature()));
            }
            out.add(attack("dropped-hop", "hop 3 removed, later hops renumbered", f.build(header, renumbered),
                    Check.HOP_CHAIN, 3));
            out.add(attack("dropped-hop-resigned", "hop 3 removed and the chain re-signed with every key",
                    f.resign(header, renumbered, 3), Check.PREV_DATA, 3));
        }
        {
            // the chain links backwards, so a trace cut after hop 4 is internally consistent
            List<Hop> hops = f.hops();
            hops.remove(hops.size() - 1);
            out.add(attack("last-hop-cut-off", "the user's final hop removed; the averaging peer had named the user",
                    f.build(header, hops), Check.INCOMPLETE, 4));
        }
        {
            List<Hop> hops = f.hops();
            Hop three = hops.get(3);
            hops.set(3, hops.get(4));
            hops.set(4, three);
            out.add(attack("reordered-hops-resigned", "the averaging peer's two hops swapped, chain re-signed",
                    f.resign(header, hops, 3), Check.PREV_DATA, 3));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(2);
            hops.set(2, h.withSignature(f.key(hops.get(1).peer()).sign(
                    dev.aurum.proofs.trace.HopChain.signingMessage(h)).toRawBytes()));
            out.add(attack("wrong-signer", "hop 2 signed by the other provider's key", f.build(header, hops),
                    Check.HOP_SIGNATURE, 2));
        }
        {
            List<Hop> hops = f.hops();
            byte[] sig = hops.get(4).signature();
            sig[10] ^= 1;
            hops.set(4, hops.get(4).withSignature(sig));
            out.add(attack("signature-bit-flip", "one bit of hop 4's signature flipped", f.build(header, hops),
                    Check.HOP_SIGNATURE, 4));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(5);
            Hop replaced = Forger.with(h, 5, h.peer(), h.from(), h.time(), h.incoming(), h.prev(), h.rounds());
            replaced = replaced.withSignature(mallory.sign(dev.aurum.proofs.trace.HopChain.signingMessage(replaced))
                    .toRawBytes());
            hops.set(5, replaced);
            out.add(attack("hop-signed-by-outsider", "the user's hop signed by mallory", f.build(header, hops),
                    Check.HOP_SIGNATURE, 5));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(1);
            hops.set(1, Forger.with(h, 1, "not-a-peer-id", h.from(), h.time(), h.incoming(), h.prev(), h.rounds()));
            out.add(attack("malformed-peer-id", "hop 1's peer is not a PeerId", f.build(header, hops),
                    Check.HOP_SIGNATURE, 1));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(0);
            String p1 = hops.get(1).peer();
            hops.set(0, Forger.with(h, 0, p1, -1, h.time(), h.incoming(), h.prev(), h.rounds()));
            out.add(attack("first-hop-not-init", "hop 0 claimed by a provider", f.resign(header, hops, 0),
                    Check.INIT_HOP, 0));
        }

        // ---- particle identity
        {
            ParticleHeader otherId = ParticleSigning.sign(f.key(header.initPeerId()), header.id() + "-replayed", ts,
                    header.ttl(), header.script());
            out.add(attack("replayed-under-other-particle-id",
                    "the hops replayed under a new particle id (new header and hop signatures by every key)",
                    f.resign(otherId, honest.hops(), 0), Check.PEER_DATA_SIGNATURE, 0));
        }

        // ---- topology
        {
            List<Hop> hops = f.hops();
            Hop user = hops.get(5);
            Hop h = f.hop(1);
            hops.add(Forger.with(user, 6, h.peer(), 4, user.time(), user.incoming(), EMPTYH(f), user.rounds()));
            out.add(attack("delivery-to-peer-not-in-next-peers", "a provider receives the averaging peer's data",
                    f.resign(header, hops, 6), Check.TOPOLOGY, 6));
        }
        {
            List<Hop> hops = f.hops();
            Hop user = hops.get(5);
            hops.add(Forger.with(user, 6, user.peer(), 4, user.time(), user.incoming(), user.outData(), user.rounds()));
            out.add(attack("duplicate-delivery", "the user receives the same delivery twice",
                    f.resign(header, hops, 6), Check.TOPOLOGY, 6));
        }
        {
            List<Hop> hops = f.hops();
            Hop user = hops.get(5);
            hops.set(5, Forger.with(user, 5, user.peer(), 4, user.time(), hops.get(3).outData(), user.prev(),
                    user.rounds()));
            out.add(attack("incoming-data-not-sent", "the user's incoming data is not what hop 4 sent",
                    f.resign(header, hops, 5), Check.TOPOLOGY, 5));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(3);
            hops.set(3, Forger.with(h, 3, h.peer(), 5, h.time(), h.incoming(), h.prev(), h.rounds()));
            out.add(attack("delivery-from-the-future", "hop 3 claims delivery by hop 5", f.resign(header, hops, 3),
                    Check.TOPOLOGY, 3));
        }

        // ---- time
        {
            ParticleHeader shortTtl = ParticleSigning.sign(f.key(header.initPeerId()), header.id(), ts, 15,
                    header.script());
            out.add(attack("expired-ttl", "ttl 15 ms (properly signed): hops at +20 ms ran after expiry",
                    f.resign(shortTtl, honest.hops(), 0), Check.TTL, 3));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(3);
            hops.set(3, Forger.with(h, 3, h.peer(), h.from(), ts + 5, h.incoming(), h.prev(), h.rounds()));
            out.add(attack("hop-before-its-delivery", "hop 3 at +5 ms, before its sender ran at +10 ms",
                    f.resign(header, hops, 3), Check.TIMESTAMPS, 3));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(0);
            hops.set(0, Forger.with(h, 0, h.peer(), -1, ts - 1, h.incoming(), h.prev(), h.rounds()));
            out.add(attack("hop-before-particle", "hop 0 one millisecond before the particle timestamp",
                    f.resign(header, hops, 0), Check.TIMESTAMPS, 0));
        }

        // ---- prev data
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(4);
            hops.set(4, Forger.with(h, 4, h.peer(), h.from(), h.time(), h.incoming(), EMPTYH(f), h.rounds()));
            out.add(attack("forgotten-prev-data", "the averaging peer claims no prev data at its second hop",
                    f.resign(header, hops, 4), Check.PREV_DATA, 4));
        }

        // ---- call results
        {
            ContentHash fake = f.add(results(Map.of("1", new CallServiceResult(0, "99"))));
            List<Hop> hops = f.hops();
            Hop h = hops.get(1);
            InvokeRound r = h.rounds().get(1);
            hops.set(1, Forger.withRound(h, 1, Forger.round(r, fake, r.retCode(), r.errorMessage(), r.data(),
                    r.callRequests(), r.nextPeers())));
            out.add(attack("altered-call-result", "provider 1's price changed from 10 to 99 in its call results",
                    f.resign(header, hops, 1), Check.DATA, 1));
        }
        {
            ContentHash extra = f.add(results(Map.of("1", new CallServiceResult(0, "10"),
                    "7", new CallServiceResult(0, "1"))));
            List<Hop> hops = f.hops();
            Hop h = hops.get(1);
            InvokeRound r = h.rounds().get(1);
            hops.set(1, Forger.withRound(h, 1, Forger.round(r, extra, r.retCode(), r.errorMessage(), r.data(),
                    r.callRequests(), r.nextPeers())));
            out.add(attack("result-for-unrequested-call", "a result for call 7, which was never requested",
                    f.resign(header, hops, 1), Check.CALL_RESULTS, 1));
        }
        {
            ContentHash none = f.add(NO_CALL_RESULTS);
            List<Hop> hops = f.hops();
            Hop h = hops.get(4);
            InvokeRound r = h.rounds().get(1);
            hops.set(4, Forger.withRound(h, 1, Forger.round(r, none, r.retCode(), r.errorMessage(), r.data(),
                    r.callRequests(), r.nextPeers())));
            out.add(attack("missing-call-result", "the averaging call's result removed", f.resign(header, hops, 4),
                    Check.CALL_RESULTS, 4));
        }
        {
            ContentHash early = f.add(results(Map.of("1", new CallServiceResult(0, "10"))));
            List<Hop> hops = f.hops();
            Hop h = hops.get(1);
            InvokeRound r = h.rounds().get(0);
            hops.set(1, Forger.withRound(h, 0, Forger.round(r, early, r.retCode(), r.errorMessage(), r.data(),
                    r.callRequests(), r.nextPeers())));
            out.add(attack("results-before-request", "call results given to the first invoke of a hop",
                    f.resign(header, hops, 1), Check.CALL_RESULTS, 1));
        }

        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(3);
            List<InvokeRound> rounds = new ArrayList<>(h.rounds());
            rounds.add(h.rounds().get(0));
            hops.set(3, Forger.withRounds(h, rounds));
            out.add(attack("superfluous-round", "an extra invoke after a round that requested no calls",
                    f.resign(header, hops, 3), Check.CALL_RESULTS, 3));
        }

        // ---- replayed outcome
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(4);
            InvokeRound r = h.rounds().get(0);
            byte[] altered = alteredArguments(f.blob(r.callRequests()));
            ContentHash req = f.add(altered);
            hops.set(4, Forger.withRound(h, 0, Forger.round(r, r.callResults(), r.retCode(), r.errorMessage(), r.data(),
                    req, r.nextPeers())));
            out.add(attack("altered-arguments", "the averaging call's first argument changed in the call requests",
                    f.resign(header, hops, 4), Check.OUTCOME, 4));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(0);
            InvokeRound r = h.rounds().get(0);
            hops.set(0, Forger.withRound(h, 0, Forger.round(r, r.callResults(), r.retCode(), r.errorMessage(), r.data(),
                    r.callRequests(), List.of(r.nextPeers().get(0)))));
            out.add(attack("next-peer-dropped", "the client's outcome names only one provider",
                    f.resign(header, hops, 0), Check.OUTCOME, 0));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(5);
            InvokeRound r = h.rounds().get(1);
            hops.set(5, Forger.withRound(h, 1, Forger.round(r, r.callResults(), 10000, "forged failure", r.data(),
                    r.callRequests(), r.nextPeers())));
            out.add(attack("altered-ret-code", "the user's last round recorded as failed", f.resign(header, hops, 5),
                    Check.OUTCOME, 5));
        }
        {
            List<Hop> hops = f.hops();
            Hop h = hops.get(4);
            InvokeRound r0 = h.rounds().get(0);
            InvokeRound r1 = h.rounds().get(1);
            hops.set(4, Forger.withRound(h, 1, Forger.round(r1, r1.callResults(), r1.retCode(), r1.errorMessage(),
                    r0.data(), r1.callRequests(), r1.nextPeers())));
            // the user's incoming must follow, or topology would catch it first
            Hop user = hops.get(5);
            hops.set(5, Forger.with(user, 5, user.peer(), 4, user.time(), r0.data(), user.prev(), user.rounds()));
            out.add(attack("stale-resulting-data", "the averaging peer records its pre-call data as its result",
                    f.resign(header, hops, 4), Check.DATA, 4));
        }

        // ---- injected values (need the engine: a dishonest peer computes forged data)
        {
            Hop p1 = f.hop(1);
            byte[] forged = forgedPriceData(engine, header, p1.peer(), f.blob(f.hop(0).outData()), "99");
            List<Hop> hops = f.hops();
            Hop h0 = hops.get(0);
            hops.set(0, Forger.with(h0, 0, h0.peer(), -1, h0.time(), f.add(forged), h0.prev(), h0.rounds()));
            out.add(attack("injected-value-for-other-peer",
                    "the particle arrives carrying a price attributed to provider 1 but signed by mallory",
                    f.resign(header, hops, 0), Check.DATA_SIGNATURE, 0));
        }
        {
            Hop p1 = f.hop(1);
            byte[] forged = forgedPriceData(engine, header, p1.peer(), f.blob(f.hop(0).outData()), "99");
            List<Hop> hops = f.hops();
            InvokeRound r = p1.rounds().get(1);
            hops.set(1, Forger.withRound(p1, 1, Forger.round(r, f.add(results(Map.of("1",
                    new CallServiceResult(0, "99")))), r.retCode(), r.errorMessage(), f.add(forged),
                    r.callRequests(), r.nextPeers())));
            out.add(attack("injected-value-for-this-peer",
                    "provider 1's hop records data whose price is signed by another key",
                    f.resign(header, hops, 1), Check.DATA, 1));
        }
        return out;
    }

    private static ContentHash EMPTYH(Forger f) {
        return f.add(EMPTY);
    }

    private static Attack attack(String name, String description, SignedTrace forged, Check check, int hop) {
        return new Attack(name, description, TraceCodec.encode(forged), check, hop);
    }

    private static byte[] results(Map<String, CallServiceResult> results) {
        return CallResults.encode(new TreeMap<>(results));
    }

    /** The call requests with the first argument of every call replaced by 11. */
    private static byte[] alteredArguments(byte[] requests) {
        try {
            SortedMap<Long, CallRequestParams> decoded = CallRequests.decode(requests);
            TreeMap<Long, CallRequestParams> changed = new TreeMap<>();
            for (Map.Entry<Long, CallRequestParams> e : decoded.entrySet()) {
                CallRequestParams r = e.getValue();
                List<JsonValue> args = new ArrayList<>(r.arguments());
                args.set(0, JsonValue.of(11));
                changed.put(e.getKey(), new CallRequestParams(r.serviceId(), r.functionName(), args, r.tetraplets()));
            }
            return CallRequests.encode(changed);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("honest call requests do not decode", e);
        }
    }

    /**
     * What a dishonest peer produces when it runs a provider's hop under its own key: the price is
     * attributed to the provider (tetraplet) but signed by mallory.
     */
    private static byte[] forgedPriceData(AquaVm engine, ParticleHeader header, String providerId, byte[] incoming,
                                          String price) {
        RunParameters params = RunParameters.of(header.initPeerId(), providerId, header.timestamp(), header.ttl(),
                sha256("mallory"), header.id());
        InterpreterOutcome ask = engine.invoke(header.script(), EMPTY, incoming, params, NO_CALL_RESULTS);
        InterpreterOutcome answered = engine.invoke(header.script(), ask.data(), EMPTY, params,
                results(Map.of("1", new CallServiceResult(0, price))));
        if (!answered.isSuccess()) {
            throw new IllegalStateException("forging failed: " + answered.errorMessage());
        }
        return answered.data();
    }

    private static void requireShape(SignedTrace t) {
        List<Hop> h = t.hops();
        boolean ok = h.size() == 6 && h.get(0).rounds().size() == 1 && h.get(1).rounds().size() == 2
                && h.get(2).rounds().size() == 2 && h.get(3).rounds().size() == 1 && h.get(4).rounds().size() == 2
                && h.get(5).rounds().size() == 2 && h.get(3).peer().equals(h.get(4).peer())
                && h.get(0).nextPeers().size() == 2;
        if (!ok) {
            throw new IllegalArgumentException("not the fork-join trace shape the corpus is written for");
        }
    }

    private static byte[] sha256(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        SHA256Digest d = new SHA256Digest();
        d.update(in, 0, in.length);
        byte[] o = new byte[32];
        d.doFinal(o, 0);
        return o;
    }
}
