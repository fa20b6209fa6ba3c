package dev.aurum.vectors;

import dev.aurum.aquavm.reference.ReferenceAquaVm;

/** One prepared reference engine and one set of recorded scenario runs for all tests of this JVM. */
final class SharedContext {

    private static VectorContext context;

    private SharedContext() {
    }

    static synchronized VectorContext get() {
        if (context == null) {
            context = new VectorContext(new ReferenceAquaVm());
        }
        return context;
    }
}
