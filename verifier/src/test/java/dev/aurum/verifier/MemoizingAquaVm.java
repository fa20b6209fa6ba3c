package dev.aurum.verifier;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Test helper: AquaVm is a pure function, so identical invocations can share one outcome. The
 * attack corpus replays the same honest hops many times; this keeps the suite within minutes.
 */
final class MemoizingAquaVm implements AquaVm {

    private final AquaVm engine;
    private final Map<String, InterpreterOutcome> outcomes = new HashMap<>();

    MemoizingAquaVm(AquaVm engine) {
        this.engine = engine;
    }

    @Override
    public synchronized InterpreterOutcome invoke(String air, byte[] prevData, byte[] currentData, RunParameters params,
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

    private static String key(String air, byte[] prev, byte[] current, RunParameters p, byte[] results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {air.getBytes(StandardCharsets.UTF_8), prev, current, results,
            p.toString().getBytes(StandardCharsets.UTF_8), p.secretKeyBytes()}) {
            out.writeBytes(Integer.toString(part.length).getBytes(StandardCharsets.UTF_8));
            out.write(':');
            out.writeBytes(part);
        }
        byte[] all = out.toByteArray();
        SHA256Digest d = new SHA256Digest();
        d.update(all, 0, all.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return java.util.HexFormat.of().formatHex(h);
    }
}
