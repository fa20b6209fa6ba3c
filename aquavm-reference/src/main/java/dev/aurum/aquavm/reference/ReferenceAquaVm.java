package dev.aurum.aquavm.reference;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;

/**
 * The reference AquaVM engine: the real {@code avm.wasm} (npm {@code @fluencelabs/avm@0.62.0}) run by
 * Chicory. Each call gets a fresh instance of the prepared module, so the output is a pure function of
 * the arguments (an instance's bytes otherwise depend on its call history through Rust's HashMap
 * seeding). Thread-safe: nothing mutable is shared between calls.
 *
 * <p>Bad input gives AquaVM's own error codes in the outcome. Only a trap of the module itself (a bug
 * in avm.wasm or in this host) throws, as {@link AvmTrapException}.
 */
public final class ReferenceAquaVm implements AquaVm {

    private final AvmModule module;

    /** The pinned avm.wasm, compiled (prepared once per JVM and shared). */
    public ReferenceAquaVm() {
        this(AvmModule.load());
    }

    public ReferenceAquaVm(AvmModule module) {
        this.module = module;
    }

    @Override
    public InterpreterOutcome invoke(String air, byte[] prevData, byte[] currentData, RunParameters params,
                                     byte[] callResults) {
        try (AvmInstance instance = module.newInstance()) {
            return instance.invoke(air, prevData, currentData, params, callResults);
        }
    }

    /** The module's {@code ast} export: the JSON AST of {@code script}, or the parser's error text. */
    public String ast(String script) {
        try (AvmInstance instance = module.newInstance()) {
            return instance.ast(script);
        }
    }

    /** The module's {@code to_human_readable_data} export: data as sorted, pretty JSON. */
    public String toHumanReadableData(byte[] data) {
        try (AvmInstance instance = module.newInstance()) {
            return instance.toHumanReadableData(data);
        }
    }

    public AvmModule module() {
        return module;
    }

    @Override
    public String name() {
        return "reference";
    }
}
