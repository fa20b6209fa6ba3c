package dev.aurum.vectors.sets;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.proofs.golden.Miner;
import dev.aurum.proofs.golden.MiningContext;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.Keccak;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.Secp256k1;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.MemoizingAquaVm;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.vectors.VectorContext;
import dev.aurum.vectors.VectorSet;
import dev.aurum.vectors.scenario.ScenarioCatalog;
import dev.aurum.verifier.attacks.Attack;
import dev.aurum.verifier.attacks.AttackCorpus;
import dev.aurum.verifier.wasi.VerificationRequest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code bundles/}: proof bundles as a miner hands them to the verifier committee, honest ones mined at
 * a low difficulty with fixed keys, and tampered ones (every field of the ticket, the client signature,
 * the receipts and the embedded trace); next to each {@code NAME.bundle} its canonical verdict
 * {@code NAME.verdict.json} ({@link VerificationRequest}, the bytes the JVM and the Wasm verifier must
 * both produce), and {@code bundles/bundles.jsonl}: per bundle what it is and which check must refuse
 * it ({@code host:...} for checks that need chain state the module does not have).
 */
public final class ProofBundles implements VectorSet {

    public static final String DIRECTORY = "bundles/";
    public static final String INDEX = DIRECTORY + "bundles.jsonl";
    /** The registry every bundle of the set is made for (anvil's first contract address). */
    public static final long CHAIN_ID = 31337;
    public static final EvmAddress REGISTRY = EvmAddress.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    public static final Eip712Domain DOMAIN = Eip712Domain.golden(CHAIN_ID, REGISTRY);

    private static final long EPOCH = 7;
    /** The easiest target there is (about 1 hop in 16 is golden): honest bundles from short traces. */
    private static final Target TARGET = new Target(Target.MAX);
    private static final int MAX_NONCES = 256;
    private static final Bytes32 EPOCH_SEED = Keccak.keccak256Utf8("aurum/vectors/bundles/epoch-seed");
    private static final ReceiptKey CLIENT = ReceiptKey.deriveForTesting("aurum/vectors/bundles/client");
    private static final List<String> SCENARIOS = List.of("chain", "fork-join");
    /** Forged traces (from the fork-join attack corpus) a colluding miner bundles with valid receipts. */
    private static final List<String> FORGED = List.of("altered-call-result", "altered-ret-code", "dropped-hop-resigned");

    @Override
    public String name() {
        return "bundles";
    }

    @Override
    public String description() {
        return "proof bundles (honest golden bundles, every field tampered, forged traces) with their canonical verdicts";
    }

    /** A mined particle: trace, registry indexes and receipt keys of its peers, the signed ticket. */
    private record Particle(SignedTrace trace, Map<String, Long> indexes, Map<String, ReceiptKey> keys,
                            ParticleTicket ticket, EcdsaSignature clientSig) {

        static Particle of(SignedTrace trace, long nonce) {
            Map<String, Long> indexes = new TreeMap<>();
            Map<String, ReceiptKey> keys = new TreeMap<>();
            for (Hop h : trace.hops()) {
                if (!indexes.containsKey(h.peer())) {
                    indexes.put(h.peer(), (long) indexes.size() + 1);
                    keys.put(h.peer(), ReceiptKey.deriveForTesting("aurum/vectors/bundles/receipt/" + h.peer()));
                }
            }
            var p = trace.particle();
            Bytes32 particleHash = new ParticleHeader(p.id(), p.timestamp(), p.ttl(), p.script()).particleHash();
            ParticleTicket ticket = new ParticleTicket(particleHash, CLIENT.address(), BigInteger.TEN.pow(15), EPOCH,
                    TARGET, nonce);
            return new Particle(trace, indexes, keys, ticket, CLIENT.sign(DOMAIN.digest(ticket.hash())));
        }

        List<SignedReceipt> receipts() {
            return Miner.receipts(ticket.hash(), trace, indexes,
                    (peer, receipt) -> SignedReceipt.sign(DOMAIN, receipt, keys.get(peer)));
        }
    }

