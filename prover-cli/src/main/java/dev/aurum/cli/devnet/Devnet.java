package dev.aurum.cli.devnet;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.contracts.BatchResult;
import dev.aurum.contracts.ClaimSubmission;
import dev.aurum.contracts.DeployParams;
import dev.aurum.contracts.EpochInfo;
import dev.aurum.contracts.GoldenChain;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.contracts.LocalChainControl;
import dev.aurum.contracts.PeerIndex;
import dev.aurum.proofs.golden.Miner;
import dev.aurum.proofs.golden.MiningContext;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.GoldenClaim;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.Retarget;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.verifier.TraceVerifier;
import dev.aurum.verifier.committee.BundleCheck;
import dev.aurum.verifier.committee.CommitteeMember;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The whole golden-particle economy on one machine: an embedded anvil with a fresh registry, N registered
 * AquaVM peers, a client with escrow, a verifier committee; the workload's particles run on the in-process
 * network, every peer signs its receipts and mines its hops, golden hops become proof bundles that are
 * submitted, replayed and attested by every verifier, finalized and withdrawn. Reproducible: anvil's genesis
 * time is fixed, keys are derived from labels, the workload from the seed.
 */
public final class Devnet {

    /** anvil genesis time; fixes the genesis hash and so the registry's epoch-0 seed. */
    public static final long GENESIS_TIME_SECONDS = 1_700_000_000L;
    public static final BigInteger FACE_VALUE = BigInteger.TEN.pow(16);
    public static final BigInteger BOND = BigInteger.TEN.pow(16);
    public static final BigInteger MAX_REFUND = BigInteger.TEN.pow(14);
    private static final BigInteger FUNDS = BigInteger.TEN.pow(22);
    private static final int BATCH = 32;
    /** A day per epoch; the devnet moves the chain clock from one epoch to the next. */
    public static final long EPOCH_SECONDS = 86_400;
    /** Claims of epoch e may be submitted until epoch e + 2 (docs/protocol.md §4). */
    static final long VALIDITY_EPOCHS = 2;

    private final DevnetConfig config;
    private final AquaVm engine;
    private final Consumer<String> progress;

    public Devnet(DevnetConfig config, AquaVm engine, Consumer<String> progress) {
        this.config = config;
        this.engine = engine;
        this.progress = progress;
    }

    /** The module hash the committee signs: names the verifier build and its engine. */
    public static Bytes32 moduleHash(AquaVm engine) {
        return Keccak.keccak256Utf8("aurum-verifier/0.1.0/engine=" + engine.name() + "/avm=0.62.0");
    }

    private record DevPeer(String name, PeerIdentity identity, ReceiptKey receiptKey, EvmAddress payee, PeerIndex index) {}

    private record Mined(ProofBundle bundle, byte[] encoded, String miner) {}

