package dev.aurum.contracts;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.Signature;
import dev.aurum.contracts.generated.GoldenRegistry;
import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.PeerBinding;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Verdict;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

/**
 * Typed client of a deployed {@code GoldenRegistry}. Every state-changing call is simulated first
 * ({@code eth_estimateGas}); a revert is thrown as the named exception from {@link GoldenErrors} without
 * sending anything. Receipts are polled every {@value #DEFAULT_POLL_MS} ms (tuned for local chains).
 */
public final class GoldenClient implements AutoCloseable {
    public static final long DEFAULT_POLL_MS = 15;
    private static final long RECEIPT_TIMEOUT_MS = 120_000;

    private final Web3j web3j;
    private final boolean ownsWeb3j;
    private final ReceiptKey sender;
    private final Credentials credentials;
    private final long chainId;
    private final EvmAddress contract;
    private final GoldenRegistry registry;
    private final RawTransactionManager txManager;
    private final long pollMs;

    private GoldenClient(Web3j web3j, boolean ownsWeb3j, ReceiptKey sender, long chainId, EvmAddress contract, long pollMs) {
        this.web3j = web3j;
        this.ownsWeb3j = ownsWeb3j;
        this.sender = sender;
        this.credentials = Credentials.create(sender.secret().toHexString());
        this.chainId = chainId;
        this.contract = contract;
        this.txManager = new RawTransactionManager(web3j, credentials, chainId);
        this.registry = GoldenRegistry.load(contract.toHex(), web3j, txManager,
                new StaticGasProvider(BigInteger.ONE, BigInteger.valueOf(30_000_000)));
        this.pollMs = pollMs;
    }

