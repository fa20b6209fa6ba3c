package dev.aurum.cli.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.reference.AvmModule;
import dev.aurum.aquavm.reference.ReferenceAquaVm;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small devnet on the embedded anvil, end to end, twice with the same seed. */
class DevnetEndToEndTest {

    private static final ReferenceAquaVm ENGINE = new ReferenceAquaVm(AvmModule.load());

    @Test
    void everyGoldenClaimIsPaidVerifiedAndAccountedAndTheRunIsReproducible() throws Exception {
        DevnetConfig config = new DevnetConfig(6, 16, 16, 11, 3, 2);
        List<String> log = new ArrayList<>();
        DevnetResult a = new Devnet(config, ENGINE, log::add).run();

        assertTrue(a.goldenHops() > 0, "the seed was chosen so that some hops are golden: " + log);
        assertEquals(a.goldenHops(), a.claimsSubmitted());
        assertEquals(0, a.claimsSkipped());
        assertEquals(a.goldenHops(), a.claimsPaid());
        assertEquals(a.goldenHops() * 3, a.verdictsValid());
        assertEquals(0, a.verdictsInvalid());
        assertEquals(Devnet.FACE_VALUE.multiply(BigInteger.valueOf(a.claimsPaid())), a.escrowPaidOut());
        assertEquals(a.escrowPaidOut(), a.rewardsPaid());
        BigInteger perPeer = BigInteger.ZERO;
        int hops = 0;
        int golden = 0;
        for (DevnetResult.PeerRow p : a.peers()) {
            perPeer = perPeer.add(p.total());
            hops += p.hops();
            golden += p.golden();
        }
        assertEquals(a.rewardsPaid(), perPeer);
        assertEquals(a.hops(), hops);
        assertEquals(a.goldenHops(), golden);
        assertEquals(5, a.tamperedTried());
        assertEquals(5, a.tamperedRefusedByCommittee());
        assertEquals(5, a.tamperedRefusedByContract());
        assertTrue(a.allChecksPass());

        DevnetResult b = new Devnet(config, ENGINE, line -> { }).run();
        assertEquals(a.contract(), b.contract());
        assertEquals(a.peers(), b.peers());
        assertEquals(a.particleRows(), b.particleRows());
        assertEquals(a.claimGas(), b.claimGas());
        String html = DevnetReport.html(b);
        assertTrue(html.contains("<svg") && html.contains("devnet-11-0"), "report has hop graphs");
    }
}
