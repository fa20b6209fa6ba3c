package dev.aurum.aquavm.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deep folds end at {@link Evaluator#MAX_NESTING} with ret code 20002 and the same bytes on every stack
 * size, and a run just under the limit completes on a default 1 MiB Java thread (the limit is reachable
 * before the stack runs out, so the host's stack never decides the outcome).
 */
class NestingLimitTest {

    private static final String LIMIT_MESSAGE =
            "execution nesting exceeds the interpreter's limit of " + Evaluator.MAX_NESTING + " levels";

    /** The fold body for each shape, and how many nesting levels one iteration adds. */
    private static String body(String shape) {
        return switch (shape) {
            case "seq" -> "(seq (ap x $acc) (next x))";
            case "par" -> "(par (ap x $acc) (next x))";
            case "xor" -> "(xor (par (ap x $acc) (next x)) (null))";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    /** The last step of the particle: a call returns [0..n), then the fold runs over it. */
    private static InterpreterOutcome run(String shape, int items, long stackBytes) throws InterruptedException {
        String list = "[" + String.join(",", java.util.stream.IntStream.range(0, items).mapToObj(Integer::toString)
                .toList()) + "]";
        TestNetwork net = new TestNetwork(new JavaAquaVm(), (peer, req) -> CallServiceResult.ok(list), "alice");
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                net.run("alice", "(seq (call %init_peer_id% (\"gen\" \"list\") [] xs) (fold xs x " + body(shape) + "))", 10);
                List<TestNetwork.Step> steps = net.steps();
                result.set(steps.get(steps.size() - 1).outcome());
            } catch (Throwable t) {
                result.set(t);
            }
        }, "nesting-" + shape, stackBytes);
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable t) {
            throw new AssertionError(t);
        }
        return (InterpreterOutcome) result.get();
    }

    @ParameterizedTest
    @CsvSource({"seq, 2", "par, 2", "xor, 3"})
    void justUnderTheLimitCompletesOnADefaultThread(String shape, int levelsPerItem) throws InterruptedException {
        int items = (Evaluator.MAX_NESTING - 8) / levelsPerItem;
        InterpreterOutcome out = run(shape, items, 1L << 20);
        assertEquals(0, out.retCode(), out.errorMessage());
    }

    @ParameterizedTest
    @CsvSource({"seq, 2", "par, 2", "xor, 3"})
    void overTheLimitEndsWith20002WhateverTheStack(String shape, int levelsPerItem) throws InterruptedException {
        int items = Evaluator.MAX_NESTING / levelsPerItem + 8;
        InterpreterOutcome small = run(shape, items, 1L << 20);
        InterpreterOutcome large = run(shape, items, 256L << 20);
        assertEquals(20002, small.retCode(), small.errorMessage());
        assertEquals(LIMIT_MESSAGE, small.errorMessage());
        assertEquals(small.retCode(), large.retCode());
        assertEquals(small.errorMessage(), large.errorMessage());
        assertArrayEquals(small.data(), large.data()); // uncatchable: prev data kept, the same on both
    }
}
