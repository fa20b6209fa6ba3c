// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Ed25519} from "./Ed25519.sol";
import {GoldenHashing} from "./GoldenHashing.sol";

/// @title Golden-particle registry, escrow and claims (docs/protocol.md is the specification).
/// @notice Checks what is cheap and binding on-chain (signatures, golden condition, replay protection);
/// a quorum of registered verifiers attests the full AquaVM replay before a claim pays.
contract GoldenRegistry {
    // ---------------------------------------------------------------- types
    struct Ticket {
        bytes32 particleHash;
        address client;
        uint256 faceValue;
        uint64 epoch;
        uint256 target;
        uint64 nonce;
    }

    /// One hop in a claim. ticketHash and hopIndex are implied by the claim and the position.
    struct Receipt {
        uint32 peer;
        bytes32 prevReceiptHash;
        bytes32 dataCommitment;
        bytes32 cidsHash;
        bytes32 r;
        bytes32 vs;
    }

    struct Claim {
        Ticket ticket;
        bytes32 clientR;
        bytes32 clientVs;
        Receipt[] receipts;
    }

    /// A complete HopReceipt, as needed for an equivocation proof.
    struct FullReceipt {
        bytes32 ticketHash;
        uint32 hopIndex;
        uint32 peer;
        bytes32 prevReceiptHash;
        bytes32 dataCommitment;
        bytes32 cidsHash;
    }

    /// What a claim pays; committed at submission, revealed at finalisation.
    struct Payout {
        address client;
        uint256 faceValue;
        uint64 epoch; // the ticket's epoch: starts the settlement window
        address submitter;
        uint256 refund;
        uint32[] peers;
    }

    struct Peer {
        address receiptKey;
        bool slashed;
    }

    struct Escrow {
        uint128 balance;
        uint64 unlockAt;
    }

    struct Epoch {
        bytes32 seed;
        uint256 target;
        uint256 claimsPlusOne; // +1 offset: the first claim of an epoch writes nonzero to nonzero
    }

    /// Verifier votes on a claim: bitmaps over verifier slots, written only by attest.
    struct Votes {
        uint32 approvals;
        uint32 rejections;
    }

    // ---------------------------------------------------------------- errors
    error BadHopCount(uint256 receipts);
    error EpochNotSeeded(uint64 epoch);
    error ClaimExpired(uint64 epoch, uint256 currentEpoch);
    error WrongTarget(uint256 claimed, uint256 expected);
    error BadClientSignature();
    error BrokenReceiptChain(uint256 hop);
    error UnknownPeer(uint256 hop, uint32 peer);
    error PeerSlashed(uint32 peer);
    error BadReceiptSignature(uint256 hop);
    error NotGolden(uint256 hop);
    error AlreadyClaimed(bytes32 claimId);
    error InsufficientEscrow(uint256 available, uint256 required);
    error EscrowLocked(uint64 unlockAt);
    error BondTooSmall(uint256 sent, uint256 required);
    error PeerAlreadyRegistered(bytes32 peerKey);
    error ReceiptKeyInUse(address receiptKey);
    error ZeroAddress();
    error BadPeerSignature();
    error BadReceiptKeySignature();
    error NotPayee(uint32 peer);
    error NotPendingPayee(uint32 peer);
    error NotOwner();
    error NotVerifier(address signer);
    error TooManyVerifiers();
    error InvalidQuorum(uint256 quorum);
    error WrongModuleHash(bytes32 moduleHash);
    error AlreadyAttested(address verifier);
    error ClaimNotPending(bytes32 claimId);
    error PayoutMismatch(bytes32 claimId);
    error QuorumNotReached(uint256 approvals, uint256 rejections, uint256 quorum);
    error SettlementWindowOpen(uint256 untilEpoch);
    error NotEquivocation();
    error NothingToWithdraw();
    error TransferFailed(address to);
    error Reentrancy();
    error OnlySelf();
    error InvalidTarget(uint256 target);
    error InvalidParameter();

    // ---------------------------------------------------------------- events
    event PeerRegistered(uint32 indexed peer, bytes32 peerKey, address receiptKey, address payee);
    event PayeeProposed(uint32 indexed peer, address next);
    event PayeeChanged(uint32 indexed peer, address payee);
    event EscrowDeposited(address indexed client, uint256 amount, uint256 balance);
    event EscrowWithdrawalRequested(address indexed client, uint64 unlockAt);
    event EscrowWithdrawn(address indexed client, uint256 amount);
    event EpochSeeded(uint256 indexed epoch, bytes32 seed, uint256 target, uint256 nextTarget);
    event ClaimSubmitted(
        bytes32 indexed claimId,
        bytes32 indexed ticketHash,
        uint32 hop,
        address client,
        uint256 faceValue,
        uint64 epoch,
        address submitter,
        uint256 refund,
        uint32[] peers
    );
    event ClaimSkipped(uint256 indexed index, bytes reason);
    event Attested(bytes32 indexed claimId, address indexed verifier, bool valid);
    event ClaimFinalized(bytes32 indexed claimId);
    event ClaimVoided(bytes32 indexed claimId);
    event Equivocation(uint32 indexed peer, bytes32 ticketHash, uint32 hopIndex, address reporter, uint256 slashed);
    event Withdrawn(address indexed to, uint256 amount);

    // ---------------------------------------------------------------- constants and parameters
    uint256 public constant MAX_HOPS = 64;
    uint256 public constant MAX_TARGET = (1 << 252) - 1;
    uint256 public constant MAX_VERIFIERS = 32;
    uint256 public constant REFUND_BASE_GAS = 60_000;
    uint256 public constant REFUND_PER_RECEIPT_GAS = 15_000;
    uint256 private constant MAX_ROLLOVER = 64;
    // A claim's single storage word: 0 = unused nullifier, the payout commitment while pending, or one of
    // these marks once settled (a keccak output never equals them in practice). One fresh slot per claim.
    bytes32 private constant FINALIZED = bytes32(uint256(1));
    bytes32 private constant VOIDED = bytes32(uint256(2));

    address public immutable owner;
    uint256 public immutable genesisTime;
    uint256 public immutable epochLength;
    uint256 public immutable validityEpochs;
    uint256 public immutable escrowUnlockDelay;
    uint256 public immutable minBond;
    uint256 public immutable maxRefund;
    uint256 public immutable desiredClaimsPerEpoch;
    uint256 private immutable cachedChainId;
    bytes32 private immutable cachedDomainSeparator;

    // ---------------------------------------------------------------- state
    mapping(uint32 => Peer) private peers;
    mapping(uint32 => address) public payeeOf;
    mapping(uint32 => address) public pendingPayeeOf;
    mapping(uint32 => uint256) public bondOf;
    mapping(bytes32 => uint32) public peerIndexOfKey;
    mapping(address => uint32) public peerIndexOfReceiptKey;
    uint32 public peerCount;

    mapping(uint32 => uint256) public peerBalance;
    mapping(address => uint256) public accountBalance;
    uint256 public protocolBalance;

    mapping(address => Escrow) private escrows;
    mapping(uint256 => Epoch) private epochs;
    uint256 public lastSeededEpoch;
    mapping(bytes32 => bytes32) private claims;
    mapping(bytes32 => Votes) private votes;

    address[] private verifiers;
    mapping(address => uint256) private verifierSlot; // slot + 1, 0 when never added or removed
    uint32 public activeVerifiers; // bitmap over slots; only active slots count towards a quorum
    uint256 public quorum;
    bytes32 public moduleHash;

    struct Params {
        uint256 epochLength;
        uint256 validityEpochs;
        uint256 escrowUnlockDelay;
        uint256 minBond;
        uint256 maxRefund;
        uint256 initialTarget;
        uint256 desiredClaimsPerEpoch;
    }

    constructor(Params memory p) {
        if (p.initialTarget == 0 || p.initialTarget > MAX_TARGET) revert InvalidTarget(p.initialTarget);
        if (p.epochLength == 0 || p.validityEpochs == 0 || p.desiredClaimsPerEpoch == 0) revert InvalidParameter();
        if (p.desiredClaimsPerEpoch > type(uint32).max) revert InvalidParameter();
        owner = msg.sender;
        genesisTime = block.timestamp;
        epochLength = p.epochLength;
        validityEpochs = p.validityEpochs;
        escrowUnlockDelay = p.escrowUnlockDelay;
        minBond = p.minBond;
        maxRefund = p.maxRefund;
        desiredClaimsPerEpoch = p.desiredClaimsPerEpoch;
        cachedChainId = block.chainid;
        cachedDomainSeparator = GoldenHashing.domainSeparator(block.chainid, address(this));
        Epoch storage first = epochs[0];
        first.seed = keccak256(
            abi.encode(GoldenHashing.GOLDEN_TAG, block.chainid, address(this), blockhash(block.number - 1))
        );
        first.target = p.initialTarget;
        first.claimsPlusOne = 1;
        epochs[1].target = p.initialTarget;
        emit EpochSeeded(0, first.seed, p.initialTarget, p.initialTarget);
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    /// Transient-storage lock around every value transfer (EIP-1153).
    modifier nonReentrant() {
        bool locked;
        assembly {
            locked := tload(0)
        }
        if (locked) revert Reentrancy();
        assembly {
            tstore(0, 1)
        }
        _;
        assembly {
            tstore(0, 0)
        }
    }

    // ---------------------------------------------------------------- domain and views
    /// Recomputed when the chain id changes (after a fork), as HOPR does.
    function domainSeparator() public view returns (bytes32) {
        return block.chainid == cachedChainId
            ? cachedDomainSeparator
            : GoldenHashing.domainSeparator(block.chainid, address(this));
    }

    function currentEpoch() public view returns (uint256) {
        return (block.timestamp - genesisTime) / epochLength;
    }

    function epochInfo(uint256 epoch) external view returns (bytes32 seed, uint256 target, uint256 claimCount) {
        Epoch storage e = epochs[epoch];
        uint256 plusOne = e.claimsPlusOne;
        return (e.seed, e.target, plusOne == 0 ? 0 : plusOne - 1);
    }

    function escrowOf(address client) external view returns (uint256 balance, uint64 unlockAt) {
        Escrow storage e = escrows[client];
        return (e.balance, e.unlockAt);
    }

    function peerInfo(uint32 peer) external view returns (address receiptKey, bool slashed, address payee, uint256 bond) {
        Peer storage p = peers[peer];
        return (p.receiptKey, p.slashed, payeeOf[peer], bondOf[peer]);
    }

    /// @return status 0 none, 1 pending, 2 finalized, 3 voided
    function claimInfo(bytes32 claimId)
        external
        view
        returns (uint8 status, bytes32 payoutCommitment, uint32 approvals, uint32 rejections)
    {
        bytes32 word = claims[claimId];
        Votes storage v = votes[claimId];
        if (word == 0) status = 0;
        else if (word == FINALIZED) status = 2;
        else if (word == VOIDED) status = 3;
        else (status, payoutCommitment) = (1, word);
        return (status, payoutCommitment, v.approvals, v.rejections);
    }

    function verifierList() external view returns (address[] memory) {
        return verifiers;
    }

    function hashTicket(Ticket calldata t) public pure returns (bytes32) {
        return GoldenHashing.ticketHash(t.particleHash, t.client, t.faceValue, t.epoch, t.target, t.nonce);
    }

    // ---------------------------------------------------------------- peers
    function registerPeer(
        bytes32 peerKey,
        address receiptKey,
        address payee,
        bytes32 edR,
        bytes32 edS,
        bytes32 receiptR,
        bytes32 receiptVs
    ) external payable returns (uint32 index) {
        if (msg.value < minBond) revert BondTooSmall(msg.value, minBond);
        if (receiptKey == address(0) || payee == address(0)) revert ZeroAddress();
        if (peerIndexOfKey[peerKey] != 0) revert PeerAlreadyRegistered(peerKey);
        if (peerIndexOfReceiptKey[receiptKey] != 0) revert ReceiptKeyInUse(receiptKey);
        bytes32 d = GoldenHashing.digest(domainSeparator(), GoldenHashing.bindingHash(peerKey, receiptKey, payee));
        if (GoldenHashing.recover(d, receiptR, receiptVs) != receiptKey) revert BadReceiptKeySignature();
        if (!Ed25519.verify(peerKey, edR, edS, abi.encodePacked(d))) revert BadPeerSignature();
        index = ++peerCount;
        peers[index] = Peer({receiptKey: receiptKey, slashed: false});
        payeeOf[index] = payee;
        bondOf[index] = msg.value;
        peerIndexOfKey[peerKey] = index;
        peerIndexOfReceiptKey[receiptKey] = index;
        emit PeerRegistered(index, peerKey, receiptKey, payee);
    }

    function proposePayee(uint32 peer, address next) external {
        if (msg.sender != payeeOf[peer]) revert NotPayee(peer);
        if (next == address(0)) revert ZeroAddress();
        pendingPayeeOf[peer] = next;
        emit PayeeProposed(peer, next);
    }

    function acceptPayee(uint32 peer) external {
        if (msg.sender != pendingPayeeOf[peer]) revert NotPendingPayee(peer);
        payeeOf[peer] = msg.sender;
        delete pendingPayeeOf[peer];
        emit PayeeChanged(peer, msg.sender);
    }

    // ---------------------------------------------------------------- escrow
    function deposit() external payable {
        Escrow storage e = escrows[msg.sender];
        uint256 balance = uint256(e.balance) + msg.value;
        if (balance > type(uint128).max) revert InvalidParameter();
        e.balance = uint128(balance);
        emit EscrowDeposited(msg.sender, msg.value, balance);
    }

    function requestEscrowWithdrawal() external {
        uint64 unlockAt = uint64(block.timestamp + escrowUnlockDelay);
        escrows[msg.sender].unlockAt = unlockAt;
        emit EscrowWithdrawalRequested(msg.sender, unlockAt);
    }

    function withdrawEscrow(uint256 amount) external nonReentrant {
        Escrow storage e = escrows[msg.sender];
        uint64 unlockAt = e.unlockAt;
        if (unlockAt == 0 || block.timestamp < unlockAt) revert EscrowLocked(unlockAt);
        if (amount > e.balance) revert InsufficientEscrow(e.balance, amount);
        e.balance -= uint128(amount);
        e.unlockAt = 0;
        emit EscrowWithdrawn(msg.sender, amount);
        _send(msg.sender, amount);
    }

    // ---------------------------------------------------------------- epochs
    /// Seeds every epoch up to the current one (at most 64 per call) and retargets one epoch ahead.
    function rollover() external {
        uint256 current = currentEpoch();
        uint256 e = lastSeededEpoch;
        uint256 stop = current < e + MAX_ROLLOVER ? current : e + MAX_ROLLOVER;
        while (e < stop) {
            e++;
            Epoch storage previous = epochs[e - 1];
            Epoch storage next = epochs[e];
            bytes32 seed = keccak256(abi.encode(previous.seed, blockhash(block.number - 1), e));
            next.seed = seed;
            next.claimsPlusOne = 1;
            uint256 nextTarget = _retarget(next.target, previous.claimsPlusOne - 1);
            epochs[e + 1].target = nextTarget;
            emit EpochSeeded(e, seed, next.target, nextTarget);
        }
        lastSeededEpoch = e;
    }

    function _retarget(uint256 target, uint256 observed) private view returns (uint256 next) {
        uint256 up = target * 4;
        uint256 down = target / 4;
        if (observed == 0) {
            next = up;
        } else {
            next = (target / observed) * desiredClaimsPerEpoch;
            if (next > up) next = up;
            if (next < down) next = down;
        }
        if (next > MAX_TARGET) next = MAX_TARGET;
        if (next == 0) next = 1;
    }

    // ---------------------------------------------------------------- claims
    function submitClaim(Claim calldata c) external returns (bytes32) {
        return _submit(c, msg.sender);
    }

    /// Submits each claim; a failing claim is skipped (ClaimSkipped with its revert data), not the batch.
    function submitClaims(Claim[] calldata batch) external returns (uint256 accepted) {
        for (uint256 i = 0; i < batch.length; i++) {
            try this.submitClaimFromBatch(batch[i], msg.sender) {
                accepted++;
            } catch (bytes memory reason) {
                emit ClaimSkipped(i, reason);
            }
        }
    }

    /// Entry point for the batch's self-calls only; the submitter is the batch's caller.
    function submitClaimFromBatch(Claim calldata c, address submitter) external returns (bytes32) {
        if (msg.sender != address(this)) revert OnlySelf();
        return _submit(c, submitter);
    }

    function _submit(Claim calldata c, address submitter) private returns (bytes32 claimId) {
        uint256 n = c.receipts.length;
        if (n < 2 || n > MAX_HOPS) revert BadHopCount(n);
        Ticket calldata t = c.ticket;
        Epoch storage ep = _checkEpoch(t);

        bytes32 separator = domainSeparator();
        bytes32 ticketHash = hashTicket(t);
        if (
            t.client == address(0)
                || GoldenHashing.recover(GoldenHashing.digest(separator, ticketHash), c.clientR, c.clientVs) != t.client
        ) revert BadClientSignature();

        (uint32[] memory hopPeers, bytes32 receiptK, bytes32 receiptNext) =
            _checkReceipts(c.receipts, ticketHash, separator);
        uint256 k = n - 1;
        if (
            GoldenHashing.goldenHash(block.chainid, address(this), t.epoch, ep.seed, ticketHash, receiptK, receiptNext)
                >= t.target
        ) revert NotGolden(k);

        claimId = GoldenHashing.claimId(ticketHash, k);
        _record(claimId, ticketHash, t, submitter, hopPeers);
        unchecked {
            ep.claimsPlusOne += 1;
        }
    }

    function _checkEpoch(Ticket calldata t) private view returns (Epoch storage ep) {
        ep = epochs[t.epoch];
        if (ep.seed == 0) revert EpochNotSeeded(t.epoch);
        uint256 nowEpoch = currentEpoch();
        if (nowEpoch > uint256(t.epoch) + validityEpochs) revert ClaimExpired(t.epoch, nowEpoch);
        if (t.target != ep.target) revert WrongTarget(t.target, ep.target);
    }

    /// Checks the chain links, the peers and their receipt signatures; returns the paid peers (hops 1..k),
    /// receiptHash_k and receiptHash_{k+1}.
    function _checkReceipts(Receipt[] calldata receipts, bytes32 ticketHash, bytes32 separator)
        private
        view
        returns (uint32[] memory hopPeers, bytes32 receiptK, bytes32 prev)
    {
        uint256 n = receipts.length;
        hopPeers = new uint32[](n - 1);
        prev = ticketHash;
        for (uint256 i = 0; i < n; i++) {
            Receipt calldata r = receipts[i];
            if (r.prevReceiptHash != prev) revert BrokenReceiptChain(i + 1);
            Peer memory p = peers[r.peer];
            if (p.receiptKey == address(0)) revert UnknownPeer(i + 1, r.peer);
            if (p.slashed) revert PeerSlashed(r.peer);
            bytes32 h = GoldenHashing.receiptHash(ticketHash, i + 1, r.peer, prev, r.dataCommitment, r.cidsHash);
            if (GoldenHashing.recover(GoldenHashing.digest(separator, h), r.r, r.vs) != p.receiptKey) {
                revert BadReceiptSignature(i + 1);
            }
            if (i < n - 1) hopPeers[i] = r.peer;
            receiptK = prev;
            prev = h;
        }
    }

    /// Nullifier, escrow debit and payout commitment.
    function _record(
        bytes32 claimId,
        bytes32 ticketHash,
        Ticket calldata t,
        address submitter,
        uint32[] memory hopPeers
    ) private {
        if (claims[claimId] != 0) revert AlreadyClaimed(claimId);
        Escrow storage escrow = escrows[t.client];
        uint256 available = escrow.balance;
        if (available < t.faceValue) revert InsufficientEscrow(available, t.faceValue);
        escrow.balance = uint128(available - t.faceValue);
        uint256 refund = _refund(hopPeers.length, t.faceValue);
        claims[claimId] = keccak256(abi.encode(t.client, t.faceValue, t.epoch, submitter, refund, hopPeers));
        emit ClaimSubmitted(
            claimId, ticketHash, uint32(hopPeers.length), t.client, t.faceValue, t.epoch, submitter, refund, hopPeers
        );
    }

    function _refund(uint256 k, uint256 faceValue) private view returns (uint256 refund) {
        refund = tx.gasprice * (REFUND_BASE_GAS + REFUND_PER_RECEIPT_GAS * (k + 1));
        if (refund > maxRefund) refund = maxRefund;
        if (refund > faceValue / 2) refund = faceValue / 2;
    }

    // ---------------------------------------------------------------- verifiers and finality
    function addVerifier(address verifier) external onlyOwner {
        if (verifier == address(0)) revert ZeroAddress();
        if (verifiers.length >= MAX_VERIFIERS) revert TooManyVerifiers();
        if (verifierSlot[verifier] != 0) revert InvalidParameter();
        verifiers.push(verifier);
        verifierSlot[verifier] = verifiers.length;
        activeVerifiers |= uint32(1 << (verifiers.length - 1));
    }

    /// Retires a verifier (e.g. a leaked key): its slot is never reused and its votes stop counting, also on
    /// pending claims. Lower the quorum first if it would exceed the remaining verifiers.
    function removeVerifier(address verifier) external onlyOwner {
        uint256 slot = verifierSlot[verifier];
        if (slot == 0) revert NotVerifier(verifier);
        uint32 remaining = activeVerifiers & ~uint32(1 << (slot - 1));
        if (quorum > _popcount(remaining)) revert InvalidQuorum(quorum);
        activeVerifiers = remaining;
        verifierSlot[verifier] = 0;
    }

    function setQuorum(uint256 newQuorum) external onlyOwner {
        if (newQuorum == 0 || newQuorum > _popcount(activeVerifiers)) revert InvalidQuorum(newQuorum);
        quorum = newQuorum;
    }

    function setModuleHash(bytes32 newModuleHash) external onlyOwner {
        moduleHash = newModuleHash;
    }

    /// Records one verifier's EIP-712 Verdict; anyone may relay it.
    function attest(bytes32 claimId, bytes32 verdictModuleHash, bool valid, bytes32 r, bytes32 vs) external {
        if (!_isPending(claims[claimId])) revert ClaimNotPending(claimId);
        if (verdictModuleHash != moduleHash || verdictModuleHash == 0) revert WrongModuleHash(verdictModuleHash);
        bytes32 d = GoldenHashing.digest(domainSeparator(), GoldenHashing.verdictHash(claimId, verdictModuleHash, valid));
        address signer = GoldenHashing.recover(d, r, vs);
        uint256 slot = verifierSlot[signer];
        if (signer == address(0) || slot == 0) revert NotVerifier(signer);
        uint32 bit = uint32(1 << (slot - 1));
        Votes storage v = votes[claimId];
        if ((v.approvals | v.rejections) & bit != 0) revert AlreadyAttested(signer);
        if (valid) {
            v.approvals |= bit;
        } else {
            v.rejections |= bit;
        }
        emit Attested(claimId, signer, valid);
    }

    /// Pays a claim with a quorum of approvals, or voids it (face value back to escrow) with a quorum of
    /// rejections.
    function finalize(bytes32 claimId, Payout calldata payout) external {
        bytes32 word = claims[claimId];
        if (!_isPending(word)) revert ClaimNotPending(claimId);
        if (_commit(payout) != word) revert PayoutMismatch(claimId);
        Votes storage v = votes[claimId];
        uint32 active = activeVerifiers;
        uint256 approvals = _popcount(v.approvals & active);
        uint256 rejections = _popcount(v.rejections & active);
        uint256 q = quorum;
        if (q != 0 && approvals >= q) {
            claims[claimId] = FINALIZED;
            uint256 k = payout.peers.length;
            uint256 pool = payout.faceValue - payout.refund;
            uint256 share = pool / k;
            for (uint256 i = 0; i < k; i++) {
                peerBalance[payout.peers[i]] += share;
            }
            peerBalance[payout.peers[k - 1]] += pool - share * k;
            accountBalance[payout.submitter] += payout.refund;
            emit ClaimFinalized(claimId);
        } else if (q != 0 && rejections >= q) {
            _void(claimId, payout);
        } else {
            revert QuorumNotReached(approvals, rejections, q);
        }
    }

    /// Voids a claim that is still pending after its settlement window (the ticket epoch plus twice the
    /// validity window plus one epoch), so withheld verdicts cannot lock the client's escrow forever.
    function expireClaim(bytes32 claimId, Payout calldata payout) external {
        bytes32 word = claims[claimId];
        if (!_isPending(word)) revert ClaimNotPending(claimId);
        if (_commit(payout) != word) revert PayoutMismatch(claimId);
        uint256 lastEpoch = uint256(payout.epoch) + 2 * validityEpochs + 1;
        if (currentEpoch() <= lastEpoch) revert SettlementWindowOpen(lastEpoch);
        _void(claimId, payout);
    }

    /// Two different receipts for the same (ticket, hop) signed by one registered receipt key: slashes the
    /// peer's bond (half to the reporter) and voids the pending claim (ticket, claimHop) if it includes the hop.
    function reportEquivocation(
        FullReceipt calldata a,
        bytes32 aR,
        bytes32 aVs,
        FullReceipt calldata b,
        bytes32 bR,
        bytes32 bVs,
        uint32 claimHop,
        Payout calldata claimPayout
    ) external {
        uint32 peer = _equivocator(a, aR, aVs, b, bR, bVs);
        _slash(peer, a.ticketHash, a.hopIndex);
        if (claimHop != 0 && uint256(claimHop) + 1 >= a.hopIndex) {
            bytes32 claimId = GoldenHashing.claimId(a.ticketHash, claimHop);
            bytes32 word = claims[claimId];
            if (_isPending(word)) {
                if (_commit(claimPayout) != word) revert PayoutMismatch(claimId);
                _void(claimId, claimPayout);
            }
        }
    }

    function _equivocator(
        FullReceipt calldata a,
        bytes32 aR,
        bytes32 aVs,
        FullReceipt calldata b,
        bytes32 bR,
        bytes32 bVs
    ) private view returns (uint32 peer) {
        if (a.ticketHash != b.ticketHash || a.hopIndex != b.hopIndex) revert NotEquivocation();
        bytes32 ha = _fullReceiptHash(a);
        bytes32 hb = _fullReceiptHash(b);
        if (ha == hb) revert NotEquivocation();
        bytes32 separator = domainSeparator();
        address signer = GoldenHashing.recover(GoldenHashing.digest(separator, ha), aR, aVs);
        if (signer == address(0) || signer != GoldenHashing.recover(GoldenHashing.digest(separator, hb), bR, bVs)) {
            revert NotEquivocation();
        }
        peer = peerIndexOfReceiptKey[signer];
        if (peer == 0) revert UnknownPeer(a.hopIndex, 0);
    }

    function _slash(uint32 peer, bytes32 ticketHash, uint32 hopIndex) private {
        Peer storage p = peers[peer];
        if (p.slashed) revert PeerSlashed(peer);
        p.slashed = true;
        uint256 bond = bondOf[peer];
        bondOf[peer] = 0;
        uint256 reward = bond / 2;
        accountBalance[msg.sender] += reward;
        protocolBalance += bond - reward;
        emit Equivocation(peer, ticketHash, hopIndex, msg.sender, bond);
    }

    function _isPending(bytes32 word) private pure returns (bool) {
        return word != 0 && word != FINALIZED && word != VOIDED;
    }

    function _void(bytes32 claimId, Payout calldata payout) private {
        claims[claimId] = VOIDED;
        Escrow storage e = escrows[payout.client];
        e.balance += uint128(payout.faceValue);
        emit ClaimVoided(claimId);
    }

    function _commit(Payout calldata p) private pure returns (bytes32) {
        return keccak256(abi.encode(p.client, p.faceValue, p.epoch, p.submitter, p.refund, p.peers));
    }

    function _fullReceiptHash(FullReceipt calldata r) private pure returns (bytes32) {
        return GoldenHashing.receiptHash(
            r.ticketHash, r.hopIndex, r.peer, r.prevReceiptHash, r.dataCommitment, r.cidsHash
        );
    }

    function _popcount(uint32 bits) private pure returns (uint256 count) {
        while (bits != 0) {
            bits &= bits - 1;
            count++;
        }
    }

    // ---------------------------------------------------------------- withdrawals (pull)
    /// Sends a peer's rewards to its registered payee, whoever calls.
    function withdrawRewards(uint32 peer) external nonReentrant {
        uint256 amount = peerBalance[peer];
        if (amount == 0) revert NothingToWithdraw();
        peerBalance[peer] = 0;
        address payee = payeeOf[peer];
        emit Withdrawn(payee, amount);
        _send(payee, amount);
    }

    /// Sends the caller's own balance (gas refunds, reporter rewards).
    function withdrawBalance() external nonReentrant {
        uint256 amount = accountBalance[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        accountBalance[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        _send(msg.sender, amount);
    }

    function _send(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed(to);
    }
}