    /** Connects to an RPC endpoint and an already deployed registry. */
    public static GoldenClient connect(String rpcUrl, ReceiptKey sender, EvmAddress contract) {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            return new GoldenClient(web3j, true, sender, chainId, contract, DEFAULT_POLL_MS);
        } catch (IOException | RuntimeException e) {
            web3j.shutdown();
            throw new ChainException("cannot reach " + rpcUrl, e);
        }
    }

    /** Deploys a new registry from {@code deployer} (who becomes its owner) and connects to it. */
    public static GoldenClient deploy(String rpcUrl, ReceiptKey deployer, DeployParams params) {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            GoldenRegistry.Params p = new GoldenRegistry.Params(
                    BigInteger.valueOf(params.epochLengthSeconds()), BigInteger.valueOf(params.validityEpochs()),
                    BigInteger.valueOf(params.escrowUnlockDelaySeconds()), params.minBondWei(), params.maxRefundWei(),
                    params.initialTarget().value(), BigInteger.valueOf(params.desiredClaimsPerEpoch()));
            String data = GoldenRegistry.BINARY + FunctionEncoder.encodeConstructor(List.of(p));
            GoldenClient bootstrap = new GoldenClient(web3j, true, deployer, chainId,
                    EvmAddress.of(new byte[20]), DEFAULT_POLL_MS);
            TransactionReceipt receipt = bootstrap.transact(null, data, BigInteger.ZERO);
            EvmAddress address = EvmAddress.fromHex(receipt.getContractAddress());
            return new GoldenClient(web3j, true, deployer, chainId, address, DEFAULT_POLL_MS);
        } catch (IOException | RuntimeException e) {
            web3j.shutdown();
            if (e instanceof GoldenContractException named) {
                throw named;
            }
            throw new ChainException("deployment failed", e);
        }
    }

    /** The same chain connection and contract, acting as another key. Closing the child does not close the link. */
    public GoldenClient as(ReceiptKey other) {
        return new GoldenClient(web3j, false, other, chainId, contract, pollMs);
    }

    public EvmAddress contractAddress() {
        return contract;
    }

    public EvmAddress senderAddress() {
        return sender.address();
    }

    public long chainId() {
        return chainId;
    }

    public Web3j web3j() {
        return web3j;
    }

    /** The EIP-712 domain every signature for this registry must use. */
    public Eip712Domain domain() {
        return Eip712Domain.golden(chainId, contract);
    }

    /** The registry's own domain separator; equals {@code domain().separator()} unless the chain id changed. */
    public Bytes32 domainSeparatorOnChain() {
        return Bytes32.wrap(call(registry.domainSeparator()));
    }

    /** The registry's hash of a ticket (a view call); equals {@link ParticleTicket#hash()}. */
    public Bytes32 ticketHashOnChain(ParticleTicket ticket) {
        return Bytes32.wrap(call(registry.hashTicket(toWire(ticket))));
    }

    // ------------------------------------------------------------------ peers

    /** Registers an AquaVM peer: both the Ed25519 identity and the receipt key sign the binding. */
    public Registered registerPeer(KeyPair identity, ReceiptKey receiptKey, EvmAddress payee, BigInteger bondWei) {
        PeerBinding binding = PeerBinding.of(identity, receiptKey.address(), payee);
        Signature edSig = binding.sign(domain(), identity);
        EcdsaSignature keySig = receiptKey.sign(domain().digest(binding.hash()));
        return registerPeer(binding, edSig, keySig, bondWei);
    }

    /** Registers with signatures made elsewhere (e.g. by the peer's own node). */
    public Registered registerPeer(PeerBinding binding, Signature edSig, EcdsaSignature keySig, BigInteger bondWei) {
        TransactionReceipt receipt = send(registry.registerPeer(binding.peerKeyWord().toArray(),
                binding.receiptKey().toHex(), binding.payee().toHex(), PeerBinding.signatureR(edSig).toArray(),
                PeerBinding.signatureS(edSig).toArray(),
                keySig.rWord().toArray(), keySig.vs().toArray(), bondWei), bondWei);
        List<GoldenRegistry.PeerRegisteredEventResponse> events = GoldenRegistry.getPeerRegisteredEvents(receipt);
        if (events.size() != 1) {
            throw new ChainException("registration emitted " + events.size() + " PeerRegistered events");
        }
        return new Registered(new PeerIndex(events.get(0).peer.longValueExact()), outcome(receipt));
    }

    /** A registration's peer index and its transaction. */
    public record Registered(PeerIndex peer, TxOutcome tx) {}

    public TxOutcome proposePayee(PeerIndex peer, EvmAddress next) {
        return outcome(send(registry.proposePayee(BigInteger.valueOf(peer.value()), next.toHex()), BigInteger.ZERO));
    }

    public TxOutcome acceptPayee(PeerIndex peer) {
        return outcome(send(registry.acceptPayee(BigInteger.valueOf(peer.value())), BigInteger.ZERO));
    }

    public Optional<PeerIndex> peerOfReceiptKey(EvmAddress receiptKey) {
        long index = call(registry.peerIndexOfReceiptKey(receiptKey.toHex())).longValueExact();
        return index == 0 ? Optional.empty() : Optional.of(new PeerIndex(index));
    }

    /** The registry index of an AquaVM peer key, empty if it is not registered. */
    public Optional<PeerIndex> peerOfKey(Bytes32 peerKey) {
        long index = call(registry.peerIndexOfKey(peerKey.toArray())).longValueExact();
        return index == 0 ? Optional.empty() : Optional.of(new PeerIndex(index));
    }

    /** A registered peer's receipt key, slashing mark, payee and bond; empty if there is no such peer. */
    public Optional<PeerInfo> peerInfo(PeerIndex peer) {
        var t = call(registry.peerInfo(BigInteger.valueOf(peer.value())));
        EvmAddress receiptKey = EvmAddress.fromHex(t.component1());
        if (receiptKey.equals(EvmAddress.fromHex(zeroAddress()))) {
            return Optional.empty();
        }
        return Optional.of(new PeerInfo(receiptKey, t.component2(), EvmAddress.fromHex(t.component3()), t.component4()));
    }

    /** What the registry stores about a peer. */
    public record PeerInfo(EvmAddress receiptKey, boolean slashed, EvmAddress payee, BigInteger bondWei) {}

    /** The verifier build the registry pins. */
    public Bytes32 moduleHash() {
        return Bytes32.wrap(call(registry.moduleHash()));
    }

    /** Approvals (or rejections) needed to finalize a claim. */
    public int quorum() {
        return call(registry.quorum()).intValueExact();
    }

    public EvmAddress payeeOf(PeerIndex peer) {
        return EvmAddress.fromHex(call(registry.payeeOf(BigInteger.valueOf(peer.value()))));
    }

    // ------------------------------------------------------------------ escrow

    public TxOutcome deposit(BigInteger wei) {
        return outcome(send(registry.deposit(wei), wei));
    }

    public TxOutcome requestEscrowWithdrawal() {
        return outcome(send(registry.requestEscrowWithdrawal(), BigInteger.ZERO));
    }

    public TxOutcome withdrawEscrow(BigInteger wei) {
        return outcome(send(registry.withdrawEscrow(wei), BigInteger.ZERO));
    }

    public EscrowState escrowOf(EvmAddress client) {
        var t = call(registry.escrowOf(client.toHex()));
        return new EscrowState(t.component1(), t.component2().longValueExact());
    }

    // ------------------------------------------------------------------ epochs

    public long currentEpoch() {
        return call(registry.currentEpoch()).longValueExact();
    }

    /** The chain time epoch 0 starts at (the deployment block's timestamp), in seconds. */
    public long genesisTime() {
        return call(registry.genesisTime()).longValueExact();
    }

    public long epochLength() {
        return call(registry.epochLength()).longValueExact();
    }

    /** Seeds every epoch up to the current one; needed once per epoch before its tickets can be mined. */
    public TxOutcome rollover() {
        return outcome(send(registry.rollover(), BigInteger.ZERO));
    }

    public EpochInfo epoch(long epoch) {
        var t = call(registry.epochInfo(BigInteger.valueOf(epoch)));
        Bytes32 seed = Bytes32.wrap(t.component1());
        return new EpochInfo(epoch, seed.isZero() ? Optional.empty() : Optional.of(seed), t.component2(),
                t.component3().longValueExact());
    }

    // ------------------------------------------------------------------ claims

    /** Submits one golden claim; throws the named error if the registry rejects it. */
    public ClaimReceipt submitClaim(GoldenClaim claim) {
        TransactionReceipt receipt = send(registry.submitClaim(toWire(claim)), BigInteger.ZERO);
        List<ClaimSubmission> submitted = submissions(receipt);
        if (submitted.size() != 1) {
            throw new ChainException("submitClaim emitted " + submitted.size() + " ClaimSubmitted events");
        }
        return new ClaimReceipt(submitted.get(0), outcome(receipt));
    }

    /** An accepted claim and its transaction. */
    public record ClaimReceipt(ClaimSubmission submission, TxOutcome tx) {}

    /** Submits a batch; invalid claims are skipped on-chain and reported with their named error. */
    public BatchReceipt submitClaims(List<GoldenClaim> claims) {
        List<GoldenRegistry.Claim> wire = new ArrayList<>();
        for (GoldenClaim claim : claims) {
            wire.add(toWire(claim));
        }
        TransactionReceipt receipt = send(registry.submitClaims(wire), BigInteger.ZERO);
        List<ClaimSubmission> accepted = submissions(receipt);
        List<BatchResult> results = new ArrayList<>();
        Set<Integer> skippedIndexes = new HashSet<>();
        List<GoldenRegistry.ClaimSkippedEventResponse> skipped = GoldenRegistry.getClaimSkippedEvents(receipt);
        for (var s : skipped) {
            skippedIndexes.add(s.index.intValueExact());
        }
        int nextAccepted = 0;
        int nextSkipped = 0;
        for (int i = 0; i < claims.size(); i++) {
            if (skippedIndexes.contains(i)) {
                var s = skipped.get(nextSkipped++);
                results.add(new BatchResult.Skipped(i, RevertDecoder.decode(Numeric.toHexString(s.reason))));
            } else {
                results.add(new BatchResult.Accepted(i, accepted.get(nextAccepted++)));
            }
        }
        return new BatchReceipt(List.copyOf(results), outcome(receipt));
    }

    /** Per-claim results of a batch, in input order, and the batch transaction. */
    public record BatchReceipt(List<BatchResult> results, TxOutcome tx) {}

    public ClaimState claimState(ClaimId claimId) {
        var t = call(registry.claimInfo(claimId.value().toArray()));
        return new ClaimState(ClaimState.Status.values()[t.component1().intValueExact()],
                Integer.bitCount(t.component3().intValue()), Integer.bitCount(t.component4().intValue()));
    }

    // ------------------------------------------------------------------ verifiers and finality

    public TxOutcome addVerifier(EvmAddress verifier) {
        return outcome(send(registry.addVerifier(verifier.toHex()), BigInteger.ZERO));
    }

    /** Retires a verifier; its votes stop counting, also on pending claims. */
    public TxOutcome removeVerifier(EvmAddress verifier) {
        return outcome(send(registry.removeVerifier(verifier.toHex()), BigInteger.ZERO));
    }

    public TxOutcome setQuorum(int quorum) {
        return outcome(send(registry.setQuorum(BigInteger.valueOf(quorum)), BigInteger.ZERO));
    }

    public TxOutcome setModuleHash(Bytes32 moduleHash) {
        return outcome(send(registry.setModuleHash(moduleHash.toArray()), BigInteger.ZERO));
    }

    /** A verifier's signature over a verdict for this registry's domain. */
    public EcdsaSignature signVerdict(Verdict verdict, ReceiptKey verifierKey) {
        return verifierKey.sign(domain().digest(verdict.hash()));
    }

    /** Relays one verifier's signed verdict. */
    public TxOutcome attest(Verdict verdict, EcdsaSignature signature) {
        return outcome(send(registry.attest(verdict.claimId().toArray(), verdict.moduleHash().toArray(), verdict.valid(),
                signature.rWord().toArray(), signature.vs().toArray()), BigInteger.ZERO));
    }

    /** Pays (quorum of approvals) or voids (quorum of rejections) a pending claim. */
    public TxOutcome finalizeClaim(ClaimSubmission submission) {
        return outcome(send(registry.finalize(submission.claimId().value().toArray(), toWire(submission.payout())),
                BigInteger.ZERO));
    }

    /** Voids a claim still pending after its settlement window; the face value returns to the escrow. */
    public TxOutcome expireClaim(ClaimSubmission submission) {
        return outcome(send(registry.expireClaim(submission.claimId().value().toArray(), toWire(submission.payout())),
                BigInteger.ZERO));
    }

    /**
     * Proves that one receipt key signed two different receipts for the same (ticket, hop). The pending
     * claim, if given, is voided when it includes that hop.
     */
    public TxOutcome reportEquivocation(SignedReceipt a, SignedReceipt b, Optional<ClaimSubmission> claim) {
        GoldenRegistry.Payout payout = claim.map(c -> toWire(c.payout())).orElse(
                new GoldenRegistry.Payout(zeroAddress(), BigInteger.ZERO, BigInteger.ZERO, zeroAddress(), BigInteger.ZERO,
                        List.of()));
        int claimHop = claim.map(ClaimSubmission::goldenHop).orElse(0);
        return outcome(send(registry.reportEquivocation(toFull(a.receipt()), a.signature().rWord().toArray(),
                a.signature().vs().toArray(), toFull(b.receipt()), b.signature().rWord().toArray(),
                b.signature().vs().toArray(), BigInteger.valueOf(claimHop), payout), BigInteger.ZERO));
    }

    // ------------------------------------------------------------------ withdrawals

    /** Sends the peer's rewards to its registered payee (anyone may trigger it). */
    public TxOutcome withdrawRewards(PeerIndex peer) {
        return outcome(send(registry.withdrawRewards(BigInteger.valueOf(peer.value())), BigInteger.ZERO));
    }

    /** Sends the sender's own balance (gas refunds, reporter rewards) to the sender. */
    public TxOutcome withdrawBalance() {
        return outcome(send(registry.withdrawBalance(), BigInteger.ZERO));
    }

    public BigInteger peerBalance(PeerIndex peer) {
        return call(registry.peerBalance(BigInteger.valueOf(peer.value())));
    }

    public BigInteger accountBalance(EvmAddress account) {
        return call(registry.accountBalance(account.toHex()));
    }

    /** Native balance of any account. */
    public BigInteger balanceOf(EvmAddress account) {
        try {
            return web3j.ethGetBalance(account.toHex(), DefaultBlockParameterName.LATEST).send().getBalance();
        } catch (IOException e) {
            throw new ChainException("eth_getBalance failed", e);
        }
    }

    // ------------------------------------------------------------------ wire conversion

    private static GoldenRegistry.Ticket toWire(ParticleTicket t) {
        return new GoldenRegistry.Ticket(t.particleHash().toArray(), t.client().toHex(),
                t.faceValue(), BigInteger.valueOf(t.epoch()), t.target().value(), BigInteger.valueOf(t.nonce()));
    }

    static GoldenRegistry.Claim toWire(GoldenClaim claim) {
        GoldenRegistry.Ticket ticket = toWire(claim.ticket());
        List<GoldenRegistry.Receipt> receipts = new ArrayList<>();
        for (SignedReceipt sr : claim.receipts()) {
            HopReceipt r = sr.receipt();
            receipts.add(new GoldenRegistry.Receipt(BigInteger.valueOf(r.peer()), r.prevReceiptHash().toArray(),
                    r.dataCommitment().toArray(), r.cidsHash().toArray(), sr.signature().rWord().toArray(),
                    sr.signature().vs().toArray()));
        }
        return new GoldenRegistry.Claim(ticket, claim.clientSignature().rWord().toArray(),
                claim.clientSignature().vs().toArray(), receipts);
    }

    private static GoldenRegistry.FullReceipt toFull(HopReceipt r) {
        return new GoldenRegistry.FullReceipt(r.ticketHash().toArray(), BigInteger.valueOf(r.hopIndex()),
                BigInteger.valueOf(r.peer()), r.prevReceiptHash().toArray(), r.dataCommitment().toArray(),
                r.cidsHash().toArray());
    }

    static GoldenRegistry.Payout toWire(ClaimPayout p) {
        List<BigInteger> peers = new ArrayList<>();
        for (PeerIndex peer : p.peers()) {
            peers.add(BigInteger.valueOf(peer.value()));
        }
        return new GoldenRegistry.Payout(p.client().toHex(), p.faceValue(), BigInteger.valueOf(p.epoch()),
                p.submitter().toHex(), p.refund(), peers);
    }

    private static String zeroAddress() {
        return "0x0000000000000000000000000000000000000000";
    }

    private static List<ClaimSubmission> submissions(TransactionReceipt receipt) {
        List<ClaimSubmission> out = new ArrayList<>();
        for (var e : GoldenRegistry.getClaimSubmittedEvents(receipt)) {
            List<PeerIndex> peers = new ArrayList<>();
            for (BigInteger p : e.peers) {
                peers.add(new PeerIndex(p.longValueExact()));
            }
            ClaimPayout payout = new ClaimPayout(EvmAddress.fromHex(e.client), e.faceValue, e.epoch.longValueExact(),
                    EvmAddress.fromHex(e.submitter), e.refund, peers);
            out.add(new ClaimSubmission(new ClaimId(Bytes32.wrap(e.claimId)), Bytes32.wrap(e.ticketHash),
                    e.hop.intValueExact(), payout));
        }
        return out;
    }

    // ------------------------------------------------------------------ transport

    private <T> T call(RemoteFunctionCall<T> view) {
        try {
            return view.send();
        } catch (Exception e) {
            throw new ChainException("eth_call failed", e);
        }
    }

    private TransactionReceipt send(RemoteFunctionCall<?> function, BigInteger value) {
        return transact(contract.toHex(), function.encodeFunctionCall(), value);
    }

    private static TxOutcome outcome(TransactionReceipt receipt) {
        return new TxOutcome(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact(),
                receipt.getGasUsed().longValueExact());
    }

    /** Simulates (estimateGas), sends, and polls for the receipt; {@code to == null} deploys. */
    private TransactionReceipt transact(String to, String data, BigInteger value) {
        try {
            String from = sender.address().toHex();
            EthEstimateGas estimate = web3j.ethEstimateGas(
                    new Transaction(from, null, null, null, to, value, data)).send();
            if (estimate.hasError()) {
                throw revertOf(estimate.getError());
            }
            BigInteger gasLimit = estimate.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4))
                    .add(BigInteger.valueOf(20_000));
            BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
            EthSendTransaction sent = txManager.sendTransaction(gasPrice, gasLimit, to, data, value, to == null);
            if (sent.hasError()) {
                throw revertOf(sent.getError());
            }
            TransactionReceipt receipt = awaitReceipt(sent.getTransactionHash());
            if (!receipt.isStatusOK()) {
                // Mined but reverted (state changed between simulation and inclusion): replay for the reason.
                EthCall replay = web3j.ethCall(new Transaction(from, null, null, null, to, value, data),
                        DefaultBlockParameter.valueOf(receipt.getBlockNumber())).send();
                if (replay.hasError()) {
                    throw revertOf(replay.getError());
                }
                throw new ChainException("transaction " + receipt.getTransactionHash() + " reverted");
            }
            return receipt;
        } catch (IOException e) {
            throw new ChainException("RPC failure", e);
        }
    }

    private static RuntimeException revertOf(Response.Error error) {
        String data = error.getData();
        if (data != null) {
            String trimmed = data.trim();
            if (trimmed.startsWith("\"") && trimmed.endsWith("\"") && trimmed.length() >= 2) {
                trimmed = trimmed.substring(1, trimmed.length() - 1);
            }
            if (trimmed.startsWith("0x")) {
                return RevertDecoder.decode(trimmed);
            }
        }
        return new ChainException("rejected: " + error.getMessage() + (data == null ? "" : " " + data));
    }

    private TransactionReceipt awaitReceipt(String txHash) throws IOException {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT_MS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            try {
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChainException("interrupted while waiting for " + txHash, e);
            }
        }
        throw new ChainException("no receipt for " + txHash + " after " + RECEIPT_TIMEOUT_MS + " ms");
    }

    @Override
    public void close() {
        if (ownsWeb3j) {
            web3j.shutdown();
        }
    }
}
