package dev.aurum.cli.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders a devnet result: the final text table, a JSON document, and the HTML report with hop graphs. */
public final class DevnetReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DevnetReport() {
    }

    public static void table(DevnetResult r, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-10s %-7s %-12s %-12s %-15s %-14s %-12s%n", "particles", "hops", "golden hops", "claims paid",
                "verdicts valid", "gas (claims)", "gas (setup)");
        out.printf(Locale.ROOT, "%-10d %-7d %-12d %-12d %-15s %-14d %-12d%n", r.particles(), r.hops(), r.goldenHops(), r.claimsPaid(),
                r.verdictsValid() + "/" + (r.verdictsValid() + r.verdictsInvalid()), r.claimGas(), r.setupGas());
        out.println();
        out.printf(Locale.ROOT, "%-8s %-6s %-6s %-7s %-22s %-22s %s%n", "peer", "index", "hops", "golden", "hop rewards", "refunds",
                "PeerId");
        for (DevnetResult.PeerRow p : r.peers()) {
            out.printf(Locale.ROOT, "%-8s %-6d %-6d %-7d %-22s %-22s %s%n", p.name(), p.index(), p.hops(), p.golden(),
                    Eth.format(p.hopRewards()), Eth.format(p.refunds()), p.peerId());
        }
        out.println();
        out.printf(Locale.ROOT, "%-6s %-10s %-10s %-6s %-7s %-8s %s%n", "epoch", "particles", "hops", "golden",
                "claims", "target", "retarget");
        for (DevnetResult.EpochRow e : r.epochs()) {
            out.printf(Locale.ROOT, "%-6d %-10d %-10d %-6d %-7d %-8s %s%n", e.epoch(), e.particles(), e.hops(), e.golden(),
                    e.claimsAccepted(), oneIn(e.target()), e.retargetedAsSpecified() ? "as specified"
                            : "MISMATCH: expected " + oneIn(e.expectedTarget()));
        }
        out.println();
        out.println("escrow paid out " + Eth.format(r.escrowPaidOut()) + ", rewards received " + Eth.format(r.rewardsPaid())
                + (r.escrowPaidOut().equals(r.rewardsPaid()) ? " (equal)" : " (MISMATCH)"));
        out.println("tampered bundles refused: committee " + r.tamperedRefusedByCommittee() + "/" + r.tamperedTried()
                + ", registry " + r.tamperedRefusedByContract() + "/" + r.tamperedTried());
        DevnetResult.Timing t = r.timing();
        out.printf(Locale.ROOT, "time: %d ms total; hop processing %d ms (%d hops/s), receipts %d ms, mining %d ms (%s of hop "
                        + "processing), verification %d ms, submission %d ms%n",
                t.totalNanos() / 1_000_000, t.processNanos() / 1_000_000, perSecond(r.hops(), t.processNanos()),
                t.receiptNanos() / 1_000_000, t.miningNanos() / 1_000_000, percent(t.miningNanos(), t.processNanos()),
                t.verifyNanos() / 1_000_000, t.submitNanos() / 1_000_000);
        out.println(r.allChecksPass() ? "OK: every golden claim paid, every verdict valid, rewards == escrow paid out"
                : "FAILED: see the counts above");
    }

    /** A target as 1/N, N = 2^256 / target rounded down: the golden odds per evaluable hop. */
    static String oneIn(java.math.BigInteger target) {
        return "1/" + java.math.BigInteger.ONE.shiftLeft(256).divide(target);
    }

    static long perSecond(long n, long nanos) {
        return nanos == 0 ? 0 : n * 1_000_000_000L / nanos;
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f%%", 100.0 * part / whole);
    }

    public static String json(DevnetResult r) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode cfg = root.putObject("config");
        cfg.put("peers", r.config().peers()).put("particles", r.config().particles())
                .put("difficulty", r.config().difficulty()).put("seed", r.config().seed())
                .put("verifiers", r.config().verifiers()).put("quorum", r.config().quorum())
                .put("epochs", r.config().epochs()).put("claimsPerEpoch", r.config().claimsPerEpoch());
        root.put("engine", r.engine()).put("contract", r.contract()).put("particles", r.particles())
                .put("hops", r.hops()).put("goldenHops", r.goldenHops()).put("claimsSubmitted", r.claimsSubmitted())
                .put("claimsSkipped", r.claimsSkipped()).put("claimsPaid", r.claimsPaid())
                .put("verdictsValid", r.verdictsValid()).put("verdictsInvalid", r.verdictsInvalid())
                .put("claimGas", r.claimGas()).put("setupGas", r.setupGas())
                .put("escrowPaidOutWei", r.escrowPaidOut().toString()).put("rewardsPaidWei", r.rewardsPaid().toString())
                .put("tamperedTried", r.tamperedTried()).put("tamperedRefusedByCommittee", r.tamperedRefusedByCommittee())
                .put("tamperedRefusedByContract", r.tamperedRefusedByContract())
                .put("ok", r.allChecksPass());
        ArrayNode peers = root.putArray("peers");
        for (DevnetResult.PeerRow p : r.peers()) {
            peers.addObject().put("name", p.name()).put("peerId", p.peerId()).put("index", p.index())
                    .put("hops", p.hops()).put("golden", p.golden()).put("hopRewardsWei", p.hopRewards().toString())
                    .put("refundsWei", p.refunds().toString());
        }
        ArrayNode epochs = root.putArray("epochs");
        for (DevnetResult.EpochRow e : r.epochs()) {
            epochs.addObject().put("epoch", e.epoch()).put("target", "0x" + e.target().toString(16))
                    .put("expectedTarget", "0x" + e.expectedTarget().toString(16)).put("particles", e.particles())
                    .put("hops", e.hops()).put("golden", e.golden()).put("claimsAccepted", e.claimsAccepted());
        }
        DevnetResult.Timing t = r.timing();
        root.putObject("timingMs").put("total", t.totalNanos() / 1_000_000).put("hopProcessing", t.processNanos() / 1_000_000)
                .put("receipts", t.receiptNanos() / 1_000_000).put("mining", t.miningNanos() / 1_000_000)
                .put("verification", t.verifyNanos() / 1_000_000).put("submission", t.submitNanos() / 1_000_000);
        return root.toPrettyString();
    }

    /** A self-contained HTML page: the table, and per particle an SVG of its hops (golden hops in gold). */
    public static String html(DevnetResult r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Aurum devnet</title><style>")
                .append("body{font-family:sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append("padding:3px 8px;text-align:right}th{background:#eee}.p{margin:10px 0}</style></head><body>\n")
                .append("<h1>Aurum devnet</h1>\n<p>seed ").append(r.config().seed()).append(", ").append(r.config().peers())
                .append(" peers, difficulty 1/").append(r.config().difficulty()).append(", engine ").append(esc(r.engine()))
                .append(", registry ").append(esc(r.contract())).append(". ")
                .append(r.allChecksPass() ? "All checks passed." : "<b>Checks failed.</b>").append("</p>\n<table><tr>");
        for (String c : List.of("particles", "hops", "golden hops", "claims paid", "verdicts valid", "gas (claims)",
                "escrow paid out", "rewards received")) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr><tr><td>").append(r.particles()).append("</td><td>").append(r.hops()).append("</td><td>")
                .append(r.goldenHops()).append("</td><td>").append(r.claimsPaid()).append("</td><td>")
                .append(r.verdictsValid()).append('/').append(r.verdictsValid() + r.verdictsInvalid()).append("</td><td>")
                .append(r.claimGas()).append("</td><td>").append(Eth.format(r.escrowPaidOut())).append("</td><td>")
                .append(Eth.format(r.rewardsPaid())).append("</td></tr></table>\n<h2>Peers</h2>\n<table><tr>");
        for (String c : List.of("peer", "index", "hops", "golden", "hop rewards", "refunds", "PeerId")) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr>\n");
        for (DevnetResult.PeerRow p : r.peers()) {
            h.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(p.index()).append("</td><td>")
                    .append(p.hops()).append("</td><td>").append(p.golden()).append("</td><td>")
                    .append(Eth.format(p.hopRewards())).append("</td><td>").append(Eth.format(p.refunds()))
                    .append("</td><td style=\"text-align:left\"><code>").append(esc(p.peerId())).append("</code></td></tr>\n");
        }
        h.append("</table>\n<h2>Epochs</h2>\n<table><tr>");
        for (String c : List.of("epoch", "particles", "hops", "golden", "claims", "target", "retarget")) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr>\n");
        for (DevnetResult.EpochRow e : r.epochs()) {
            h.append("<tr><td>").append(e.epoch()).append("</td><td>").append(e.particles()).append("</td><td>")
                    .append(e.hops()).append("</td><td>").append(e.golden()).append("</td><td>").append(e.claimsAccepted())
                    .append("</td><td>").append(oneIn(e.target())).append("</td><td>")
                    .append(e.retargetedAsSpecified() ? "as specified" : "<b>expected " + oneIn(e.expectedTarget()) + "</b>")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Particles</h2>\n");
        for (DevnetResult.ParticleRow p : r.particleRows()) {
            h.append("<div class=\"p\"><b>").append(esc(p.id())).append("</b> ").append(esc(p.scenario()))
                    .append(", epoch ").append(p.epoch())
                    .append(p.golden().isEmpty() ? "" : ", golden hops " + p.golden()).append("<br>\n").append(svg(p))
                    .append("</div>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** Hops left to right in trace order; an arc from the hop that delivered the particle to the hop it caused. */
    private static String svg(DevnetResult.ParticleRow p) {
        int gap = 90;
        int y = 60;
        int width = 40 + gap * p.hops().size();
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"100\">");
        for (DevnetResult.HopRow hop : p.hops()) {
            if (hop.from() >= 0) {
                int x1 = 40 + gap * hop.from();
                int x2 = 40 + gap * hop.index();
                int lift = 12 + 10 * (hop.index() - hop.from());
                s.append("<path d=\"M").append(x1).append(' ').append(y - 14).append(" Q").append((x1 + x2) / 2)
                        .append(' ').append(y - 14 - lift).append(' ').append(x2).append(' ').append(y - 14)
                        .append("\" fill=\"none\" stroke=\"#888\"/>");
            }
        }
        for (DevnetResult.HopRow hop : p.hops()) {
            int x = 40 + gap * hop.index();
            boolean golden = p.golden().contains(hop.index() + 1);
            s.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"14\" fill=\"")
                    .append(golden ? "#f5c542" : "#dde6f5").append("\" stroke=\"#333\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(y + 4)
                    .append("\" font-size=\"11\" text-anchor=\"middle\">").append(hop.index() + 1).append("</text>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(y + 30)
                    .append("\" font-size=\"10\" text-anchor=\"middle\">").append(esc(hop.peer())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
