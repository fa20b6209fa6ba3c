package dev.aurum.proofs.runtime;

import dev.aurum.aquavm.reference.AvmModule;
import dev.aurum.aquavm.reference.ReferenceAquaVm;

/** The reference engine, prepared once per test JVM (preparing avm.wasm takes seconds). */
final class Engines {

    static final ReferenceAquaVm REFERENCE = new ReferenceAquaVm(AvmModule.load());

    private Engines() {
    }
}
