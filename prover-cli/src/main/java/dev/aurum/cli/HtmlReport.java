package dev.aurum.cli;

import dev.aurum.verifier.CallSummary;
import dev.aurum.verifier.Failure;
import dev.aurum.verifier.HopReport;
import dev.aurum.verifier.Participant;
import dev.aurum.verifier.VerificationReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report of a verification: the verdict, an inline SVG graph (peers as nodes in
 * order of first appearance, each delivery an arc labelled with the receiving hop; the failing hop's
 * arc and peer in red, hops never checked dashed), the hop table and the participants. Integer
 * geometry only, so the same report always renders to the same bytes.
 */
final class HtmlReport {

    private static final int NODE_GAP = 190;
    private static final int MARGIN = 90;
    private static final int NODE_R = 26;

    private HtmlReport() {
    }

    static String render(VerificationReport r, String traceName) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>aurum verify: ")
                .append(esc(traceName)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append(".valid{color:#17752f}.invalid{color:#b3261e}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
                .append("text-align:left;font-size:13px}tr.failed td{background:#fde7e5}")
                .append("tr.not_checked td{color:#888}code{font-size:12px}\n</style></head><body>\n");
        h.append("<h1>").append(esc(traceName)).append("</h1>\n");
        if (r.valid()) {
            h.append("<h2 class=\"valid\">VALID</h2><p>").append(r.hops().size()).append(" hops verified on the ")
                    .append(esc(r.engine())).append(" engine.</p>\n");
        } else {
            Failure f = r.failure();
            h.append("<h2 class=\"invalid\">INVALID</h2>\n<p><b>").append(f.hop() < 0 ? "trace" : "hop " + f.hop())
                    .append(f.round() >= 0 ? ", round " + f.round() : "").append(": ").append(esc(f.check().name()))
                    .append("</b> (").append(esc(f.check().description())).append(")</p>\n<p>")
                    .append(esc(f.reason())).append("</p>\n");
            if (!f.instruction().isEmpty()) {
                h.append("<p>instruction: <code>").append(esc(f.instruction())).append("</code></p>\n");
            }
        }
        h.append("<p>particle <code>").append(esc(r.particleId())).append("</code>, init peer <code>")
                .append(esc(r.initPeer())).append("</code><br>trace sha256 <code>").append(esc(r.traceHash()))
                .append("</code>, now = ").append(r.now()).append("</p>\n");
        h.append(svg(r));
        h.append("<h3>Hops</h3>\n<table><tr><th>hop</th><th>peer</th><th>from</th><th>time</th><th>rounds</th>")
                .append("<th>next peers</th><th>status</th></tr>\n");
        for (HopReport hop : r.hops()) {
            String status = switch (hop.status()) {
                case VERIFIED -> "verified";
                case FAILED -> "failed";
                case NOT_CHECKED -> "not_checked";
            };
            h.append("<tr class=\"").append(status).append("\"><td>").append(hop.index()).append("</td><td><code>")
                    .append(esc(hop.peer())).append("</code></td><td>").append(hop.from() < 0 ? "-" : hop.from())
                    .append("</td><td>").append(hop.time()).append("</td><td>").append(hop.rounds()).append("</td><td>");
            for (String p : hop.nextPeers()) {
                h.append("<code>").append(esc(Names.shortId(p))).append("</code> ");
            }
            h.append("</td><td>").append(status.replace('_', ' ')).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Participants</h3>\n<table><tr><th>peer</th><th>hops</th><th>service calls</th></tr>\n");
        for (Participant p : r.participants()) {
            h.append("<tr><td><code>").append(esc(p.peer())).append("</code></td><td>").append(p.hops())
                    .append("</td><td>");
            for (CallSummary c : p.calls()) {
                h.append("<code>").append(esc(c.service() + "." + c.function() + c.arguments())).append(" &rarr; ")
                        .append(c.retCode() == 0 ? "" : "error " + c.retCode() + " ").append(esc(c.result()))
                        .append("</code><br>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String svg(VerificationReport r) {
        LinkedHashMap<String, Integer> column = new LinkedHashMap<>();
        for (HopReport hop : r.hops()) {
            column.putIfAbsent(hop.peer(), column.size());
        }
        if (column.isEmpty()) {
            return "";
        }
        int failing = r.failingHop();
        String failingPeer = failing >= 0 && failing < r.hops().size() ? r.hops().get(failing).peer() : "";
        int width = 2 * MARGIN + (column.size() - 1) * NODE_GAP;
        int maxArc = 0;
        List<int[]> arcs = new ArrayList<>();
        for (HopReport hop : r.hops()) {
            if (hop.from() >= 0 && hop.from() < r.hops().size()) {
                int a = column.get(r.hops().get(hop.from()).peer());
                int b = column.get(hop.peer());
                arcs.add(new int[] {a, b, hop.index()});
                maxArc = Math.max(maxArc, Math.abs(a - b));
            }
        }
        int baseline = MARGIN + 40 + maxArc * 40;
        int height = baseline + MARGIN + 40 + maxArc * 40;
        StringBuilder s = new StringBuilder();
        s.append("<h3>Deliveries</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" ")
                .append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/>")
                .append("</marker><marker id=\"arrow-bad\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" ")
                .append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#b3261e\"/>")
                .append("</marker></defs>\n");
        Map<String, Integer> seenPair = new LinkedHashMap<>();
        for (int[] arc : arcs) {
            int x1 = MARGIN + arc[0] * NODE_GAP;
            int x2 = MARGIN + arc[1] * NODE_GAP;
            String pair = arc[0] + ">" + arc[1];
            int repeat = seenPair.merge(pair, 1, Integer::sum) - 1;
            // rightward deliveries arc above the row, leftward ones below; repeats arc wider
            int dir = x2 >= x1 ? -1 : 1;
            int lift = (40 + Math.abs(arc[0] - arc[1]) * 40 + repeat * 22) * dir;
            int y = baseline + dir * NODE_R;
            int mx = (x1 + x2) / 2;
            HopReport target = r.hops().get(arc[2]);
            boolean bad = arc[2] == failing;
            boolean unchecked = target.status() == HopReport.Status.NOT_CHECKED;
            s.append("<path d=\"M").append(x1).append(',').append(y).append(" Q").append(mx).append(',')
                    .append(y + 2 * lift).append(' ').append(x2).append(',').append(y).append("\" fill=\"none\" stroke=\"")
                    .append(bad ? "#b3261e" : "#555").append("\" stroke-width=\"").append(bad ? "3" : "1.5")
                    .append('"').append(unchecked ? " stroke-dasharray=\"5,4\"" : "")
                    .append(" marker-end=\"url(#").append(bad ? "arrow-bad" : "arrow").append(")\"/>\n");
            s.append("<text x=\"").append(mx).append("\" y=\"").append(y + lift + (dir < 0 ? -4 : 14))
                    .append("\" text-anchor=\"middle\" fill=\"").append(bad ? "#b3261e" : "#333").append("\">hop ")
                    .append(arc[2]).append("</text>\n");
        }
        for (Map.Entry<String, Integer> e : column.entrySet()) {
            int x = MARGIN + e.getValue() * NODE_GAP;
            boolean bad = e.getKey().equals(failingPeer);
            boolean init = e.getKey().equals(r.initPeer());
            s.append("<circle cx=\"").append(x).append("\" cy=\"").append(baseline).append("\" r=\"").append(NODE_R)
                    .append("\" fill=\"").append(bad ? "#fde7e5" : init ? "#e3f0ff" : "#f3f3f3").append("\" stroke=\"")
                    .append(bad ? "#b3261e" : "#444").append("\" stroke-width=\"").append(bad ? "3" : "1.5").append("\">")
                    .append("<title>").append(esc(e.getKey())).append("</title></circle>\n");
            s.append("<text x=\"").append(x).append("\" y=\"").append(baseline + 4)
                    .append("\" text-anchor=\"middle\">").append(esc(e.getKey().substring(Math.max(0, e.getKey().length() - 6))))
                    .append("</text>\n");
            s.append("<text x=\"").append(x).append("\" y=\"").append(baseline + NODE_R + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#666\">")
                    .append(init ? "init peer" : "").append("</text>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
