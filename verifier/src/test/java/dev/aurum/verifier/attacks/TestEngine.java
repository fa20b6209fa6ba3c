package dev.aurum.verifier.attacks;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.reference.AvmModule;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import java.util.HashMap;
import java.util.Map;

/** The reference engine with a per-JVM memo (AquaVm is pure), for tests in this package. */
final class TestEngine {

    static final AquaVm MEMO = new AquaVm() {
        private final ReferenceAquaVm vm = new ReferenceAquaVm(AvmModule.load());
        private final Map<String, InterpreterOutcome> memo = new HashMap<>();

        @Override
        public synchronized InterpreterOutcome invoke(String air, byte[] prev, byte[] current, RunParameters p,
                                                      byte[] results) {
            String key = dev.aurum.proofs.trace.ContentHash.of(air.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + ContentKey.of(prev) + ContentKey.of(current) + ContentKey.of(results) + p
                    + ContentKey.of(p.secretKeyBytes());
            return memo.computeIfAbsent(key, x -> vm.invoke(air, prev, current, p, results));
        }

        @Override
        public String name() {
            return "reference";
        }
    };

    private TestEngine() {
    }

    private static final class ContentKey {
        static String of(byte[] b) {
            return dev.aurum.proofs.trace.ContentHash.of(b).hex();
        }
    }
}
