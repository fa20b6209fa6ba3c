package dev.aurum.aquavm.reference;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.Deque;

/**
 * Chicory's interpreter plus {@link SimdOps}, through the interpreter's documented extension point
 * for opcodes it does not know ({@code evalDefault}).
 */
final class SimdInterpreterMachine extends InterpreterMachine {

    SimdInterpreterMachine(Instance instance) {
        super(instance);
    }

    @Override
    protected void evalDefault(MStack stack, Instance instance, Deque<StackFrame> callStack,
                               Instruction instruction, Operands operands) throws ChicoryException {
        if (!SimdOps.execute(stack, instance, instruction)) {
            super.evalDefault(stack, instance, callStack, instruction, operands);
        }
    }
}
