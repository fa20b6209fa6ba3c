package dev.aurum.contracts;

import dev.aurum.proofs.protocol.Hex;
import dev.aurum.proofs.protocol.Keccak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;

/** Maps EVM revert data (selector + ABI arguments) to the named exceptions in {@link GoldenErrors}. */
public final class RevertDecoder {
    private record Spec(String signature, BiFunction<String, List<Object>, GoldenContractException> factory,
                        List<TypeReference<Type>> types) {}

    private static final Map<String, Spec> BY_SELECTOR = new LinkedHashMap<>();

    static {
        register("Error(string)", GoldenErrors.ErrorString::new, new TypeReference<Utf8String>() {});
        register("Panic(uint256)", GoldenErrors.Panic::new, new TypeReference<Uint256>() {});
        register("AlreadyAttested(address)", GoldenErrors.AlreadyAttested::new, new TypeReference<Address>() {});
        register("AlreadyClaimed(bytes32)", GoldenErrors.AlreadyClaimed::new, new TypeReference<Bytes32>() {});
        register("BadClientSignature()", GoldenErrors.BadClientSignature::new);
        register("BadHopCount(uint256)", GoldenErrors.BadHopCount::new, new TypeReference<Uint256>() {});
        register("BadPeerSignature()", GoldenErrors.BadPeerSignature::new);
        register("BadReceiptKeySignature()", GoldenErrors.BadReceiptKeySignature::new);
        register("BadReceiptSignature(uint256)", GoldenErrors.BadReceiptSignature::new, new TypeReference<Uint256>() {});
        register("BondTooSmall(uint256,uint256)", GoldenErrors.BondTooSmall::new, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
        register("BrokenReceiptChain(uint256)", GoldenErrors.BrokenReceiptChain::new, new TypeReference<Uint256>() {});
        register("ClaimExpired(uint64,uint256)", GoldenErrors.ClaimExpired::new, new TypeReference<Uint64>() {}, new TypeReference<Uint256>() {});
        register("ClaimNotPending(bytes32)", GoldenErrors.ClaimNotPending::new, new TypeReference<Bytes32>() {});
        register("EpochNotSeeded(uint64)", GoldenErrors.EpochNotSeeded::new, new TypeReference<Uint64>() {});
        register("EscrowLocked(uint64)", GoldenErrors.EscrowLocked::new, new TypeReference<Uint64>() {});
        register("InsufficientEscrow(uint256,uint256)", GoldenErrors.InsufficientEscrow::new, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
        register("InvalidParameter()", GoldenErrors.InvalidParameter::new);
        register("InvalidQuorum(uint256)", GoldenErrors.InvalidQuorum::new, new TypeReference<Uint256>() {});
        register("InvalidTarget(uint256)", GoldenErrors.InvalidTarget::new, new TypeReference<Uint256>() {});
        register("NotEquivocation()", GoldenErrors.NotEquivocation::new);
        register("NotGolden(uint256)", GoldenErrors.NotGolden::new, new TypeReference<Uint256>() {});
        register("NotOwner()", GoldenErrors.NotOwner::new);
        register("NotPayee(uint32)", GoldenErrors.NotPayee::new, new TypeReference<Uint32>() {});
        register("NotPendingPayee(uint32)", GoldenErrors.NotPendingPayee::new, new TypeReference<Uint32>() {});
        register("NotVerifier(address)", GoldenErrors.NotVerifier::new, new TypeReference<Address>() {});
        register("NothingToWithdraw()", GoldenErrors.NothingToWithdraw::new);
        register("OnlySelf()", GoldenErrors.OnlySelf::new);
        register("PayoutMismatch(bytes32)", GoldenErrors.PayoutMismatch::new, new TypeReference<Bytes32>() {});
        register("PeerAlreadyRegistered(bytes32)", GoldenErrors.PeerAlreadyRegistered::new, new TypeReference<Bytes32>() {});
        register("PeerSlashed(uint32)", GoldenErrors.PeerSlashed::new, new TypeReference<Uint32>() {});
        register("SettlementWindowOpen(uint256)", GoldenErrors.SettlementWindowOpen::new, new TypeReference<Uint256>() {});
        register("QuorumNotReached(uint256,uint256,uint256)", GoldenErrors.QuorumNotReached::new, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
        register("ReceiptKeyInUse(address)", GoldenErrors.ReceiptKeyInUse::new, new TypeReference<Address>() {});
        register("Reentrancy()", GoldenErrors.Reentrancy::new);
        register("TooManyVerifiers()", GoldenErrors.TooManyVerifiers::new);
        register("TransferFailed(address)", GoldenErrors.TransferFailed::new, new TypeReference<Address>() {});
        register("UnknownPeer(uint256,uint32)", GoldenErrors.UnknownPeer::new, new TypeReference<Uint256>() {}, new TypeReference<Uint32>() {});
        register("WrongModuleHash(bytes32)", GoldenErrors.WrongModuleHash::new, new TypeReference<Bytes32>() {});
        register("WrongTarget(uint256,uint256)", GoldenErrors.WrongTarget::new, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
        register("ZeroAddress()", GoldenErrors.ZeroAddress::new);
    }

    private RevertDecoder() {}

    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(
            String signature, BiFunction<String, List<Object>, GoldenContractException> factory,
            TypeReference<? extends Type>... types) {
        List<TypeReference<Type>> list = new ArrayList<>();
        for (TypeReference<? extends Type> t : types) {
            list.add((TypeReference) t);
        }
        BY_SELECTOR.put(selector(signature), new Spec(signature, factory, List.copyOf(list)));
    }

    static String selector(String signature) {
        return Hex.encode(Arrays.copyOf(Keccak.keccak256Utf8(signature).toArray(), 4));
    }

    /** Every error signature this decoder knows, in registration order. */
    public static List<String> knownSignatures() {
        List<String> out = new ArrayList<>();
        for (Spec spec : BY_SELECTOR.values()) {
            out.add(spec.signature());
        }
        return Collections.unmodifiableList(out);
    }

    /** Decodes revert data given as {@code 0x}-prefixed hex; never returns null. */
    public static GoldenContractException decode(String revertData) {
        String data = revertData == null ? "" : revertData.startsWith("0x") ? revertData.substring(2) : revertData;
        if (data.length() < 8) {
            return new GoldenErrors.UnknownRevert("0x" + data, List.of());
        }
        Spec spec = BY_SELECTOR.get(data.substring(0, 8).toLowerCase(java.util.Locale.ROOT));
        if (spec == null) {
            return new GoldenErrors.UnknownRevert("0x" + data, List.of());
        }
        List<Object> args = new ArrayList<>();
        if (!spec.types().isEmpty()) {
            List<Type> decoded;
            try {
                decoded = FunctionReturnDecoder.decode("0x" + data.substring(8), spec.types());
            } catch (RuntimeException malformed) {
                return new GoldenErrors.UnknownRevert("0x" + data, List.of());
            }
            if (decoded.size() != spec.types().size()) {
                return new GoldenErrors.UnknownRevert("0x" + data, List.of());
            }
            for (Type value : decoded) {
                args.add(value.getValue());
            }
        }
        return spec.factory().apply("0x" + data, Collections.unmodifiableList(args));
    }

    /** True if the signature is one of the contract's custom errors (used to check the ABI is covered). */
    static boolean knows(String signature) {
        return BY_SELECTOR.containsKey(selector(signature));
    }

    // referenced so that the imports used by generated registrations stay explicit
    @SuppressWarnings("unused")
    private static final List<Class<?>> TYPES =
            List.of(Address.class, Bool.class, DynamicBytes.class, Bytes32.class, Uint32.class, Uint64.class);
}