    @Override
    public SortedMap<String, byte[]> generate(VectorContext context) {
        Miner miner = new Miner(new MiningContext(DOMAIN, EPOCH, EPOCH_SEED, TARGET));
        TreeMap<String, byte[]> files = new TreeMap<>();
        JsonLines index = new JsonLines();
        ProofBundle firstHonest = null;
        Particle firstParticle = null;
        for (String s : SCENARIOS) {
            // the client's first nonce that makes a hop golden (about 1 in 16 hops is at this target)
            SignedTrace trace = context.recorded(s).run().trace();
            Particle particle = null;
            List<SignedReceipt> receipts = List.of();
            List<Integer> golden = List.of();
            for (long nonce = 0; nonce < MAX_NONCES && golden.isEmpty(); nonce++) {
                particle = Particle.of(trace, nonce);
                receipts = particle.receipts();
                golden = miner.goldenHops(particle.ticket().hash(), receipts);
            }
            if (golden.isEmpty()) {
                throw new IllegalStateException(s + ": no golden hop with nonces below " + MAX_NONCES);
            }
            for (int k : golden) {
                ProofBundle b = Miner.bundle(particle.ticket(), particle.clientSig(), particle.trace(), receipts, k);
                add(files, index, "honest/" + s + "-hop-" + k, "honest", "", "", b);
                if (firstHonest == null) {
                    firstHonest = b;
                    firstParticle = particle;
                }
            }
            int notGolden = firstNotGolden(golden, receipts.size());
            if (notGolden > 0) {
                ProofBundle b = Miner.bundle(particle.ticket(), particle.clientSig(), particle.trace(), receipts,
                        notGolden);
                add(files, index, "tampered/" + s + "-not-golden-hop-" + notGolden, "tampered", "golden hop",
                        "host:NotGolden", b);
            }
        }
        tampered(files, index, firstHonest, firstParticle);
        forged(files, index, context);
        files.put(INDEX, index.bytes());
        return files;
    }

    private static int firstNotGolden(List<Integer> golden, int receipts) {
        for (int k = 1; k < receipts; k++) {
            if (!golden.contains(k)) {
                return k;
            }
        }
        return 0;
    }

