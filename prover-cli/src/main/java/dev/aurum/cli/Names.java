package dev.aurum.cli;

import dev.aurum.proofs.runtime.PeerIdentity;
import dev.aurum.proofs.runtime.Scenario;

import java.util.ArrayList;
import java.util.List;

/** Human labels for PeerIds: the scenario name when known, else a shortened id. */
final class Names {

    private Names() {
    }

    static String label(Scenario s, String peerId) {
        if (s != null) {
            for (Scenario.PeerSpec p : s.peers()) {
                if (PeerIdentity.forName(p.name()).peerId().toString().equals(peerId)) {
                    return p.name();
                }
            }
        }
        return shortId(peerId);
    }

    static List<String> labels(Scenario s, List<String> peerIds) {
        List<String> out = new ArrayList<>();
        for (String p : peerIds) {
            out.add(label(s, p));
        }
        return out;
    }

    /** {@code 12D3KooW…last8}: enough to tell peers apart in a table. */
    static String shortId(String peerId) {
        return peerId.length() <= 20 ? peerId : peerId.substring(0, 8) + "…" + peerId.substring(peerId.length() - 8);
    }
}
