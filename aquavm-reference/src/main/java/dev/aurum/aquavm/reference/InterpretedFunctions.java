package dev.aurum.aquavm.reference;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Finds, in a parsed module, the functions that must run in the SIMD-capable interpreter. */
final class InterpretedFunctions {

    private InterpretedFunctions() {
    }

    /**
     * Function indices (imports included, as Chicory and the wasm spec count them) of every function
     * whose body uses an 0xFD-prefixed (SIMD) opcode or has a v128 parameter or local.
     */
    static Set<Integer> simdFunctions(WasmModule module) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        Set<Integer> result = new TreeSet<>();
        List<FunctionBody> bodies = bodies(module);
        for (int i = 0; i < bodies.size(); i++) {
            if (usesSimd(module, i, bodies.get(i))) {
                result.add(imported + i);
            }
        }
        return result;
    }

    static boolean isSimdOpcode(Instruction instruction) {
        return (instruction.opcode().opcode() >>> 8) == 0xFD;
    }

    /** The type of local {@code index} of defined function {@code definedIndex} (params first). */
    static ValType localType(WasmModule module, int definedIndex, FunctionBody body, int index) {
        List<ValType> params = module.typeSection()
                .getType(module.functionSection().getFunctionType(definedIndex)).params();
        return index < params.size() ? params.get(index) : body.localTypes().get(index - params.size());
    }

    static List<FunctionBody> bodies(WasmModule module) {
        return List.of(module.codeSection().functionBodies());
    }

    private static boolean usesSimd(WasmModule module, int definedIndex, FunctionBody body) {
        if (body.localTypes().contains(ValType.V128)) {
            return true;
        }
        List<ValType> params = module.typeSection()
                .getType(module.functionSection().getFunctionType(definedIndex)).params();
        if (params.contains(ValType.V128)) {
            return true;
        }
        for (Instruction instruction : body.instructions()) {
            if (isSimdOpcode(instruction)) {
                return true;
            }
        }
        return false;
    }
}
