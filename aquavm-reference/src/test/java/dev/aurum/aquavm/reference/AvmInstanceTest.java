package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.Memory;
import org.junit.jupiter.api.Test;

/** Properties of one instance: bounded memory, a quiet start-up. */
class AvmInstanceTest {

    @Test
    void linearMemoryIsCapped() {
        try (AvmInstance instance = SharedVm.VM.module().newInstance()) {
            Memory memory = instance.chicoryInstance().memory();
            int pages = memory.pages();
            assertEquals(161, pages); // the module's declared 10 MiB + 64 KiB
            assertEquals(-1, memory.grow(AvmModule.MAX_MEMORY_PAGES - pages + 1));
            assertEquals(pages, memory.grow(1));
        }
    }

    @Test
    void startUpWritesNothingToStdoutOrStderr() {
        try (AvmInstance instance = SharedVm.VM.module().newInstance()) {
            assertEquals("", instance.capturedOutput());
        }
    }
}
