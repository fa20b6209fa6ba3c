package dev.aurum.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local anvil node (pinned npm package {@code @foundry-rs/anvil-linux-amd64}) on 127.0.0.1 with a random port,
 * stopped on {@link #close()} or JVM exit. Chain id 31337, automine, the well-known dev accounts.
 */
public final class AnvilNode implements AutoCloseable {
    public static final long CHAIN_ID = 31337;
    /** Anvil dev account #0 (public test mnemonic); only for local chains. */
    public static final String DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private static final String LISTENING = "Listening on ";
    private static final long START_TIMEOUT_MS = 20_000;

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private AnvilNode(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "anvil-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static AnvilNode start() throws IOException {
        return start(List.of());
    }

    /** Starts anvil with extra arguments (e.g. {@code --hardfork cancun}). */
    public static AnvilNode start(List<String> extraArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(locateBinary().toString());
        command.add("--host");
        command.add("127.0.0.1");
        command.add("--port");
        command.add("0");
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> portFuture = new CompletableFuture<>();
        StringBuilder early = new StringBuilder();
        Thread drain = new Thread(() -> drain(out, portFuture, early), "anvil-stdout");
        drain.setDaemon(true);
        drain.start();
        try {
            int port = portFuture.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new AnvilNode(process, port);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting anvil", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("anvil did not report its port: " + early, e);
        }
    }

    // Reads stdout until the listening line, then keeps draining so anvil never blocks on a full pipe.
    private static void drain(BufferedReader out, CompletableFuture<Integer> port, StringBuilder early) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (!port.isDone()) {
                    if (early.length() < 4000) {
                        early.append(line).append('\n');
                    }
                    int at = line.indexOf(LISTENING);
                    if (at >= 0) {
                        String address = line.substring(at + LISTENING.length()).trim();
                        port.complete(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
                    }
                }
            }
            port.completeExceptionally(new IOException("anvil exited"));
        } catch (IOException | NumberFormatException e) {
            port.completeExceptionally(e);
        }
    }

    /**
     * Finds the anvil binary: {@code -Danvil.bin} or {@code $ANVIL_BIN}, then {@code -Danvil.nodeModules} (set by
     * the build to this module's node_modules), then {@code ./node_modules} and {@code contracts/node_modules},
     * then {@code ~/.foundry/bin/anvil}, then {@code PATH}.
     */
    public static Path locateBinary() throws IOException {
        List<Path> candidates = new ArrayList<>();
        addIfSet(candidates, System.getProperty("anvil.bin"));
        addIfSet(candidates, System.getenv("ANVIL_BIN"));
        String nodeModules = System.getProperty("anvil.nodeModules");
        if (nodeModules != null) {
            candidates.add(Path.of(nodeModules, "@foundry-rs", "anvil-linux-amd64", "bin", "anvil"));
        }
        candidates.add(Path.of("node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil"));
        candidates.add(Path.of("contracts", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil"));
        candidates.add(Path.of(System.getProperty("user.home"), ".foundry", "bin", "anvil"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "anvil"));
                }
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IOException("anvil not found; run npm ci in contracts/ or set ANVIL_BIN (looked in " + candidates + ")");
    }

    private static void addIfSet(List<Path> candidates, String value) {
        if (value != null && !value.isBlank()) {
            candidates.add(Path.of(value));
        }
    }

    public int port() {
        return port;
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }
}
