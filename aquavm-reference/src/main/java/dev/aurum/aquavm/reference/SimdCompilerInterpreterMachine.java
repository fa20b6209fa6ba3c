package dev.aurum.aquavm.reference;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.runtime.internal.CompilerInterpreterMachine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.Deque;

/**
 * The interpreter half of the compiled set-up: Chicory's {@code CompilerInterpreterMachine} (the
 * class compiler-generated code itself relies on, kept backwards compatible by Chicory) runs the
 * functions the compiler leaves out and hands calls to compiled functions back to the instance's
 * machine; this subclass adds {@link SimdOps}.
 */
final class SimdCompilerInterpreterMachine extends CompilerInterpreterMachine {

    SimdCompilerInterpreterMachine(Instance instance, int[] interpretedFunctionIds) {
        super(instance, interpretedFunctionIds);
    }

    @Override
    protected void evalDefault(MStack stack, Instance instance, Deque<StackFrame> callStack,
                               Instruction instruction, Operands operands) throws ChicoryException {
        if (!SimdOps.execute(stack, instance, instruction)) {
            super.evalDefault(stack, instance, callStack, instruction, operands);
        }
    }
}
