package dev.aurum.verifier.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.trace.ContentHash;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.InvokeRound;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded random forgeries, re-signed with the real keys so they reach the engine replay: the
 * verifier must give a verdict (never throw) and accept only the unmodified trace. Bounded: each
 * iteration replays hops on avm.wasm.
 */
class VerifierRobustnessTest {

    private static final int ITERATIONS = 24;

    @Test
    void randomResignedForgeriesGetVerdictsNotExceptions() {
        Scenario s = BuiltinScenarios.load("chain");
        SignedTrace honest = s.run(TestEngine.MEMO).trace();
        Map<String, KeyPair> keys = new TreeMap<>();
        for (PeerIdentity id : s.identities().values()) {
            keys.put(id.peerId().toString(), id.keys());
        }
        Forger f = new Forger(honest, keys);
        List<ContentHash> blobs = honest.blobs().hashes();
        ContentHash garbage = f.add(new byte[] {(byte) 0x81, 0x04, (byte) 0xff, 0x00});
        TraceVerifier verifier = new TraceVerifier(TestEngine.MEMO);
        Random random = new Random(0xf00dL);
        byte[] honestBytes = TraceCodec.encode(honest);
        java.util.TreeSet<dev.aurum.verifier.Check> seen = new java.util.TreeSet<>();
        for (int i = 0; i < ITERATIONS; i++) {
            List<Hop> hops = f.hops();
            int at = random.nextInt(hops.size());
            Hop h = hops.get(at);
            ContentHash pick = random.nextInt(5) == 0 ? garbage : blobs.get(random.nextInt(blobs.size()));
            int k = random.nextInt(h.rounds().size());
            InvokeRound r = h.rounds().get(k);
            Hop mutated = switch (random.nextInt(8)) {
                case 0 -> Forger.with(h, at, h.peer(), h.from(), h.time(), pick, h.prev(), h.rounds());
                case 1 -> Forger.with(h, at, h.peer(), h.from(), h.time(), h.incoming(), pick, h.rounds());
                case 2 -> Forger.withRound(h, k, Forger.round(r, pick, r.retCode(), r.errorMessage(), r.data(),
                        r.callRequests(), r.nextPeers()));
                case 3 -> Forger.withRound(h, k, Forger.round(r, r.callResults(), r.retCode(), r.errorMessage(), pick,
                        r.callRequests(), r.nextPeers()));
                case 4 -> Forger.withRound(h, k, Forger.round(r, r.callResults(), r.retCode(), r.errorMessage(), r.data(),
                        pick, r.nextPeers()));
                case 5 -> Forger.withRound(h, k, Forger.round(r, r.callResults(), random.nextInt(30_001) - 1,
                        r.errorMessage(), r.data(), r.callRequests(), r.nextPeers()));
                case 6 -> Forger.with(h, at, h.peer(), random.nextInt(hops.size() + 1) - 1, h.time(), h.incoming(),
                        h.prev(), h.rounds());
                default -> Forger.with(h, at, h.peer(), h.from(), h.time() + random.nextInt(200_000) - 100_000,
                        h.incoming(), h.prev(), h.rounds());
            };
            hops.set(at, mutated);
            SignedTrace forged = f.resign(honest.particle(), hops, at);
            byte[] bytes = TraceCodec.encode(forged);
            VerificationReport report = verifier.verify(bytes);
            if (report.valid()) {
                assertArrayEquals(honestBytes, bytes, "iteration " + i + ": a changed trace was accepted");
            } else {
                assertFalse(report.failure().reason().isEmpty());
                seen.add(report.failure().check());
            }
        }
        // the forgeries reach different checks, replay included
        org.junit.jupiter.api.Assertions.assertTrue(seen.size() >= 4, "checks reached: " + seen);
    }
}
