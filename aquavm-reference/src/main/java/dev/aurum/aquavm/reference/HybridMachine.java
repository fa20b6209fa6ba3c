package dev.aurum.aquavm.reference;

import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;

/**
 * The machine of a compiled instance: calls to the interpreted functions (SIMD users and functions
 * too large for a JVM method) go to the SIMD-capable interpreter, all other calls to the compiled code.
 * Compiled code reaches interpreted functions through the instance's machine, so this routing covers
 * calls from both sides.
 */
final class HybridMachine implements Machine {

    private final Machine compiled;
    private final Machine interpreter;
    private final boolean[] interpreted;

    HybridMachine(Machine compiled, Machine interpreter, boolean[] interpretedByFunctionId) {
        this.compiled = compiled;
        this.interpreter = interpreter;
        this.interpreted = interpretedByFunctionId;
    }

    @Override
    public long[] call(int funcId, long[] args) throws ChicoryException {
        boolean useInterpreter = funcId >= 0 && funcId < interpreted.length && interpreted[funcId];
        return useInterpreter ? interpreter.call(funcId, args) : compiled.call(funcId, args);
    }
}
