package dev.aurum.aquavm.interpreter.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aurum.aquavm.air.RandomAirGenerator;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Seeded random AIR on both engines in the same simulated network; every invoke must agree (see
 * {@link StepComparison}). Two generators: {@link ExecutionScriptGenerator} (multi-peer scripts that join,
 * fail, fork and recurse at run time, plus mutated broken copies) and the parser's {@link RandomAirGenerator}
 * (grammar-wide well-formed scripts and broken ones). {@code aurum.fuzz.cases} scales both (CI default in
 * the pom; {@code -Pfuzz} runs many more), {@code aurum.fuzz.seed} changes the seed.
 */
class RandomScriptDifferentialTest {

    private static final int CASES = Integer.getInteger("aurum.fuzz.cases", 400);
    private static final long SEED = Long.getLong("aurum.fuzz.seed", 20261121L);
    private static int parseTextDifferences;
    private static final List<String> referenceTraps = new ArrayList<>();

    @Test
    void executionScriptsAgree() {
        ExecutionScriptGenerator generator = new ExecutionScriptGenerator(SEED);
        List<String> failures = new ArrayList<>();
        int steps = 0;
        TreeSet<Long> codes = new TreeSet<>();
        for (int i = 0; i < CASES; i++) {
            String air = i % 4 == 3 ? generator.broken() : generator.next();
            steps += compare("exec#" + i, air, List.of("alice", "bob", "carol"), 40, failures, codes);
        }
        report("execution scripts", steps, codes, failures);
        assertTrue(codes.contains(0L) && codes.contains(1L) && codes.size() >= 4,
                "generated scripts reach success, parse errors and execution errors: " + codes);
    }

    @Test
    void grammarScriptsAgree() {
        List<RandomAirGenerator.Case> cases = RandomAirGenerator.corpus(SEED + 1, CASES, 30);
        List<String> failures = new ArrayList<>();
        int steps = 0;
        TreeSet<Long> codes = new TreeSet<>();
        for (int i = 0; i < cases.size(); i++) {
            steps += compare("grammar#" + i, cases.get(i).script(), List.of("alice", "bob"), 12, failures, codes);
        }
        report("grammar scripts", steps, codes, failures);
        assertTrue(steps > CASES, "scripts were executed");
    }

    /** Runs one script on both engines; returns the number of reference steps compared. */
    private static int compare(String name, String air, List<String> peers, int maxSteps, List<String> failures,
                               TreeSet<Long> codes) {
        StepComparison.Messages messages = StepComparison.Messages.PARSE_ERRORS_BY_CLASS;
        DiffScenario s = new DiffScenario(name, name, air, peers, "alice", maxSteps, DiffScenario.Limits.DEFAULT, null,
                true, new TreeSet<>(), false);
        EngineNetwork ref = new EngineNetwork(s, peer -> Corpus.reference()).run();
        EngineNetwork java = new EngineNetwork(s, peer -> new JavaAquaVm()).run();
        if (ref.trap() != null) {
            // a second run on fresh instances tells a trap of the module (repeats) from one of the host JVM
            // (a JIT-state dependent failure, see aquavm-reference/README.md, "Known issue")
            EngineNetwork again = new EngineNetwork(s, peer -> Corpus.reference()).run();
            int at = ref.trap().step();
            if (again.trap() != null && java.trap() == null && java.steps().size() > at
                    && java.steps().get(at).outcome().retCode() != 0
                    && StepComparison.firstDifference(ref.steps(), java.steps().subList(0, at), messages) == null) {
                // avm.wasm panics here; ours must give a typed error instead (docs/divergences.md §1)
                referenceTraps.add(name + ": avm.wasm: " + firstLine(ref.trap().error().getMessage()) + "; java: ret_code "
                        + java.steps().get(at).outcome().retCode() + " " + firstLine(java.steps().get(at).outcome().errorMessage()));
                return at;
            }
            failures.add(name + ": avm.wasm trapped at step " + at + " ("
                    + (again.trap() == null ? "NOT repeated by a second run: host/JVM state" : "repeated") + "): "
                    + ref.trap().error() + "\n  " + java.script());
            return 0;
        }
        if (java.trap() != null) {
            failures.add(name + ": the Java engine threw: " + java.trap().error() + "\n  " + java.script());
            return 0;
        }
        ref.steps().forEach(step -> codes.add(step.outcome().retCode()));
        if (!ref.steps().isEmpty() && !java.steps().isEmpty() && ref.steps().get(0).outcome().retCode() == 1
                && !ref.steps().get(0).outcome().errorMessage().equals(java.steps().get(0).outcome().errorMessage())) {
            parseTextDifferences++;
        }
        String diff = StepComparison.firstDifference(ref.steps(), java.steps(), messages);
        if (diff != null) {
            failures.add(name + ": " + java.script() + "\n  " + diff);
        }
        return ref.steps().size();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static void report(String what, int steps, TreeSet<Long> codes, List<String> failures) {
        System.out.println(what + ": " + CASES + " (seed " + SEED + "), reference steps compared: " + steps
                + ", ret_codes seen: " + codes + ", parse errors whose text differs (divergences.md §3): "
                + parseTextDifferences);
        parseTextDifferences = 0;
        for (String t : referenceTraps) {
            System.out.println("  where avm.wasm traps: " + t);
        }
        referenceTraps.clear();
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES + " " + what + " differ:\n" + String.join("\n", failures));
        }
    }
}
