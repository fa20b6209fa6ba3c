package dev.aurum.aquavm.reference;

/** The compiled engine, prepared once per test JVM (preparation takes seconds; the module is immutable). */
final class SharedVm {

    static final ReferenceAquaVm VM = new ReferenceAquaVm(AvmModule.load());

    private SharedVm() {
    }
}
