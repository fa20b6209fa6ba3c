package dev.aurum.benchmarks;

/** The scripts of {@link ParserBenchmark}. */
final class ParserScripts {

    /** Calls in the large script; with the seq/par/xor nodes that join them it has 9,999 instructions. */
    static final int LARGE_CALLS = 4_999;

    /** A fork-join price oracle: 2 parallel providers, an average, a canonicalized stream, a reply (13 instructions). */
    static final String SMALL = """
            (xor
              (seq
                (seq
                  (par
                    (call "12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm" ("prices" "get") ["BTC"] p1)
                    (call "12D3KooWRkZhiRhsqmrQ28rt73K7V3aCBpqKrLGSXmZ99PTcTZby" ("prices" "get") ["BTC"] p2))
                  (call "12D3KooWCRQtX2ZiwDFPHFEd22jS7feG5HFQ33TEbbrArqiwG7ob" ("average" "calc") [p1 p2] avg))
                (seq
                  (ap avg.$.value $results)
                  (seq
                    (canon %init_peer_id% $results #results)
                    (call %init_peer_id% ("show" "show") [avg #results]))))
              (call %init_peer_id% ("errors" "report") [%last_error%.$.message]))
            """;

    private ParserScripts() {
    }

    /**
     * {@code calls} calls (arguments with lenses on earlier results, literals, streams) joined pairwise into a
     * balanced tree of seq and par (alternating by level), inside one xor with a null fallback: {@code 2 * calls + 1}
     * instructions, nesting depth about log2(calls) + 2, so the parser's depth limit is not what is measured.
     */
    static String large(int calls) {
        StringBuilder out = new StringBuilder(calls * 96);
        out.append("(xor\n");
        tree(out, 0, calls, 0);
        out.append("\n(null))\n");
        return out.toString();
    }

    private static void tree(StringBuilder out, int from, int to, int level) {
        if (to - from == 1) {
            call(out, from);
            return;
        }
        int mid = (from + to) >>> 1;
        out.append(level % 2 == 0 ? "(seq\n" : "(par\n");
        tree(out, from, mid, level + 1);
        out.append('\n');
        tree(out, mid, to, level + 1);
        out.append(')');
    }

    private static void call(StringBuilder out, int i) {
        // every 5th call writes to a stream, the others to unique scalars; an argument takes a lens on the
        // nearest earlier scalar (defined to the left, as the validator requires)
        out.append("(call \"12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm\" (\"svc").append(i % 7)
                .append("\" \"fn\") [");
        int scalar = (i - 1) % 5 != 0 ? i - 1 : i - 2;
        if (scalar >= 0) {
            out.append("r").append(scalar).append(".$.items.[").append(i % 3).append("].name! ");
        }
        out.append(i).append(" \"text ").append(i).append("\" %init_peer_id%] ");
        out.append(i % 5 == 0 ? "$stream" : "r" + i).append(')');
    }
}