    /** One tampered copy of {@code b} per field; each must be refused by the named check. */
    private static void tampered(TreeMap<String, byte[]> files, JsonLines index, ProofBundle b, Particle particle) {
        int last = b.receipts().size() - 1;
        ParticleTicket t = b.ticket();
        EvmAddress stranger = ReceiptKey.deriveForTesting("aurum/vectors/bundles/stranger").address();
        ticket(files, index, b, "ticket-epoch", new ParticleTicket(t.particleHash(), t.client(), t.faceValue(),
                t.epoch() + 1, t.target(), t.nonce()), "BadClientSignature");
        ticket(files, index, b, "ticket-nonce", new ParticleTicket(t.particleHash(), t.client(), t.faceValue(),
                t.epoch(), t.target(), t.nonce() + 1), "BadClientSignature");
        ticket(files, index, b, "ticket-client", new ParticleTicket(t.particleHash(), stranger, t.faceValue(),
                t.epoch(), t.target(), t.nonce()), "BadClientSignature");
        ticket(files, index, b, "ticket-target", new ParticleTicket(t.particleHash(), t.client(), t.faceValue(),
                t.epoch(), Target.oneIn(1000), t.nonce()), "BadClientSignature");
        ticket(files, index, b, "ticket-face-value", new ParticleTicket(t.particleHash(), t.client(),
                t.faceValue().add(BigInteger.ONE), t.epoch(), t.target(), t.nonce()), "BadClientSignature");
        // the client re-signs a ticket for another particle: only the particle hash is wrong
        ParticleTicket otherParticle = new ParticleTicket(Keccak.keccak256Utf8("another particle"), t.client(),
                t.faceValue(), t.epoch(), t.target(), t.nonce());
        add(files, index, "tampered/ticket-particle-hash", "tampered", "ticket.particleHash", "ParticleMismatch",
                new ProofBundle(otherParticle, CLIENT.sign(DOMAIN.digest(otherParticle.hash())), b.receipts(),
                        b.trace()));
        EcdsaSignature cs = b.clientSignature();
        add(files, index, "tampered/client-signature-r", "tampered", "clientSig", "BadClientSignature",
                new ProofBundle(t, new EcdsaSignature(cs.r().add(BigInteger.ONE), cs.s(), cs.v()), b.receipts(),
                        b.trace()));
        add(files, index, "tampered/client-signature-high-s", "tampered", "clientSig", "BadClientSignature",
                new ProofBundle(t, highS(cs), b.receipts(), b.trace()));
        receipt(files, index, b, 0, "receipt-1-hop", r -> new HopReceipt(r.ticketHash(), r.hopIndex() + 1,
                r.peer(), r.prevReceiptHash(), r.dataCommitment(), r.cidsHash()), particle, "BrokenReceiptChain");
        receipt(files, index, b, 0, "receipt-1-ticket", r -> new HopReceipt(Keccak.keccak256Utf8("other ticket"),
                r.hopIndex(), r.peer(), r.prevReceiptHash(), r.dataCommitment(), r.cidsHash()), particle,
                "BrokenReceiptChain");
        receipt(files, index, b, last, "receipt-last-prev", r -> new HopReceipt(r.ticketHash(), r.hopIndex(),
                r.peer(), Keccak.keccak256Utf8("other receipt"), r.dataCommitment(), r.cidsHash()), particle,
                "BrokenReceiptChain");
        receipt(files, index, b, last, "receipt-last-data", r -> new HopReceipt(r.ticketHash(), r.hopIndex(),
                r.peer(), r.prevReceiptHash(), Keccak.keccak256Utf8("other data"), r.cidsHash()), particle,
                "DataCommitment");
        receipt(files, index, b, last, "receipt-last-cids", r -> new HopReceipt(r.ticketHash(), r.hopIndex(),
                r.peer(), r.prevReceiptHash(), r.dataCommitment(), Keccak.keccak256Utf8("other record")), particle,
                "HopRecordCommitment");
        receipt(files, index, b, last, "receipt-last-peer", r -> new HopReceipt(r.ticketHash(), r.hopIndex(),
                r.peer() + 100, r.prevReceiptHash(), r.dataCommitment(), r.cidsHash()), particle, "host:WrongPeer");
        List<SignedReceipt> receipts = new ArrayList<>(b.receipts());
        SignedReceipt lastReceipt = receipts.get(last);
        EcdsaSignature rs = lastReceipt.signature();
        receipts.set(last, new SignedReceipt(lastReceipt.receipt(),
                new EcdsaSignature(rs.r().add(BigInteger.ONE), rs.s(), rs.v())));
        add(files, index, "tampered/receipt-last-signature-r", "tampered", "receipts[last].sig",
                "host:BadReceiptSignature", new ProofBundle(t, cs, receipts, b.trace()));
        receipts.set(last, new SignedReceipt(lastReceipt.receipt(), highS(rs)));
        add(files, index, "tampered/receipt-last-signature-high-s", "tampered", "receipts[last].sig",
                "BadReceiptSignature", new ProofBundle(t, cs, receipts, b.trace()));
        add(files, index, "tampered/receipts-one-dropped", "tampered", "receipts", "TraceLength",
                new ProofBundle(t, cs, b.receipts().subList(0, last), b.trace()));
        add(files, index, "tampered/trace-hop-dropped", "tampered", "trace", "TraceLength",
                new ProofBundle(t, cs, b.receipts(), Miner.prefix(b.trace(), b.trace().hops().size() - 1)));
        byte[] encoded = ProofBundleCodec.encode(b);
        byte[] truncated = java.util.Arrays.copyOf(encoded, encoded.length - 1);
        addBytes(files, index, "tampered/truncated", "tampered", "encoding", "Decode", truncated);
        byte[] versionTwo = encoded.clone();
        versionTwo[versionIndex(encoded)] = 0x02;
        addBytes(files, index, "tampered/version-2", "tampered", "v", "Decode", versionTwo);
    }

