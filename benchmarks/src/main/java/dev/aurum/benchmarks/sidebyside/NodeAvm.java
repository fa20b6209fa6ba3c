package dev.aurum.benchmarks.sidebyside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.vectors.HexText;
import dev.aurum.vectors.transcript.InvokeLine;
import org.bouncycastle.util.encoders.Hex;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * avm.wasm under Node/V8: drives {@code avm-runner.mjs} (a resource of this package) over stdin/stdout, one
 * JSON line per invoke. The module is the pinned {@code avm.wasm} that {@code aquavm-reference} ships on the
 * classpath, so all three engines of the harness run the same bytes (Java engine aside). Test-time only:
 * needs a {@code node} (20+) on the machine.
 */
final class NodeAvm implements AutoCloseable {

    /** One invoke's outcome and the time Node measured for it (fresh instance + invoke + reading the outcome). */
    record Timed(InterpreterOutcome outcome, long nanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedWriter requests;
    private final BufferedReader responses;
    private final String version;
    private long nextId;

    NodeAvm(String nodeExecutable, Path workDir) throws IOException {
        Path runner = extract("/dev/aurum/benchmarks/sidebyside/avm-runner.mjs", workDir.resolve("avm-runner.mjs"));
        Path wasm = extract("/dev/aurum/aquavm/reference/avm.wasm", workDir.resolve("avm.wasm"));
        process = new ProcessBuilder(nodeExecutable, runner.toString(), wasm.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        responses = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        JsonNode ready = readLine();
        if (!ready.path("ready").asBoolean()) {
            throw new IOException("avm-runner.mjs did not start: " + ready);
        }
        version = "Node " + ready.path("node").asText() + " (V8 " + ready.path("v8").asText() + ")";
    }

    /** e.g. {@code Node v20.20.2 (V8 11.3.244.8-node.38)}. */
    String version() {
        return version;
    }

    Timed invoke(InvokeLine line) throws IOException {
        long id = nextId++;
        ObjectNode req = JSON.createObjectNode();
        req.put("id", id);
        req.put("air", line.air());
        req.put("prev_data", HexText.of(line.prevData()));
        req.put("data", HexText.of(line.data()));
        req.put("call_results", HexText.of(line.callResults()));
        RunParameters p = line.params();
        ObjectNode params = req.putObject("params");
        params.put("init_peer_id", p.initPeerId());
        params.put("current_peer_id", p.currentPeerId());
        // u64 fields as decimal text: a JSON number would lose precision above 2^53 in JavaScript
        params.put("timestamp", Long.toUnsignedString(p.timestamp()));
        params.put("ttl", p.ttl());
        params.put("key_format", p.keyFormat());
        params.put("secret_key_bytes", HexText.of(p.secretKeyBytes()));
        params.put("particle_id", p.particleId());
        params.put("air_size_limit", Long.toUnsignedString(p.airSizeLimit()));
        params.put("particle_size_limit", Long.toUnsignedString(p.particleSizeLimit()));
        params.put("call_result_size_limit", Long.toUnsignedString(p.callResultSizeLimit()));
        params.put("hard_limit_enabled", p.hardLimitEnabled());
        requests.write(JSON.writeValueAsString(req));
        requests.write('\n');
        requests.flush();

        JsonNode resp = readLine();
        if (resp.path("id").asLong(-1) != id) {
            throw new IOException("avm-runner.mjs answered request " + resp.path("id") + ", expected " + id);
        }
        if (resp.has("error")) {
            throw new IOException("avm.wasm under Node failed: " + resp.get("error").asText());
        }
        JsonNode out = resp.get("out");
        List<String> peers = new ArrayList<>();
        for (JsonNode peer : out.get("next_peer_pks")) {
            peers.add(peer.asText());
        }
        InterpreterOutcome outcome = new InterpreterOutcome(out.get("ret_code").asLong(),
                out.get("error_message").asText(), Hex.decode(out.get("data").asText()), peers,
                Hex.decode(out.get("call_requests").asText()), out.get("air_size_limit_exceeded").asBoolean(),
                out.get("particle_size_limit_exceeded").asBoolean(), out.get("call_result_size_limit_exceeded").asBoolean());
        return new Timed(outcome, Long.parseLong(resp.get("nanos").asText()));
    }

    private JsonNode readLine() throws IOException {
        String line = responses.readLine();
        if (line == null) {
            throw new IOException("avm-runner.mjs exited (code " + (process.isAlive() ? "?" : process.exitValue()) + ")");
        }
        return JSON.readTree(line);
    }

    static Path extract(String resource, Path target) {
        try (InputStream in = NodeAvm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not on the classpath: " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        requests.close();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
