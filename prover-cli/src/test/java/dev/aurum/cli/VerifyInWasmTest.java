package dev.aurum.cli;

import static dev.aurum.cli.Cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.verifier.CanonicalVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.aurum.cli.Cli.Result;

/** {@code aurum verify TRACE --in-wasm}: same verdict as the JVM, module hash and gas printed. */
class VerifyInWasmTest {

    @TempDir
    static Path dir;
    static Path trace;

    @BeforeAll
    static void record() {
        trace = dir.resolve("chain.trace");
        Result r = run("trace", "record", "chain", "-o", trace.toString(), "--engine", "reference");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void jsonCarriesTheJvmVerdictTheModuleHashAndGas() throws Exception {
        Result r = run("verify", trace.toString(), "--in-wasm", "--json");
        JsonObject o = (JsonObject) JsonParser.parse(r.out());
        assertEquals(new JsonString("verdict"), o.get("status"));
        byte[] jvm = CanonicalVerdict.of(Files.readAllBytes(trace), null);
        assertEquals(JsonParser.parse(jvm), o.get("verdict"));
        assertTrue(JsonWriter.toCompactString(o.get("module_sha256")).matches("\"[0-9a-f]{64}\""));
        boolean valid = JsonBool.TRUE.equals(((JsonObject) o.get("verdict")).get("valid"));
        assertEquals(valid ? 0 : 1, r.exit(), r.out());
    }

    @Test
    void textPrintsHashAndGas() {
        Result r = run("verify", trace.toString(), "--in-wasm");
        assertTrue(r.out().contains("module sha256 "), r.out());
        assertTrue(r.out().matches("(?s).*gas [1-9][0-9]* of limit [0-9]+.*"), r.out());
    }

    @Test
    void tinyGasLimitGivesOutOfGasAndExit2() {
        Result r = run("verify", trace.toString(), "--in-wasm", "--gas-limit", "1000");
        assertEquals(2, r.exit());
        assertTrue(r.out().startsWith("OUT OF GAS"), r.out());
    }

    @Test
    void referenceEngineAndReportAreRefused() {
        Result r = run("verify", trace.toString(), "--in-wasm", "--engine", "reference");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not available inside the VM"), r.err());
        Result h = run("verify", trace.toString(), "--in-wasm", "--report", dir.resolve("r.html").toString());
        assertEquals(2, h.exit());
    }

    static Path bundleVector(String name) throws Exception {
        Path p = dir.resolve(name.replace('/', '-') + ".bundle");
        try (var in = VerifyInWasmTest.class.getResourceAsStream("/vectors/bundles/" + name + ".bundle")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    static JsonObject committedVerdict(String name) throws Exception {
        try (var in = VerifyInWasmTest.class.getResourceAsStream("/vectors/bundles/" + name + ".verdict.json")) {
            return (JsonObject) JsonParser.parse(in.readAllBytes());
        }
    }

    static final String[] REGISTRY = {"--chain-id", "31337", "--registry", "0x5fbdb2315678afecb367f032d93f642f64180aa3"};

    @Test
    void anHonestBundleGetsItsCommittedVerdictInsideTheVm() throws Exception {
        Path bundle = bundleVector("honest/chain-hop-3");
        Result r = run("verify", bundle.toString(), "--in-wasm", "--json", REGISTRY[0], REGISTRY[1], REGISTRY[2], REGISTRY[3]);
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonObject o = (JsonObject) JsonParser.parse(r.out());
        assertEquals(committedVerdict("honest/chain-hop-3"), o.get("verdict"));
        Result text = run("verify", bundle.toString(), "--in-wasm", REGISTRY[0], REGISTRY[1], REGISTRY[2], REGISTRY[3]);
        assertTrue(text.out().startsWith("VALID: proof bundle of golden hop 3"), text.out());
    }

    @Test
    void aTamperedBundleIsInvalidWithItsProblem() throws Exception {
        Path bundle = bundleVector("tampered/client-signature-r");
        Result r = run("verify", bundle.toString(), "--in-wasm", REGISTRY[0], REGISTRY[1], REGISTRY[2], REGISTRY[3]);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("INVALID: BadClientSignature"), r.out());
    }

    @Test
    void bundleOptionsComeTogetherAndOnlyWithInWasm() throws Exception {
        Path bundle = bundleVector("honest/chain-hop-3");
        Result noRegistry = run("verify", bundle.toString(), "--in-wasm", "--chain-id", "31337");
        assertEquals(2, noRegistry.exit());
        assertTrue(noRegistry.err().contains("--chain-id ID --registry ADDRESS"), noRegistry.err());
        Result noWasm = run("verify", bundle.toString(), REGISTRY[0], REGISTRY[1], REGISTRY[2], REGISTRY[3]);
        assertEquals(2, noWasm.exit());
        Result badAddress = run("verify", bundle.toString(), "--in-wasm", "--chain-id", "1", "--registry", "0x12");
        assertEquals(2, badAddress.exit());
        assertTrue(badAddress.err().contains("--registry 0x12"), badAddress.err());
    }
}
