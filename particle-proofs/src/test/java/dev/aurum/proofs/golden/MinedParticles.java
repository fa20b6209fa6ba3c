package dev.aurum.proofs.golden;

import dev.aurum.aquavm.reference.AvmModule;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.Eip712Domain;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.ParticleHeader;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptKey;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.trace.Hop;
import dev.aurum.proofs.trace.SignedTrace;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes32;

/** Real traces (built-in scenarios on avm.wasm) with registered peers, receipt keys and a signed ticket. */
final class MinedParticles {

    static final ReferenceAquaVm ENGINE = new ReferenceAquaVm(AvmModule.load());
    static final Eip712Domain DOMAIN = Eip712Domain.golden(31337, EvmAddress.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
    static final ReceiptKey CLIENT = ReceiptKey.deriveForTesting("miner-test/client");

    /** One particle: its trace, the peers' registry indexes and receipt keys, and the client's ticket. */
    record Mined(SignedTrace trace, Map<String, Long> indexes, Map<String, ReceiptKey> keys, ParticleTicket ticket,
                 EcdsaSignature clientSig) {

        List<SignedReceipt> receipts() {
            return Miner.receipts(ticket.hash(), trace, indexes,
                    (peer, receipt) -> SignedReceipt.sign(DOMAIN, receipt, keys.get(peer)));
        }

        Map<Long, EvmAddress> receiptKeyByIndex() {
            Map<Long, EvmAddress> out = new TreeMap<>();
            for (var e : indexes.entrySet()) {
                out.put(e.getValue(), keys.get(e.getKey()).address());
            }
            return out;
        }
    }

    private MinedParticles() {
    }

    static Mined run(String scenario, Target target) {
        SignedTrace trace = BuiltinScenarios.load(scenario).run(ENGINE).trace();
        Map<String, Long> indexes = new TreeMap<>();
        Map<String, ReceiptKey> keys = new TreeMap<>();
        for (Hop h : trace.hops()) {
            if (!indexes.containsKey(h.peer())) {
                indexes.put(h.peer(), (long) indexes.size() + 1);
                keys.put(h.peer(), ReceiptKey.deriveForTesting("miner-test/receipt/" + h.peer()));
            }
        }
        var p = trace.particle();
        Bytes32 particleHash = new ParticleHeader(p.id(), p.timestamp(), p.ttl(), p.script()).particleHash();
        ParticleTicket ticket = new ParticleTicket(particleHash, CLIENT.address(), BigInteger.TEN.pow(15), 0, target, 7);
        return new Mined(trace, indexes, keys, ticket, CLIENT.sign(DOMAIN.digest(ticket.hash())));
    }
}
