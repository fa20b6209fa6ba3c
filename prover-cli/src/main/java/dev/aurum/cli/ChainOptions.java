package dev.aurum.cli;

import dev.aurum.contracts.GoldenClient;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.Uint256;
import java.io.File;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import picocli.CommandLine.Option;

/**
 * Where the registry is and who acts: shared by the operator commands. The key never comes from the command
 * line (it would land in shell history and process lists): a web3j wallet file whose password is in
 * {@code AURUM_WALLET_PASSWORD}, or a hex secret in {@code AURUM_KEY}.
 */
final class ChainOptions {

    static final String KEY_ENV = "AURUM_KEY";
    static final String PASSWORD_ENV = "AURUM_WALLET_PASSWORD";

    /** The process environment; replaceable so tests can hand a key over the way an operator does. */
    Map<String, String> env = System.getenv();

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

    /** Thrown with a message for the user when the options do not name a usable key or registry. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
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

    GoldenClient connect() throws Unusable {
        return GoldenClient.connect(rpc, key(), registryAddress());
    }

}
