package dev.aurum.cli.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.proofs.protocol.Retarget;
import dev.aurum.proofs.protocol.Target;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small devnet on the embedded anvil and the Java engine, end to end over three epochs, twice with the same seed. */
class DevnetEndToEndTest {

    private static final JavaAquaVm ENGINE = new JavaAquaVm();

    @Test
    void everyGoldenClaimIsPaidVerifiedAndAccountedAndTheRunIsReproducible() throws Exception {
        DevnetConfig config = new DevnetConfig(6, 30, 16, 11, 3, 2, 3, 1);
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

        // Particles span three epochs; epoch 2's target is the retarget of epoch 1's by epoch 0's claim count.
        assertEquals(List.of(0L, 1L, 2L), a.epochs().stream().map(DevnetResult.EpochRow::epoch).toList());
        assertEquals(30, a.epochs().stream().mapToInt(DevnetResult.EpochRow::particles).sum());
        DevnetResult.EpochRow e0 = a.epochs().get(0);
        DevnetResult.EpochRow e1 = a.epochs().get(1);
        DevnetResult.EpochRow e2 = a.epochs().get(2);
        assertEquals(Target.oneIn(16).value(), e0.target());
        assertEquals(e0.target(), e1.target(), "epoch 1 keeps the initial target");
        assertTrue(e0.claimsAccepted() > 1, "the seed was chosen so that epoch 0 has several claims: " + log);
        Target retargeted = Retarget.next(new Target(e1.target()), e0.claimsAccepted(), 1);
        assertEquals(retargeted.value(), e2.target());
        assertTrue(e2.target().compareTo(e1.target()) < 0, "more claims than desired make the target harder");
        for (DevnetResult.ParticleRow row : a.particleRows()) {
            assertTrue(row.epoch() >= 0 && row.epoch() <= 2);
        }

        DevnetResult b = new Devnet(config, ENGINE, line -> { }).run();
        assertEquals(a.contract(), b.contract());
        assertEquals(a.peers(), b.peers());
        assertEquals(a.particleRows(), b.particleRows());
        assertEquals(a.claimGas(), b.claimGas());
        assertEquals(a.epochs(), b.epochs());
        String html = DevnetReport.html(b);
        assertTrue(html.contains("<svg") && html.contains("devnet-11-0"), "report has hop graphs");
    }
}
