package dev.aurum.aquavm.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The module's {@code ast} export (for parser tests) and {@code to_human_readable_data} on bad input. */
class AstTest {

    private final ReferenceAquaVm vm = SharedVm.VM;

    @Test
    void nullInstruction() {
        assertEquals("{\"Null\":null}", vm.ast("(null)"));
    }

    @Test
    void callInstructionNamesItsParts() {
        String ast = vm.ast(SingleCallScenarioTest.AIR);
        assertTrue(ast.startsWith("{\"Call\":"), ast);
        assertTrue(ast.contains("\"svc\"") && ast.contains("\"fn\""), ast);
    }

    @Test
    void unparsableScriptGivesTheParserError() {
        String ast = vm.ast("(seq (null)");
        assertTrue(!ast.startsWith("{\"Seq\""), ast);
        assertTrue(ast.toLowerCase(java.util.Locale.ROOT).contains("error"), ast);
    }

    @Test
    void humanReadableDataOfGarbageIsAnErrorText() {
        String text = vm.toHumanReadableData(new byte[] {1, 2, 3});
        assertTrue(!text.contains("\"trace\""), text);
    }
}
