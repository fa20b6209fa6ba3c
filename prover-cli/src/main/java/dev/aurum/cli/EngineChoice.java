package dev.aurum.cli;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.reference.ReferenceAquaVm;

/**
 * Which AquaVM engine a command runs: {@code java} (the deterministic Java interpreter) or
 * {@code reference} (the real avm.wasm in Chicory). The Java interpreter is being built on its own
 * branch; this build finds it by class name when it is present, so no code here changes when it
 * lands, and says so plainly when it is not.
 */
final class EngineChoice {

    static final String JAVA = "java";
    static final String REFERENCE = "reference";
    /** Shown in --help. */
    static final String HELP = "AquaVM engine: java (the deterministic Java interpreter, the default when this build "
            + "has it) or reference (the real avm.wasm 0.62.0 in Chicory).";

    private static final String JAVA_ENGINE_CLASS = "dev.aurum.aquavm.interpreter.JavaAquaVm";

    private EngineChoice() {
    }

    static boolean javaAvailable() {
        try {
            Class.forName(JAVA_ENGINE_CLASS);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The engine name to use when none is given. */
    static String defaultName() {
        return javaAvailable() ? JAVA : REFERENCE;
    }

    /** @throws UnavailableEngine with a message for the user */
    static AquaVm create(String name) throws UnavailableEngine {
        String n = name == null ? defaultName() : name;
        switch (n) {
            case REFERENCE:
                return new ReferenceAquaVm();
            case JAVA:
                if (!javaAvailable()) {
                    throw new UnavailableEngine("the Java AquaVM engine is not available in this build yet "
                            + "(it is being written); use --engine reference");
                }
                try {
                    return (AquaVm) Class.forName(JAVA_ENGINE_CLASS).getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new UnavailableEngine("the Java AquaVM engine could not be created: " + e);
                }
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
