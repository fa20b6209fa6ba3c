package dev.aurum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.aquavm.reference.AvmModule;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.cli.devnet.Devnet;
import dev.aurum.cli.devnet.Workload;
import dev.aurum.contracts.DeployParams;
import dev.aurum.contracts.EpochInfo;
import dev.aurum.contracts.GoldenChain;
import dev.aurum.contracts.GoldenClient;
import dev.aurum.contracts.LocalChainControl;
import dev.aurum.proofs.golden.Miner;
import dev.aurum.proofs.golden.MiningContext;
import dev.aurum.proofs.golden.ProofBundle;
import dev.aurum.proofs.golden.ProofBundleCodec;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.trace.SignedTrace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The operator commands against a live (embedded) registry: status, submit, attest, claim. */
class OperatorCommandsTest {

    private static final ReferenceAquaVm ENGINE = new ReferenceAquaVm(AvmModule.load());
    private static final BigInteger ETH = BigInteger.TEN.pow(18);

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(Callable<Integer> command, ChainOptions chain, Map<String, String> env, String... args) {
        chain.env = env;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Map<String, String> keyEnv(ReceiptKey key) {
        return Map.of(ChainOptions.KEY_ENV, key.secret().toHexString());
    }

    @Test
    void submitAttestClaimAndStatusDriveAGoldenClaimToPayment() throws Exception {
        DeployParams params = new DeployParams(86_400, 2, 60, BigInteger.TEN.pow(16), BigInteger.TEN.pow(14),
                new Target(Target.MAX), 100);
        try (GoldenChain chain = GoldenChain.embedded(params, List.of("--timestamp", "1700000000"))) {
            GoldenClient owner = chain.owner();
            LocalChainControl control = chain.localControl().orElseThrow();
            List<String> names = List.of("peer-1", "peer-2", "peer-3", "peer-4", "peer-5");
            Map<String, ReceiptKey> keyOf = new TreeMap<>();
            Map<String, Long> indexes = new TreeMap<>();
            for (String name : names) {
                ReceiptKey key = ReceiptKey.deriveForTesting("ops/" + name);
                control.setBalance(key.address(), ETH);
                PeerIdentity id = PeerIdentity.forName(name);
                var reg = owner.as(key).registerPeer(id.keys(), key, ReceiptKey.deriveForTesting("ops/payee/" + name).address(),
                        BigInteger.TEN.pow(16));
                keyOf.put(id.peerId().toString(), key);
                indexes.put(id.peerId().toString(), reg.peer().value());
            }
            ReceiptKey v1 = ReceiptKey.deriveForTesting("ops/verifier-1");
            ReceiptKey v2 = ReceiptKey.deriveForTesting("ops/verifier-2");
            ReceiptKey client = ReceiptKey.deriveForTesting("ops/client");
            for (ReceiptKey k : List.of(v1, v2, client)) {
                control.setBalance(k.address(), ETH);
            }
            owner.addVerifier(v1.address());
            owner.addVerifier(v2.address());
            owner.setQuorum(2);
            owner.setModuleHash(Devnet.moduleHash(ENGINE));
            owner.as(client).deposit(BigInteger.TEN.pow(17));
            EpochInfo epoch = owner.epoch(owner.currentEpoch());
            Target target = new Target(epoch.target());
            Miner miner = new Miner(new MiningContext(owner.domain(), epoch.epoch(), epoch.seed().orElseThrow(), target));

            ProofBundle bundle = null;
            for (Workload.PlannedParticle p : Workload.plan(40, names, 5)) {
                SignedTrace trace = p.runnable().run(ENGINE).trace();
                var h = trace.particle();
                ParticleTicket ticket = new ParticleTicket(new ParticleHeader(h.id(), h.timestamp(), h.ttl(), h.script())
                        .particleHash(), client.address(), BigInteger.TEN.pow(16), epoch.epoch(), target, p.number());
                List<SignedReceipt> receipts = Miner.receipts(ticket.hash(), trace, indexes,
                        (peer, r) -> SignedReceipt.sign(owner.domain(), r, keyOf.get(peer)));
                List<ProofBundle> found = miner.mine(ticket, client.sign(owner.domain().digest(ticket.hash())), trace,
                        receipts);
                if (!found.isEmpty()) {
                    bundle = found.get(0);
                    break;
                }
            }
            assertTrue(bundle != null, "some hop of 40 particles is golden at 1/16");
            Path file = dir.resolve("golden.bundle");
            Files.write(file, ProofBundleCodec.encode(bundle));
            String[] where = {"--rpc", chain.rpcUrl(), "--registry", owner.contractAddress().toHex()};

            StatusCommand status = new StatusCommand();
            Run s0 = run(status, status.chain, Map.of(), concat(where, "--json", file.toString()));
            assertEquals(0, s0.exit(), s0.err());
            assertEquals("NONE", s0.json().get("claims").get(0).get("status").asText());

            SubmitCommand noKey = new SubmitCommand();
            Run missing = run(noKey, noKey.chain, Map.of(), concat(where, file.toString()));
            assertEquals(2, missing.exit());
            assertTrue(missing.err().contains("AURUM_KEY"), missing.err());

            ReceiptKey submitter = keyOf.values().iterator().next();
            SubmitCommand submit = new SubmitCommand();
            Run sub = run(submit, submit.chain, keyEnv(submitter), concat(where, "--json", file.toString()));
            assertEquals(0, sub.exit(), sub.out() + sub.err());
            Path claimFile = Path.of(file + ".claim.json");
            assertTrue(Files.exists(claimFile));

            Path tampered = dir.resolve("tampered.bundle");
            byte[] bytes = ProofBundleCodec.encode(bundle);
            bytes[bytes.length - 10] ^= 1; // inside the client signature's s
            Files.write(tampered, bytes);
            for (ReceiptKey v : List.of(v1, v2)) {
                AttestCommand attest = new AttestCommand();
                Run a = run(attest, attest.chain, keyEnv(v), concat(where, "--engine", "reference", "--json",
                        file.toString()));
                assertEquals(0, a.exit(), a.out() + a.err());
                assertTrue(a.json().get(0).get("valid").asBoolean());
                AttestCommand dry = new AttestCommand();
                Run t = run(dry, dry.chain, keyEnv(v), concat(where, "--engine", "reference", "--dry-run",
                        tampered.toString()));
                assertEquals(1, t.exit(), t.out() + t.err());
            }

            ClaimCommand claim = new ClaimCommand();
            String firstPeer = Long.toString(bundle.receipts().get(0).receipt().peer()); // paid for hop 1
            Run c = run(claim, claim.chain, keyEnv(submitter), concat(where, "--json", "--withdraw", "--peer", firstPeer,
                    claimFile.toString()));
            assertEquals(0, c.exit(), c.out() + c.err());
            assertEquals("FINALIZED", c.json().get("finalized").get(0).get("status").asText());

            // `aurum mine` runs the same seeded workload with the same keys: it must write this very bundle
            StringBuilder peerKeys = new StringBuilder();
            for (String name : names) {
                peerKeys.append(peerKeys.length() == 0 ? "" : ",").append(ReceiptKey.deriveForTesting("ops/" + name)
                        .secret().toHexString());
            }
            MineCommand mine = new MineCommand();
            Path mined = dir.resolve("mined");
            Run m = run(mine, mine.chain, Map.of(ChainOptions.KEY_ENV, client.secret().toHexString(),
                    MineCommand.PEER_KEYS_ENV, peerKeys.toString()), concat(where, "--particles", "40", "--seed", "5",
                    "--engine", "reference", "--json", "--out", mined.toString()));
            assertEquals(0, m.exit(), m.out() + m.err());
            Path same = mined.resolve(bundle.trace().particle().id() + "-hop" + bundle.goldenHop() + ".bundle");
            assertTrue(java.util.Arrays.equals(ProofBundleCodec.encode(bundle), Files.readAllBytes(same)));
            MineCommand badKeys = new MineCommand();
            Run bad = run(badKeys, badKeys.chain, Map.of(ChainOptions.KEY_ENV, client.secret().toHexString(),
                    MineCommand.PEER_KEYS_ENV, peerKeys.toString().replace(",", ",0x01,")), concat(where, "--out",
                    mined.toString()));
            assertEquals(2, bad.exit(), bad.err());

            StatusCommand after = new StatusCommand();
            Run s1 = run(after, after.chain, keyEnv(submitter), concat(where, "--json", file.toString()));
            assertEquals("FINALIZED", s1.json().get("claims").get(0).get("status").asText());
            assertEquals(2, s1.json().get("claims").get(0).get("approvals").asInt());
            assertEquals("0", s1.json().get("account").get("registryBalanceWei").asText());
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> out = new ArrayList<>(List.of(a));
        out.addAll(List.of(b));
        return out.toArray(new String[0]);
    }
}
