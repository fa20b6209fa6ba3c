package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.data.CanonicalOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIDs this peer owns in the trace (service results of its calls, canon results of its canons),
 * met in this run, duplicates kept: the multiset this peer signs.
 */
final class PeerCidTracker {

    private final String currentPeerId;
    private final List<String> cids = new ArrayList<>();

    PeerCidTracker(String currentPeerId) {
        this.currentPeerId = currentPeerId;
    }

    void register(String peerId, String cid) {
        if (peerId.equals(currentPeerId)) {
            cids.add(cid);
        }
    }

    /** Sorted by byte order, as signed. */
    List<String> sortedCids() {
        List<String> sorted = new ArrayList<>(cids);
        sorted.sort(CanonicalOrder.STRINGS);
        return sorted;
    }
}
