package dev.aurum.benchmarks.wasm;

import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.verifier.wasm.WasmVerdict;
import dev.aurum.verifier.wasm.WasmVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints the gas of one verification in aurum-verifier.wasm for the shipped honest traces and honest
 * proof bundles (test-vectors), as a Markdown table: gas is deterministic, so one run is the figure.
 *
 * <p>Usage: {@code WasmGasReport VECTORS_DIR} (test-vectors/src/main/resources/vectors).
 */
public final class WasmGasReport {

    /** The registry the bundle vector set is made for (bundles/bundles.jsonl). */
    private static final Eip712Domain REGISTRY =
            Eip712Domain.golden(31337, EvmAddress.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3"));

    private WasmGasReport() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(markdown(Path.of(args[0])));
    }

    /** The module hashes and a Markdown table of the gas of every standard input under {@code root}. */
    public static String markdown(Path root) throws IOException {
        WasmVerifier wasm = WasmVerifier.load();
        StringBuilder out = new StringBuilder();
        out.append("Module sha256 `").append(wasm.moduleSha256()).append("`, metered `")
                .append(wasm.meteredModuleSha256()).append("`.\n\n");
        out.append("| input (test-vectors) | bytes | status | gas |\n|---|---:|---|---:|\n");
        List<Path> inputs = new ArrayList<>();
        for (String trace : new String[] {"fork-join", "chain", "fold-fanout", "xor-failure"}) {
            inputs.add(root.resolve("traces/honest/" + trace + ".trace"));
        }
        try (Stream<Path> bundles = Files.list(root.resolve("bundles/honest"))) {
            bundles.filter(p -> p.toString().endsWith(".bundle")).sorted().forEach(inputs::add);
        }
        for (Path p : inputs) {
            byte[] bytes = Files.readAllBytes(p);
            WasmVerdict v = wasm.verify(bytes, null, REGISTRY, WasmVerifier.DEFAULT_GAS_LIMIT);
            out.append("| ").append(root.relativize(p)).append(" | ").append(bytes.length).append(" | ")
                    .append(v.status()).append(" | ").append(v.gasUsed()).append(" |\n");
        }
        WasmVerdict empty = wasm.verify(new byte[0], null);
        out.append("| empty input (decode failure) | 0 | ").append(empty.status()).append(" | ")
                .append(empty.gasUsed()).append(" |\n");
        return out.toString();
    }
}
