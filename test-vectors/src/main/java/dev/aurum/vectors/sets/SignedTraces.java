package dev.aurum.vectors.sets;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.proofs.runtime.MemoizingAquaVm;
import dev.aurum.vectors.VectorContext;
import dev.aurum.vectors.VectorSet;
import dev.aurum.vectors.scenario.ScenarioCatalog;
import dev.aurum.verifier.Failure;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.VerificationReport;
import dev.aurum.verifier.attacks.Attack;
import dev.aurum.verifier.attacks.AttackCorpus;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code traces/}: the signed particle trace of every scenario (honest), the attack corpus forged from
 * the fork-join trace, and {@code traces/verdicts.jsonl}: what the verifier on the reference engine says
 * about each, next to the verdict the trace was made to get.
 */
public final class SignedTraces implements VectorSet {

    public static final String DIRECTORY = "traces/";
    public static final String VERDICTS = DIRECTORY + "verdicts.jsonl";
    /** The scenario the attack corpus is forged from. */
    static final String ATTACKED = "fork-join";

    @Override
    public String name() {
        return "traces";
    }

    @Override
    public String description() {
        return "signed particle traces (honest, one per scenario, and the fork-join attack corpus) with their verdicts";
    }

    @Override
    public SortedMap<String, byte[]> generate(VectorContext context) {
        AquaVm engine = new MemoizingAquaVm(context.reference());
        TraceVerifier verifier = new TraceVerifier(engine);
        TreeMap<String, byte[]> files = new TreeMap<>();
        JsonLines verdicts = new JsonLines();
        for (String s : ScenarioCatalog.names()) {
            String path = DIRECTORY + "honest/" + s + ".trace";
            byte[] bytes = TraceCodec.encode(context.recorded(s).run().trace());
            files.put(path, bytes);
            verdictLine(verdicts, path, "honest", verifier.verify(bytes), true, "", -1);
        }
        Scenario attacked = ScenarioCatalog.load(ATTACKED);
        SignedTrace honest = context.recorded(ATTACKED).run().trace();
        TreeMap<String, KeyPair> keys = new TreeMap<>();
        for (PeerIdentity id : attacked.identities().values()) {
            keys.put(id.peerId().toString(), id.keys());
        }
        List<Attack> corpus = AttackCorpus.forkJoin(honest, keys, engine);
        for (Attack a : corpus) {
            String path = DIRECTORY + "attacks/" + a.name() + ".trace";
            if (files.put(path, a.trace()) != null) {
                throw new IllegalStateException("two attacks are named " + a.name());
            }
            verdictLine(verdicts, path, "attack", verifier.verify(a.trace()), false, a.expectedCheck().name(),
                    a.expectedHop());
        }
        files.put(VERDICTS, verdicts.bytes());
        return files;
    }

    private static void verdictLine(JsonLines lines, String path, String kind, VerificationReport r,
                                    boolean expectedValid, String expectedCheck, int expectedHop) {
        Failure f = r.failure();
        lines.line("file", path, "kind", kind, "engine", r.engine(), "trace_sha256", r.traceHash(),
                "valid", r.valid(), "check", f == null ? "" : f.check().name(), "hop", f == null ? -1 : f.hop(),
                "round", f == null ? -1 : f.round(), "reason", f == null ? "" : f.reason(),
                "expected_valid", expectedValid, "expected_check", expectedCheck, "expected_hop", expectedHop);
    }
}
