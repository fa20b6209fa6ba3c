package dev.aurum.contracts;

import java.math.BigInteger;
import java.util.List;

/**
 * One named exception per custom error of {@code GoldenRegistry}, written from its ABI; a unit test checks
 * that every error of the compiled ABI has one here. Arguments are available through {@link #args()} and the
 * typed accessors.
 */
public final class GoldenErrors {
    private GoldenErrors() {}

    /** Custom error {@code AlreadyAttested(address)}. */
    public static final class AlreadyAttested extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        AlreadyAttested(String revertData, List<Object> args) {
            super("AlreadyAttested(address)", revertData, args);
        }

        public String verifier() {
            return (String) args().get(0);
        }
    }

    /** The (ticket, hop) nullifier is already used: a double claim. */
    public static final class AlreadyClaimed extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        AlreadyClaimed(String revertData, List<Object> args) {
            super("AlreadyClaimed(bytes32)", revertData, args);
        }

        public byte[] claimId() {
            return (byte[]) args().get(0);
        }
    }

    /** The ticket is not signed by its client under this chain and contract (also: replay from another chain or contract). */
    public static final class BadClientSignature extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        BadClientSignature(String revertData, List<Object> args) {
            super("BadClientSignature()", revertData, args);
        }
    }

    /** Custom error {@code BadHopCount(uint256)}. */
    public static final class BadHopCount extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        BadHopCount(String revertData, List<Object> args) {
            super("BadHopCount(uint256)", revertData, args);
        }

        public BigInteger receipts() {
            return (BigInteger) args().get(0);
        }
    }

    /** Custom error {@code BadPeerSignature()}. */
    public static final class BadPeerSignature extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        BadPeerSignature(String revertData, List<Object> args) {
            super("BadPeerSignature()", revertData, args);
        }
    }

    /** Custom error {@code BadReceiptKeySignature()}. */
    public static final class BadReceiptKeySignature extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        BadReceiptKeySignature(String revertData, List<Object> args) {
            super("BadReceiptKeySignature()", revertData, args);
        }
    }

    /** A hop receipt is not signed by the registered receipt key of its peer. */
    public static final class BadReceiptSignature extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        BadReceiptSignature(String revertData, List<Object> args) {
            super("BadReceiptSignature(uint256)", revertData, args);
        }

        public BigInteger hop() {
            return (BigInteger) args().get(0);
        }
    }

    /** Custom error {@code BondTooSmall(uint256,uint256)}. */
    public static final class BondTooSmall extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        BondTooSmall(String revertData, List<Object> args) {
            super("BondTooSmall(uint256,uint256)", revertData, args);
        }

        public BigInteger sent() {
            return (BigInteger) args().get(0);
        }

        public BigInteger required() {
            return (BigInteger) args().get(1);
        }
    }

    /** A receipt does not name the previous receipt (or the ticket for hop 1). */
    public static final class BrokenReceiptChain extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        BrokenReceiptChain(String revertData, List<Object> args) {
            super("BrokenReceiptChain(uint256)", revertData, args);
        }

        public BigInteger hop() {
            return (BigInteger) args().get(0);
        }
    }

    /** The ticket epoch is older than the validity window. */
    public static final class ClaimExpired extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        ClaimExpired(String revertData, List<Object> args) {
            super("ClaimExpired(uint64,uint256)", revertData, args);
        }

        public BigInteger epoch() {
            return (BigInteger) args().get(0);
        }

        public BigInteger currentEpoch() {
            return (BigInteger) args().get(1);
        }
    }

    /** Custom error {@code ClaimNotPending(bytes32)}. */
    public static final class ClaimNotPending extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        ClaimNotPending(String revertData, List<Object> args) {
            super("ClaimNotPending(bytes32)", revertData, args);
        }

        public byte[] claimId() {
            return (byte[]) args().get(0);
        }
    }

    /** The ticket epoch has no seed yet (future epoch or rollover not called). */
    public static final class EpochNotSeeded extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        EpochNotSeeded(String revertData, List<Object> args) {
            super("EpochNotSeeded(uint64)", revertData, args);
        }

        public BigInteger epoch() {
            return (BigInteger) args().get(0);
        }
    }

    /** An escrow withdrawal before the unlock delay passed, or without a request. */
    public static final class EscrowLocked extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        EscrowLocked(String revertData, List<Object> args) {
            super("EscrowLocked(uint64)", revertData, args);
        }

        public BigInteger unlockAt() {
            return (BigInteger) args().get(0);
        }
    }

    /** Custom error {@code InsufficientEscrow(uint256,uint256)}. */
    public static final class InsufficientEscrow extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        InsufficientEscrow(String revertData, List<Object> args) {
            super("InsufficientEscrow(uint256,uint256)", revertData, args);
        }

        public BigInteger available() {
            return (BigInteger) args().get(0);
        }

        public BigInteger required() {
            return (BigInteger) args().get(1);
        }
    }

    /** Custom error {@code InvalidParameter()}. */
    public static final class InvalidParameter extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        InvalidParameter(String revertData, List<Object> args) {
            super("InvalidParameter()", revertData, args);
        }
    }

    /** Custom error {@code InvalidQuorum(uint256)}. */
    public static final class InvalidQuorum extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        InvalidQuorum(String revertData, List<Object> args) {
            super("InvalidQuorum(uint256)", revertData, args);
        }

        public BigInteger quorum() {
            return (BigInteger) args().get(0);
        }
    }

    /** Custom error {@code InvalidTarget(uint256)}. */
    public static final class InvalidTarget extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        InvalidTarget(String revertData, List<Object> args) {
            super("InvalidTarget(uint256)", revertData, args);
        }

        public BigInteger target() {
            return (BigInteger) args().get(0);
        }
    }

    /** Custom error {@code NotEquivocation()}. */
    public static final class NotEquivocation extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        NotEquivocation(String revertData, List<Object> args) {
            super("NotEquivocation()", revertData, args);
        }
    }

    /** The claimed hop does not meet the epoch target. */
    public static final class NotGolden extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        NotGolden(String revertData, List<Object> args) {
            super("NotGolden(uint256)", revertData, args);
        }

        public BigInteger hop() {
            return (BigInteger) args().get(0);
        }
    }

    /** Custom error {@code NotOwner()}. */
    public static final class NotOwner extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        NotOwner(String revertData, List<Object> args) {
            super("NotOwner()", revertData, args);
        }
    }

    /** Custom error {@code NotPayee(uint32)}. */
    public static final class NotPayee extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        NotPayee(String revertData, List<Object> args) {
            super("NotPayee(uint32)", revertData, args);
        }

        public BigInteger peer() {
            return (BigInteger) args().get(0);
        }
    }

    /** Custom error {@code NotPendingPayee(uint32)}. */
    public static final class NotPendingPayee extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        NotPendingPayee(String revertData, List<Object> args) {
            super("NotPendingPayee(uint32)", revertData, args);
        }

        public BigInteger peer() {
            return (BigInteger) args().get(0);
        }
    }

    /** A verdict signature does not recover to a registered verifier. */
    public static final class NotVerifier extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        NotVerifier(String revertData, List<Object> args) {
            super("NotVerifier(address)", revertData, args);
        }

        public String signer() {
            return (String) args().get(0);
        }
    }

    /** Custom error {@code NothingToWithdraw()}. */
    public static final class NothingToWithdraw extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        NothingToWithdraw(String revertData, List<Object> args) {
            super("NothingToWithdraw()", revertData, args);
        }
    }

    /** Custom error {@code OnlySelf()}. */
    public static final class OnlySelf extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        OnlySelf(String revertData, List<Object> args) {
            super("OnlySelf()", revertData, args);
        }
    }

    /** Custom error {@code PayoutMismatch(bytes32)}. */
    public static final class PayoutMismatch extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        PayoutMismatch(String revertData, List<Object> args) {
            super("PayoutMismatch(bytes32)", revertData, args);
        }

        public byte[] claimId() {
            return (byte[]) args().get(0);
        }
    }

    /** Custom error {@code PeerAlreadyRegistered(bytes32)}. */
    public static final class PeerAlreadyRegistered extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        PeerAlreadyRegistered(String revertData, List<Object> args) {
            super("PeerAlreadyRegistered(bytes32)", revertData, args);
        }

        public byte[] peerKey() {
            return (byte[]) args().get(0);
        }
    }

    /** Custom error {@code PeerSlashed(uint32)}. */
    public static final class PeerSlashed extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        PeerSlashed(String revertData, List<Object> args) {
            super("PeerSlashed(uint32)", revertData, args);
        }

        public BigInteger peer() {
            return (BigInteger) args().get(0);
        }
    }

    /** Custom error {@code QuorumNotReached(uint256,uint256,uint256)}. */
    public static final class QuorumNotReached extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        QuorumNotReached(String revertData, List<Object> args) {
            super("QuorumNotReached(uint256,uint256,uint256)", revertData, args);
        }

        public BigInteger approvals() {
            return (BigInteger) args().get(0);
        }

        public BigInteger rejections() {
            return (BigInteger) args().get(1);
        }

        public BigInteger quorum() {
            return (BigInteger) args().get(2);
        }
    }

    /** Custom error {@code ReceiptKeyInUse(address)}. */
    public static final class ReceiptKeyInUse extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        ReceiptKeyInUse(String revertData, List<Object> args) {
            super("ReceiptKeyInUse(address)", revertData, args);
        }

        public String receiptKey() {
            return (String) args().get(0);
        }
    }

    /** A value transfer re-entered the contract. */
    public static final class Reentrancy extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        Reentrancy(String revertData, List<Object> args) {
            super("Reentrancy()", revertData, args);
        }
    }

    /** Custom error {@code TooManyVerifiers()}. */
    public static final class TooManyVerifiers extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        TooManyVerifiers(String revertData, List<Object> args) {
            super("TooManyVerifiers()", revertData, args);
        }
    }

    /** Custom error {@code TransferFailed(address)}. */
    public static final class TransferFailed extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        TransferFailed(String revertData, List<Object> args) {
            super("TransferFailed(address)", revertData, args);
        }

        public String to() {
            return (String) args().get(0);
        }
    }

    /** A receipt names a peer index that is not registered. */
    public static final class UnknownPeer extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        UnknownPeer(String revertData, List<Object> args) {
            super("UnknownPeer(uint256,uint32)", revertData, args);
        }

        public BigInteger hop() {
            return (BigInteger) args().get(0);
        }

        public BigInteger peer() {
            return (BigInteger) args().get(1);
        }
    }

    /** Custom error {@code WrongModuleHash(bytes32)}. */
    public static final class WrongModuleHash extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        WrongModuleHash(String revertData, List<Object> args) {
            super("WrongModuleHash(bytes32)", revertData, args);
        }

        public byte[] moduleHash() {
            return (byte[]) args().get(0);
        }
    }

    /** The ticket target is not the target of its epoch. */
    public static final class WrongTarget extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        WrongTarget(String revertData, List<Object> args) {
            super("WrongTarget(uint256,uint256)", revertData, args);
        }

        public BigInteger claimed() {
            return (BigInteger) args().get(0);
        }

        public BigInteger expected() {
            return (BigInteger) args().get(1);
        }
    }

    /** Custom error {@code ZeroAddress()}. */
    public static final class ZeroAddress extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        ZeroAddress(String revertData, List<Object> args) {
            super("ZeroAddress()", revertData, args);
        }
    }

    /** A pending claim cannot be expired before its settlement window ends (after {@code untilEpoch}). */
    public static final class SettlementWindowOpen extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        SettlementWindowOpen(String revertData, List<Object> args) {
            super("SettlementWindowOpen(uint256)", revertData, args);
        }

        public BigInteger untilEpoch() {
            return (BigInteger) args().get(0);
        }
    }

    /** A plain {@code require}/{@code revert("…")} with a reason string: {@code Error(string)}. */
    public static final class ErrorString extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        ErrorString(String revertData, List<Object> args) {
            super("Error(string)", revertData, args);
        }

        public String reason() {
            return (String) args().get(0);
        }
    }

    /** A Solidity panic, e.g. 0x11 arithmetic overflow: {@code Panic(uint256)}. */
    public static final class Panic extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        Panic(String revertData, List<Object> args) {
            super("Panic(uint256)", revertData, args);
        }

        public BigInteger code() {
            return (BigInteger) args().get(0);
        }
    }

    /** Revert data that matches no known error (or no data at all, e.g. out of gas). */
    public static final class UnknownRevert extends GoldenContractException {
        private static final long serialVersionUID = 1L;

        UnknownRevert(String revertData, List<Object> args) {
            super("unknown", revertData, args);
        }
    }
}
