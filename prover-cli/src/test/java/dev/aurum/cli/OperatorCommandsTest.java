package dev.aurum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
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
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.runtime.ScenarioParser;
import dev.aurum.proofs.trace.TraceCodec;
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

/** The operator commands against a live (embedded) registry: status, submit, attest, claim, mine. */
class OperatorCommandsTest {

    private static final JavaAquaVm ENGINE = new JavaAquaVm();
    private static final BigInteger ETH = BigInteger.TEN.pow(18);

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(Callable<Integer> command, OperatorOptions operator, Map<String, String> env, String... args) {
        operator.env = env;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Map<String, String> keyEnv(ReceiptKey key) {
        return Map.of(OperatorOptions.KEY_ENV, key.secret().toHexString());
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
            Run s0 = run(status, status.operator, Map.of(), concat(where, "--json", file.toString()));
            assertEquals(0, s0.exit(), s0.err());
            assertEquals("NONE", s0.json().get("claims").get(0).get("status").asText());

            SubmitCommand noKey = new SubmitCommand();
            Run missing = run(noKey, noKey.operator, Map.of(), concat(where, file.toString()));
            assertEquals(2, missing.exit());
            assertTrue(missing.err().contains("AURUM_KEY"), missing.err());

            ReceiptKey submitter = keyOf.values().iterator().next();
            SubmitCommand submit = new SubmitCommand();
            Run sub = run(submit, submit.operator, keyEnv(submitter), concat(where, "--json", file.toString()));
            assertEquals(0, sub.exit(), sub.out() + sub.err());
            Path claimFile = Path.of(file + ".claim.json");
            assertTrue(Files.exists(claimFile));

            Path tampered = dir.resolve("tampered.bundle");
            byte[] bytes = ProofBundleCodec.encode(bundle);
            bytes[bytes.length - 10] ^= 1; // inside the client signature's s
            Files.write(tampered, bytes);
            for (ReceiptKey v : List.of(v1, v2)) {
                AttestCommand attest = new AttestCommand();
                // the module hash names the Java engine; the reference engine must reach the same verdict
                String engine = v == v1 ? "java" : "reference";
                Run a = run(attest, attest.operator, keyEnv(v), concat(where, "--engine", engine, "--json",
                        file.toString()));
                assertEquals(0, a.exit(), a.out() + a.err());
                assertTrue(a.json().get(0).get("valid").asBoolean());
                AttestCommand dry = new AttestCommand();
                Run t = run(dry, dry.operator, keyEnv(v), concat(where, "--dry-run",
                        tampered.toString()));
                assertEquals(1, t.exit(), t.out() + t.err());
            }

            ClaimCommand claim = new ClaimCommand();
            String firstPeer = Long.toString(bundle.receipts().get(0).receipt().peer()); // paid for hop 1
            Run c = run(claim, claim.operator, keyEnv(submitter), concat(where, "--json", "--withdraw", "--peer", firstPeer,
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
            Run m = run(mine, mine.operator, Map.of(OperatorOptions.KEY_ENV, client.secret().toHexString(),
                    MineCommand.PEER_KEYS_ENV, peerKeys.toString()), concat(where, "--particles", "40", "--seed", "5",
                    "--json", "--out", mined.toString()));
            assertEquals(0, m.exit(), m.out() + m.err());
            Path same = mined.resolve(bundle.trace().particle().id() + "-hop" + bundle.goldenHop() + ".bundle");
            assertTrue(java.util.Arrays.equals(ProofBundleCodec.encode(bundle), Files.readAllBytes(same)));
            MineCommand badKeys = new MineCommand();
            Run bad = run(badKeys, badKeys.operator, Map.of(OperatorOptions.KEY_ENV, client.secret().toHexString(),
                    MineCommand.PEER_KEYS_ENV, peerKeys.toString().replace(",", ",0x01,")), concat(where, "--out",
                    mined.toString()));
            assertEquals(2, bad.exit(), bad.err());

            // `aurum mine --from DIR`: a recorded trace and a scenario file; file-name order gives ticket nonces 0, 1
            MiningSetup setup = new MiningSetup(miner, client, owner.domain(), indexes, keyOf);
            SignedTrace recorded = null;
            for (Workload.PlannedParticle p : Workload.plan(40, names, 5)) {
                SignedTrace trace = p.runnable().run(ENGINE).trace();
                if (!setup.mine(trace, 0).isEmpty()) {
                    recorded = trace;
                    break;
                }
            }
            assertTrue(recorded != null, "some particle of 40 has a golden hop as nonce 0");
            Path particles = Files.createDirectories(dir.resolve("particles"));
            Files.write(particles.resolve("a.trace"), TraceCodec.encode(recorded));
            Files.writeString(particles.resolve("b.json"), RELAY_SCENARIO);
            Files.writeString(particles.resolve("notes.txt"), "not a particle: skipped");
            List<ProofBundle> expected = new ArrayList<>(setup.mine(recorded, 0));
            expected.addAll(setup.mine(ScenarioParser.parse(RELAY_SCENARIO).run(ENGINE).trace(), 1));
            Path minedFromDir = dir.resolve("mined-from-dir");
            MineCommand fromDir = new MineCommand();
            Run d = run(fromDir, fromDir.operator, Map.of(OperatorOptions.KEY_ENV, client.secret().toHexString(),
                    MineCommand.PEER_KEYS_ENV, peerKeys.toString()), concat(where, "--from", particles.toString(), "--json",
                    "--out", minedFromDir.toString()));
            assertEquals(0, d.exit(), d.out() + d.err());
            assertEquals(2, d.json().get("particles").asInt());
            assertEquals(expected.size(), d.json().get("bundles").size());
            for (ProofBundle b : expected) {
                Path f = minedFromDir.resolve(b.trace().particle().id() + "-hop" + b.goldenHop() + ".bundle");
                assertTrue(java.util.Arrays.equals(ProofBundleCodec.encode(b), Files.readAllBytes(f)), f.toString());
            }

            Path broken = Files.createDirectories(dir.resolve("broken"));
            Files.writeString(broken.resolve("bad.json"), "{\"name\": ");
            MineCommand badDir = new MineCommand();
            Run bd = run(badDir, badDir.operator, Map.of(OperatorOptions.KEY_ENV, client.secret().toHexString(),
                    MineCommand.PEER_KEYS_ENV, peerKeys.toString()), concat(where, "--from", broken.toString(), "--out",
                    minedFromDir.toString()));
            assertEquals(2, bd.exit());
            assertTrue(bd.err().contains("bad.json"), bd.err());
            Path strangers = Files.createDirectories(dir.resolve("strangers"));
            Files.writeString(strangers.resolve("s.json"), RELAY_SCENARIO.replace("peer-3", "stranger"));
            MineCommand strangerDir = new MineCommand();
            Run sd = run(strangerDir, strangerDir.operator, Map.of(OperatorOptions.KEY_ENV, client.secret().toHexString(),
                    MineCommand.PEER_KEYS_ENV, peerKeys.toString()), concat(where, "--from", strangers.toString(), "--out",
                    minedFromDir.toString()));
            assertEquals(2, sd.exit());
            assertTrue(sd.err().contains("s.json") && sd.err().contains("not one of peer-1..peer-5"), sd.err());

            StatusCommand after = new StatusCommand();
            Run s1 = run(after, after.operator, keyEnv(submitter), concat(where, "--json", file.toString()));
            assertEquals("FINALIZED", s1.json().get("claims").get(0).get("status").asText());
            assertEquals(2, s1.json().get("claims").get(0).get("approvals").asInt());
            assertEquals("0", s1.json().get("account").get("registryBalanceWei").asText());
        }
    }

    /** A relay through peers 1, 2, 3 and back to 1, in the scenario format `aurum mine --from` reads. */
    private static final String RELAY_SCENARIO = """
            {"name": "relay", "particle": {"id": "from-dir-relay", "init": "peer-1", "timestamp": 1700000000000, "ttl": 60000},
             "peers": {"peer-1": {"sink.put": {"echo": true}}, "peer-2": {"relay.wrap": {"collect": true}},
                       "peer-3": {"relay.wrap": {"collect": true}}},
             "script": ["(seq (call \\"@peer-2\\" (\\"relay\\" \\"wrap\\") [\\"x\\"] b)",
                        " (seq (call \\"@peer-3\\" (\\"relay\\" \\"wrap\\") [b] c)",
                        "  (call \\"@peer-1\\" (\\"sink\\" \\"put\\") [c])))"]}
            """;

    /** What `aurum mine` does for one particle, computed here independently of the command. */
    private record MiningSetup(Miner miner, ReceiptKey client, Eip712Domain domain, Map<String, Long> indexes,
                               Map<String, ReceiptKey> keyOf) {
        List<ProofBundle> mine(SignedTrace trace, long nonce) {
            return miner.mineParticle(trace, client, BigInteger.TEN.pow(16), nonce, indexes,
                    (peer, r) -> SignedReceipt.sign(domain, r, keyOf.get(peer)));
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> out = new ArrayList<>(List.of(a));
        out.addAll(List.of(b));
        return out.toArray(new String[0]);
    }
}