    public DevnetResult run() throws IOException {
        long t0 = System.nanoTime();
        String s = "devnet/" + config.seed() + "/";
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= config.peers(); i++) {
            names.add("peer-" + i);
        }
        List<Workload.PlannedParticle> plan = Workload.plan(config.particles(), names, config.seed());
        DeployParams params = new DeployParams(EPOCH_SECONDS, VALIDITY_EPOCHS, 60, BOND, MAX_REFUND,
                Target.oneIn(config.difficulty()), config.claimsPerEpoch());
        progress.accept("chain: starting anvil and deploying GoldenRegistry");
        try (GoldenChain chain = GoldenChain.embeddedReproducible(params, GENESIS_TIME_SECONDS)) {
            GoldenClient owner = chain.owner();
            LocalChainControl control = chain.localControl().orElseThrow();
            long setupGas = 0;

            ReceiptKey clientKey = ReceiptKey.deriveForTesting(s + "client");
            control.setBalance(clientKey.address(), FUNDS);
            Map<String, DevPeer> peers = new LinkedHashMap<>();
            for (String name : names) {
                PeerIdentity identity = PeerIdentity.forName(name);
                ReceiptKey key = ReceiptKey.deriveForTesting(s + name + "/receipt-key");
                EvmAddress payee = ReceiptKey.deriveForTesting(s + name + "/payee").address();
                control.setBalance(key.address(), FUNDS);
                GoldenClient.Registered r = owner.as(key).registerPeer(identity.keys(), key, payee, BOND);
                setupGas += r.tx().gasUsed();
                peers.put(identity.peerId().toString(), new DevPeer(name, identity, key, payee, r.peer()));
            }
            progress.accept("chain: registered " + peers.size() + " peers (Ed25519 binding checked on-chain)");
            Bytes32 module = moduleHash(engine);
            List<CommitteeMember> committee = new ArrayList<>();
            List<ReceiptKey> verifierKeys = new ArrayList<>();
            TraceVerifier replay = new TraceVerifier(engine);
            for (int v = 1; v <= config.verifiers(); v++) {
                ReceiptKey key = ReceiptKey.deriveForTesting(s + "verifier-" + v);
                control.setBalance(key.address(), FUNDS);
                setupGas += owner.addVerifier(key.address()).gasUsed();
                verifierKeys.add(key);
                committee.add(new CommitteeMember(key, module, new BundleCheck(replay)));
            }
            setupGas += owner.setQuorum(config.quorum()).gasUsed();
            setupGas += owner.setModuleHash(module).gasUsed();
            GoldenClient client = owner.as(clientKey);
            BigInteger deposit = FACE_VALUE.multiply(BigInteger.valueOf(config.particles()));
            setupGas += client.deposit(deposit).gasUsed();
            BigInteger escrowBefore = client.escrowOf(clientKey.address()).balance();
            progress.accept("chain: " + config.verifiers() + " verifiers, quorum " + config.quorum() + ", escrow "
                    + Eth.format(deposit) + ", " + config.epochs() + " epoch(s) of " + EPOCH_SECONDS + " s, initial target 1/"
                    + config.difficulty() + ", retargeting toward " + config.claimsPerEpoch() + " claims per epoch");

            Map<String, Long> indexes = new TreeMap<>();
            for (DevPeer p : peers.values()) {
                indexes.put(p.identity().peerId().toString(), p.index().value());
            }
            Miner.ReceiptSigner signer = (peerId, receipt) ->
                    SignedReceipt.sign(owner.domain(), receipt, peers.get(peerId).receiptKey());
            Map<String, Integer> hopsOf = new TreeMap<>();
            Map<String, Integer> goldenOf = new TreeMap<>();
            List<Mined> mined = new ArrayList<>();
            List<DevnetResult.ParticleRow> rows = new ArrayList<>();
            List<DevnetResult.EpochRow> epochRows = new ArrayList<>();
            Map<ClaimId, ClaimSubmission> accepted = new LinkedHashMap<>();
            long processNanos = 0;
            long receiptNanos = 0;
            long miningNanos = 0;
            long submitNanos = 0;
            long claimGas = 0;
            int skipped = 0;
            int hops = 0;
            long genesis = owner.genesisTime();
            int perEpoch = (config.particles() + config.epochs() - 1) / config.epochs();
            for (int e = 0; e < config.epochs(); e++) {
                if (e > 0) {
                    // Move the chain into the next epoch and seed it: the registry retargets one epoch ahead.
                    control.mineBlockAt(genesis + e * EPOCH_SECONDS);
                    claimGas += owner.rollover().gasUsed();
                }
                long epoch = owner.currentEpoch();
                EpochInfo info = owner.epoch(epoch);
                Target target = new Target(info.target());
                Target expected = epoch < 2 ? Target.oneIn(config.difficulty())
                        : Retarget.next(new Target(epochRows.get(e - 1).target()), epochRows.get(e - 2).claimsAccepted(),
                                config.claimsPerEpoch());
                Miner miner = new Miner(new MiningContext(owner.domain(), epoch, info.seed().orElseThrow(), target));
                List<Mined> minedThisEpoch = new ArrayList<>();
                int hopsThisEpoch = 0;
                List<Workload.PlannedParticle> slice = plan.subList(Math.min(plan.size(), e * perEpoch),
                        Math.min(plan.size(), (e + 1) * perEpoch));
                for (Workload.PlannedParticle planned : slice) {
                    long a = System.nanoTime();
                    SignedTrace trace = planned.runnable().run(engine).trace();
                    long b = System.nanoTime();
                    var header = trace.particle();
                    ParticleTicket ticket = miner.ticket(trace, clientKey.address(), FACE_VALUE, planned.number());
                    EcdsaSignature clientSig = clientKey.sign(owner.domain().digest(ticket.hash()));
                    List<SignedReceipt> receipts = Miner.receipts(ticket.hash(), trace, indexes, signer);
                    long c = System.nanoTime();
                    List<ProofBundle> bundles = miner.mine(ticket, clientSig, trace, receipts);
                    long d = System.nanoTime();
                    processNanos += b - a;
                    receiptNanos += c - b;
                    miningNanos += d - c;
                    hops += trace.hops().size();
                    hopsThisEpoch += trace.hops().size();
                    List<DevnetResult.HopRow> hopRows = new ArrayList<>();
                    for (Hop h : trace.hops()) {
                        String name = peers.get(h.peer()).name();
                        hopsOf.merge(name, 1, Integer::sum);
                        hopRows.add(new DevnetResult.HopRow(h.index(), name, h.from()));
                    }
                    List<Integer> golden = new ArrayList<>();
                    for (ProofBundle bundle : bundles) {
                        String minerName = peers.get(trace.hops().get(bundle.goldenHop() - 1).peer()).name();
                        goldenOf.merge(minerName, 1, Integer::sum);
                        golden.add(bundle.goldenHop());
                        minedThisEpoch.add(new Mined(bundle, ProofBundleCodec.encode(bundle), minerName));
                    }
                    rows.add(new DevnetResult.ParticleRow(header.id(), planned.scenario(), epoch, hopRows, golden));
                    if ((planned.number() + 1) % Math.max(1, config.particles() / 10) == 0) {
                        progress.accept("network: " + (planned.number() + 1) + "/" + config.particles() + " particles, "
                                + hops + " hops, " + (mined.size() + minedThisEpoch.size()) + " golden");
                    }
                }
                mined.addAll(minedThisEpoch);

                // Every peer submits the bundles it mined this epoch, in batches, while their tickets are valid;
                // the registry skips (never reverts on) bad claims.
                long s0 = System.nanoTime();
                int acceptedBefore = accepted.size();
                Map<String, List<Mined>> byMiner = new TreeMap<>();
                for (Mined m : minedThisEpoch) {
                    byMiner.computeIfAbsent(m.miner(), k -> new ArrayList<>()).add(m);
                }
                for (DevPeer p : peers.values()) {
                    List<Mined> own = byMiner.getOrDefault(p.name(), List.of());
                    for (int from = 0; from < own.size(); from += BATCH) {
                        List<GoldenClaim> claims = new ArrayList<>();
                        for (Mined m : own.subList(from, Math.min(own.size(), from + BATCH))) {
                            claims.add(m.bundle().claim());
                        }
                        GoldenClient.BatchReceipt receipt = owner.as(p.receiptKey()).submitClaims(claims);
                        claimGas += receipt.tx().gasUsed();
                        for (BatchResult r : receipt.results()) {
                            if (r instanceof BatchResult.Accepted ok) {
                                accepted.put(ok.submission().claimId(), ok.submission());
                            } else if (r instanceof BatchResult.Skipped no) {
                                skipped++;
                                progress.accept("claim skipped: " + no.reason().getMessage());
                            }
                        }
                    }
                }
                submitNanos += System.nanoTime() - s0;
                int acceptedThisEpoch = accepted.size() - acceptedBefore;
                epochRows.add(new DevnetResult.EpochRow(epoch, target.value(), expected.value(), slice.size(),
                        hopsThisEpoch, minedThisEpoch.size(), acceptedThisEpoch));
                progress.accept("epoch " + epoch + ": target " + DevnetReport.oneIn(target.value()) + (target.equals(expected) ? ""
                        : " (EXPECTED " + DevnetReport.oneIn(expected.value()) + ")") + ", " + slice.size() + " particles, " + hopsThisEpoch
                        + " hops, " + minedThisEpoch.size() + " golden, " + acceptedThisEpoch + " claims accepted");
            }
            progress.accept("claims: " + accepted.size() + " submitted, " + skipped + " skipped");

            // Every verifier replays every bundle it is shown and signs its verdict; verdicts are relayed on-chain.
            OnChainView view = new OnChainView(owner);
            int valid = 0;
            int invalid = 0;
            long v0 = System.nanoTime();
            for (Mined m : mined) {
                for (int v = 0; v < committee.size(); v++) {
                    CommitteeMember.Review review = committee.get(v).review(m.encoded(), view);
                    if (review.approved()) {
                        valid++;
                    } else {
                        invalid++;
                        progress.accept("verifier " + (v + 1) + " refused " + m.bundle().claimId().value() + ": "
                                + review.refusal().orElse(""));
                    }
                    if (review.verdict().isPresent() && accepted.containsKey(m.bundle().claimId())) {
                        claimGas += owner.as(verifierKeys.get(v)).attest(review.verdict().get(),
                                review.signature().orElseThrow()).gasUsed();
                    }
                }
            }
            long v1 = System.nanoTime();
            progress.accept("verifiers: " + valid + " valid verdicts, " + invalid + " invalid");

            TamperProbe.Outcome tamper = new TamperProbe.Outcome(0, 0, 0, List.of());
            if (!mined.isEmpty()) {
                ReceiptKey outsider = ReceiptKey.deriveForTesting(s + "outsider");
                control.setBalance(outsider.address(), FUNDS);
                tamper = TamperProbe.run(mined.get(0).bundle(), outsider, committee.get(0), view, owner.as(outsider));
                progress.accept("tampering: " + tamper.tried() + " tampered copies of a golden bundle, refused by the "
                        + "committee " + tamper.refusedByCommittee() + ", by the registry " + tamper.refusedByContract()
                        + " " + tamper.contractErrors());
            }

            int paid = 0;
            for (ClaimSubmission submission : accepted.values()) {
                claimGas += owner.finalizeClaim(submission).gasUsed();
                paid++;
            }
            BigInteger escrowAfter = client.escrowOf(clientKey.address()).balance();
            List<DevnetResult.PeerRow> peerRows = new ArrayList<>();
            BigInteger rewards = BigInteger.ZERO;
            for (DevPeer p : peers.values()) {
                BigInteger before = owner.balanceOf(p.payee());
                if (owner.peerBalance(p.index()).signum() > 0) {
                    claimGas += owner.withdrawRewards(p.index()).gasUsed();
                }
                BigInteger hopRewards = owner.balanceOf(p.payee()).subtract(before);
                BigInteger refunds = owner.accountBalance(p.receiptKey().address());
                if (refunds.signum() > 0) {
                    claimGas += owner.as(p.receiptKey()).withdrawBalance().gasUsed();
                }
                rewards = rewards.add(hopRewards).add(refunds);
                peerRows.add(new DevnetResult.PeerRow(p.name(), p.identity().peerId().toString(), p.index().value(),
                        hopsOf.getOrDefault(p.name(), 0), goldenOf.getOrDefault(p.name(), 0), hopRewards, refunds));
            }
            progress.accept("payouts: " + paid + " claims finalized, rewards withdrawn to payees");
            DevnetResult.Timing timing = new DevnetResult.Timing(processNanos, receiptNanos, miningNanos, v1 - v0,
                    submitNanos, System.nanoTime() - t0);
            return new DevnetResult(config, engine.name(), owner.contractAddress().toHex(), config.particles(), hops,
                    mined.size(), accepted.size(), skipped, paid, valid, invalid, claimGas, setupGas,
                    escrowBefore.subtract(escrowAfter), rewards, tamper.tried(), tamper.refusedByCommittee(),
                    tamper.refusedByContract(), peerRows, rows, epochRows, timing);
        }
    }
}
