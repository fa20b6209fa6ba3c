package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.Uint256;
import java.io.File;
import java.io.PrintWriter;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every operator command shares (picocli mixin): the RPC endpoint, the registry address, the
 * acting key, {@code --json}, and the command's output streams. The key never comes from the command line
 * (it would land in shell history and process lists): a web3j wallet file whose password is in
 * {@code AURUM_WALLET_PASSWORD}, or a hex secret in {@code AURUM_KEY}.
 */
final class OperatorOptions {

    static final String KEY_ENV = "AURUM_KEY";
    static final String PASSWORD_ENV = "AURUM_WALLET_PASSWORD";
    /** Exit code of a usage error (bad arguments, key, registry or input file). */
    static final int USAGE = 2;

    /** The process environment; replaceable so tests can hand a key over the way an operator does. */
    Map<String, String> env = System.getenv();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--rpc", paramLabel = "URL", defaultValue = "${env:AURUM_RPC:-http://127.0.0.1:8545}",
            description = "EVM JSON-RPC endpoint (default: $AURUM_RPC or ${DEFAULT-VALUE})")
    String rpc;

    @Option(names = "--registry", paramLabel = "ADDRESS", defaultValue = "${env:AURUM_REGISTRY}",
            description = "GoldenRegistry address (default: $AURUM_REGISTRY)")
    String registry;

    @Option(names = "--wallet", paramLabel = "FILE",
            description = "web3j/geth wallet JSON of the acting key; its password is read from $" + PASSWORD_ENV
                    + ". Without --wallet the key is read from $" + KEY_ENV + " (hex).")
    File wallet;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    /** Thrown with a message for the user when the options do not name a usable key, registry or input. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Prints {@code aurum COMMAND: message} on stderr; returns the usage-error exit code. */
    int usageError(String message) {
        PrintWriter err = command.commandLine().getErr();
        err.println("aurum " + command.name() + ": " + message);
        err.flush();
        return USAGE;
    }

    /** A line of human-readable output; suppressed under {@code --json}. */
    void say(String line) {
        if (!json) {
            out().println(line);
        }
    }

    /** The JSON document, under {@code --json}. */
    void printJson(JsonNode document) {
        if (json) {
            out().println(document.toPrettyString());
        }
    }

    ReceiptKey key() throws Unusable {
        if (wallet != null) {
            String password = env.get(PASSWORD_ENV);
            if (password == null) {
                throw new Unusable("--wallet needs the wallet password in $" + PASSWORD_ENV);
            }
            try {
                Credentials c = WalletUtils.loadCredentials(password, wallet);
                return ReceiptKey.fromSecret(Uint256.toWord(c.getEcKeyPair().getPrivateKey()));
            } catch (Exception e) {
                throw new Unusable("cannot open wallet " + wallet + ": " + e.getMessage());
            }
        }
        String hex = env.get(KEY_ENV);
        if (hex == null || hex.isBlank()) {
            throw new Unusable("no key: pass --wallet FILE (password in $" + PASSWORD_ENV + ") or set $" + KEY_ENV);
        }
        try {
            return ReceiptKey.fromSecret(Bytes32.fromHexString(hex.trim()));
        } catch (IllegalArgumentException e) {
            throw new Unusable("$" + KEY_ENV + " is not a 32-byte hex secp256k1 secret");
        }
    }

    EvmAddress registryAddress() throws Unusable {
        if (registry == null || registry.isBlank()) {
            throw new Unusable("no registry: pass --registry ADDRESS or set $AURUM_REGISTRY");
        }
        try {
            return EvmAddress.fromHex(registry.trim());
        } catch (IllegalArgumentException e) {
            throw new Unusable("--registry is not a 20-byte hex address: " + registry);
        }
    }

    boolean hasKey() {
        return wallet != null || env.get(KEY_ENV) != null;
    }

    /** A client acting with the acting key. */
    GoldenClient connect() throws Unusable {
        return GoldenClient.connect(rpc, key(), registryAddress());
    }

    /** A client acting with {@code key} (read-only commands without a key of their own). */
    GoldenClient connect(ReceiptKey key) throws Unusable {
        return GoldenClient.connect(rpc, key, registryAddress());
    }
}