    /**
     * Forged traces bundled by a colluding miner: the receipt keys sign receipts for the forged trace, so
     * every check before the replay passes and the replay must find the forgery.
     */
    private static void forged(TreeMap<String, byte[]> files, JsonLines index, VectorContext context) {
        String attacked = "fork-join";
        AquaVm engine = new MemoizingAquaVm(context.reference());
        SignedTrace honest = context.recorded(attacked).run().trace();
        TreeMap<String, KeyPair> peerKeys = new TreeMap<>();
        for (PeerIdentity id : ScenarioCatalog.load(attacked).identities().values()) {
            peerKeys.put(id.peerId().toString(), id.keys());
        }
        for (Attack a : AttackCorpus.forkJoin(honest, peerKeys, engine)) {
            if (!FORGED.contains(a.name())) {
                continue;
            }
            SignedTrace trace;
            try {
                trace = TraceCodec.decode(a.trace());
            } catch (dev.aurum.aquavm.codec.DecodeException e) {
                throw new IllegalStateException("attack " + a.name() + " does not decode", e);
            }
            Particle particle = Particle.of(trace, 0);
            List<SignedReceipt> receipts = particle.receipts();
            int k = receipts.size() - 1;
            add(files, index, "forged/" + a.name(), "forged", "trace", "Replay",
                    Miner.bundle(particle.ticket(), particle.clientSig(), trace, receipts, k));
        }
    }

    private static void ticket(TreeMap<String, byte[]> files, JsonLines index, ProofBundle b, String name,
                               ParticleTicket changed, String expected) {
        add(files, index, "tampered/" + name, "tampered", "ticket", expected,
                new ProofBundle(changed, b.clientSignature(), b.receipts(), b.trace()));
    }

    /** Receipt {@code i} changed and re-signed by its peer's receipt key (the peer itself lies). */
    private static void receipt(TreeMap<String, byte[]> files, JsonLines index, ProofBundle b, int i, String name,
                                UnaryOperator<HopReceipt> change, Particle particle, String expected) {
        List<SignedReceipt> receipts = new ArrayList<>(b.receipts());
        HopReceipt changed = change.apply(receipts.get(i).receipt());
        String peer = b.trace().hops().get(i).peer();
        receipts.set(i, SignedReceipt.sign(DOMAIN, changed, particle.keys().get(peer)));
        add(files, index, "tampered/" + name, "tampered", "receipts[" + i + "]", expected,
                new ProofBundle(b.ticket(), b.clientSignature(), receipts, b.trace()));
    }

    /** The same signature with s replaced by n - s (and v flipped): valid for ecrecover, refused as malleable. */
    private static EcdsaSignature highS(EcdsaSignature sig) {
        return new EcdsaSignature(sig.r(), Secp256k1.N.subtract(sig.s()), sig.v() == 27 ? 28 : 27);
    }

    /** Offset of the value of the top-level key "v" (canonical order puts it first: a5 61 76 01). */
    private static int versionIndex(byte[] encoded) {
        if ((encoded[0] & 0xFF) != 0xA5 || encoded[1] != 0x61 || encoded[2] != 'v' || encoded[3] != 0x01) {
            throw new IllegalStateException("a bundle starts with {\"v\": 1, ...}");
        }
        return 3;
    }

    private static void add(TreeMap<String, byte[]> files, JsonLines index, String name, String kind, String field,
                            String expected, ProofBundle bundle) {
        addBytes(files, index, name, kind, field, expected, ProofBundleCodec.encode(bundle));
    }

    private static void addBytes(TreeMap<String, byte[]> files, JsonLines index, String name, String kind,
                                 String field, String expected, byte[] bytes) {
        String path = DIRECTORY + name + ".bundle";
        if (files.put(path, bytes) != null) {
            throw new IllegalStateException("two bundles are named " + name);
        }
        byte[] verdict = VerificationRequest.verdict(bytes, null, DOMAIN);
        // the set checks itself: each bundle is refused by exactly the check it was made for
        String text = new String(verdict, java.nio.charset.StandardCharsets.UTF_8);
        boolean byModule = !expected.isEmpty() && !expected.startsWith("host:");
        String wanted = byModule ? "\"problem\":{\"check\":\"" + expected + "\"" : "\"problem\":null";
        if (!text.contains(wanted)) {
            throw new IllegalStateException(name + ": expected " + (byModule ? expected : "no problem the module "
                    + "can see") + ", verdict " + text.substring(0, Math.min(text.length(), 400)));
        }
        files.put(DIRECTORY + name + ".verdict.json", verdict);
        index.line("file", path, "kind", kind, "field", field, "expected", expected,
                "chain_id", CHAIN_ID, "registry", REGISTRY.toHex());
    }
}
