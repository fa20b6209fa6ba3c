package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * An AquaVM invoke is a pure function of its inputs, so identical invokes can share one outcome. The
 * trace verifier replays the same honest hops for every forged trace, and benchmarks use it to measure
 * the verifier without the engine's cost. The key is SHA-256 over every input (length-prefixed), so
 * its cost is paid on every call. Not thread-safe.
 */
public final class MemoizingAquaVm implements AquaVm {

    private final AquaVm engine;
    private final TreeMap<String, InterpreterOutcome> outcomes = new TreeMap<>();

    public MemoizingAquaVm(AquaVm engine) {
        this.engine = engine;
    }

    @Override
    public InterpreterOutcome invoke(String air, byte[] prevData, byte[] currentData, RunParameters params,
                                     byte[] callResults) {
        String key = key(air, prevData, currentData, params, callResults);
        InterpreterOutcome o = outcomes.get(key);
        if (o == null) {
            o = engine.invoke(air, prevData, currentData, params, callResults);
            outcomes.put(key, o);
        }
        return o;
    }

    @Override
    public String name() {
        return engine.name();
    }

    /** SHA-256 over every input, each length-prefixed so that no two input tuples share a key. */
    private static String key(String air, byte[] prev, byte[] current, RunParameters p, byte[] results) {
        SHA256Digest d = new SHA256Digest();
        add(d, air.getBytes(StandardCharsets.UTF_8));
        add(d, prev);
        add(d, current);
        add(d, results);
        add(d, (p.initPeerId() + "\n" + p.currentPeerId() + "\n" + p.timestamp() + "\n" + p.ttl() + "\n"
                + p.keyFormat() + "\n" + p.particleId() + "\n" + p.airSizeLimit() + "\n" + p.particleSizeLimit()
                + "\n" + p.callResultSizeLimit() + "\n" + p.hardLimitEnabled()).getBytes(StandardCharsets.UTF_8));
        add(d, p.secretKeyBytes());
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return org.bouncycastle.util.encoders.Hex.toHexString(out);
    }

    private static void add(SHA256Digest d, byte[] b) {
        int n = b.length;
        d.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n}, 0, 4);
        d.update(b, 0, n);
    }
}
