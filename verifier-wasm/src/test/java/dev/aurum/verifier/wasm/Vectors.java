package dev.aurum.verifier.wasm;

import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.reference.AvmModule;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import dev.aurum.proofs.runtime.BuiltinScenarios;
import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.runtime.Scenario;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.verifier.attacks.Attack;
import dev.aurum.verifier.attacks.AttackCorpus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every trace vector there is: the honest traces of the built-in scenarios, recorded on the real
 * avm.wasm (as peers produce them), and the whole attack corpus forged from the fork-join one. Built
 * once per test JVM, in a fixed order.
 */
final class Vectors {

    private static Map<String, byte[]> all;

    private Vectors() {
    }

    static synchronized Map<String, byte[]> traces() {
        if (all == null) {
            ReferenceAquaVm reference = new ReferenceAquaVm(AvmModule.load());
            Map<String, byte[]> out = new LinkedHashMap<>();
            SignedTrace forkJoin = null;
            Map<String, KeyPair> keys = new TreeMap<>();
            for (String name : BuiltinScenarios.NAMES) {
                Scenario s = BuiltinScenarios.load(name);
                SignedTrace trace = s.run(reference).trace();
                out.put("honest/" + name, TraceCodec.encode(trace));
                if (name.equals("fork-join")) {
                    forkJoin = trace;
                    for (PeerIdentity id : s.identities().values()) {
                        keys.put(id.peerId().toString(), id.keys());
                    }
                }
            }
            for (Attack a : AttackCorpus.forkJoin(forkJoin, keys, reference)) {
                out.put("attack/" + a.name(), a.trace());
            }
            all = out;
        }
        return all;
    }
}
