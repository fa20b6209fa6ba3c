package dev.aurum.aquavm.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.air.RandomAirGenerator;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Bounded, seeded fuzzing of the byte inputs (data envelopes, call results) and of scripts: invoke must
 * never throw, preparation errors must keep prev data, and equal inputs must give equal outputs.
 */
class JavaAquaVmFuzzTest {

    private static final String AIR = "(seq (call %init_peer_id% (\"s\" \"f\") [\"a\"] x)"
            + " (par (ap x $s) (seq (canon %init_peer_id% $s #cs) (call %init_peer_id% (\"s\" \"f\") [#cs] y))))";
    private final JavaAquaVm vm = new JavaAquaVm();
    private final TestNetwork net = new TestNetwork(vm, (p, r) -> CallServiceResult.ok("[1,{\"k\":\"v\"}]"), "alice");

    private RunParameters params() {
        return net.params(net.peerId("alice"), "alice");
    }

    private byte[] validData() {
        net.run("alice", AIR, 10);
        return net.data("alice");
    }

    @Test
    void mutatedDataNeverThrowsAndKeepsPrevOnPreparationErrors() {
        byte[] valid = validData();
        assertTrue(valid.length > 100);
        Random rnd = new Random(424242);
        byte[] noResults = CallResults.encode(new TreeMap<>());
        byte[] prev = new byte[0];
        int preparationErrors = 0;
        for (int i = 0; i < 300; i++) {
            byte[] current = mutate(valid, rnd);
            InterpreterOutcome out = vm.invoke(AIR, prev, current, params(), noResults);
            if (out.retCode() > 0 && out.retCode() < 10000) {
                preparationErrors++;
                assertArrayEquals(prev, out.data());
                assertEquals(0, out.nextPeerPks().size());
            }
        }
        assertTrue(preparationErrors > 100, "mutations should mostly be rejected: " + preparationErrors);
    }

    @Test
    void mutatedCallResultsNeverThrow() {
        Random rnd = new Random(777);
        byte[] valid = CallResults.encode(new TreeMap<>(Map.of("1", CallServiceResult.ok("{\"a\":[1,2.5,null]}"),
                "2", new CallServiceResult(3, "err"))));
        InterpreterOutcome first = vm.invoke(AIR, new byte[0], new byte[0], params(), CallResults.encode(new TreeMap<>()));
        for (int i = 0; i < 300; i++) {
            InterpreterOutcome out = vm.invoke(AIR, first.data(), new byte[0], params(), mutate(valid, rnd));
            assertTrue(out.retCode() >= 0);
        }
    }

    @Test
    void randomScriptsNeverThrowAndAreDeterministic() {
        RandomAirGenerator generator = new RandomAirGenerator(99, 6, 40);
        byte[] noResults = CallResults.encode(new TreeMap<>());
        for (int i = 0; i < 300; i++) {
            String air = i % 3 == 0 ? generator.broken() : generator.wellFormed();
            InterpreterOutcome a = vm.invoke(air, new byte[0], new byte[0], params(), noResults);
            InterpreterOutcome b = vm.invoke(air, new byte[0], new byte[0], params(), noResults);
            assertEquals(a, b, air);
        }
    }

    private static byte[] mutate(byte[] valid, Random rnd) {
        byte[] b = Arrays.copyOf(valid, valid.length);
        switch (rnd.nextInt(4)) {
            case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> {
                for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
            default -> {
                int at = rnd.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + rnd.nextInt(16));
                for (int k = 0; k < len; k++) {
                    b[at + k] = (byte) 0xFF;
                }
            }
        }
        return b;
    }
}
