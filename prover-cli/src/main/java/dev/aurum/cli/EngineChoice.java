package dev.aurum.cli;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.reference.ReferenceAquaVm;

/**
 * Which AquaVM engine a command runs: {@code java} (the deterministic Java interpreter, the default)
 * or {@code reference} (the real avm.wasm 0.62.0 in Chicory).
 */
final class EngineChoice {

    static final String JAVA = "java";
    static final String REFERENCE = "reference";
    /** Shown in --help. */
    static final String HELP = "AquaVM engine: java (the deterministic Java interpreter, default) or reference "
            + "(the real avm.wasm 0.62.0 in Chicory).";

    private EngineChoice() {
    }

    /** The engine name to use when none is given. */
    static String defaultName() {
        return JAVA;
    }

    /** @throws UnavailableEngine with a message for the user */
    static AquaVm create(String name) throws UnavailableEngine {
        String n = name == null ? defaultName() : name;
        switch (n) {
            case REFERENCE:
                return new ReferenceAquaVm();
            case JAVA:
                return new JavaAquaVm();
            default:
                throw new UnavailableEngine("unknown engine '" + n + "': use java or reference");
        }
    }

    static final class UnavailableEngine extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableEngine(String message) {
            super(message);
        }
    }
}
