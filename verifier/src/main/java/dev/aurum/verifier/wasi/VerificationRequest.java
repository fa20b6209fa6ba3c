package dev.aurum.verifier.wasi;

import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.verifier.CanonicalVerdict;

/**
 * What {@code aurum-verifier.wasm} does with its stdin, callable on the JVM too (so both sides run the
 * same code): a signed trace gets {@link CanonicalVerdict}, a proof bundle gets {@link BundleVerdict}.
 *
 * <p>Both formats are canonical CBOR maps, told apart by their first byte: a trace is a map of 4 keys
 * ({@code 0xA4}), a bundle a map of 5 ({@code 0xA5}); no valid trace starts with {@code 0xA5}, so
 * anything else (including garbage) goes to the trace verifier, which reports the decode error.
 */
public final class VerificationRequest {

    /** The largest request: a bundle (the trace limit + 64 KiB). */
    public static final int MAX_INPUT_BYTES = ProofBundleCodec.MAX_BUNDLE_BYTES;

    private static final int CBOR_MAP_OF_5 = 0xA5;

    private VerificationRequest() {
    }

    /** Whether the input is to be verified as a proof bundle. */
    public static boolean isProofBundle(byte[] input) {
        return input.length > 0 && (input[0] & 0xFF) == CBOR_MAP_OF_5;
    }

    /** The argument that names the registry's chain for bundles, e.g. {@code --chain-id=31337}. */
    public static final String CHAIN_ID_ARGUMENT = "--chain-id=";
    /** The argument that names the registry contract for bundles, e.g. {@code --registry=0x5fbd...0aa3}. */
    public static final String REGISTRY_ARGUMENT = "--registry=";

    /**
     * The canonical verdict bytes on {@code input} (a file's bytes); {@code now} null: the last hop's
     * time; {@code domain}: the registry's EIP-712 domain, required for a bundle, unused for a trace.
     */
    public static byte[] verdict(byte[] input, Long now, Eip712Domain domain) {
        if (!isProofBundle(input)) {
            return CanonicalVerdict.of(input, now);
        }
        if (domain == null) {
            throw new IllegalArgumentException("a proof bundle is verified for a registry: give its domain");
        }
        return BundleVerdict.of(input, domain, now);
    }

    /** The registry domain named by the two arguments' values, or null if either is malformed. */
    public static Eip712Domain domain(String chainId, String registry) {
        Long id = CanonicalVerdict.parseNow(chainId); // same rule: decimal digits, at most 18
        if (id == null || registry.length() != 42 || !registry.startsWith("0x")) {
            return null;
        }
        for (int i = 2; i < registry.length(); i++) {
            char c = registry.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        return Eip712Domain.golden(id, EvmAddress.fromHex(registry));
    }
}
