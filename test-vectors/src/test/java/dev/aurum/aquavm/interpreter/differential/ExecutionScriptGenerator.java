package dev.aurum.aquavm.interpreter.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of execution-oriented AIR: calls to the init peer and to other test peers
 * ({@code @bob}, {@code @carol}), services with every behaviour of {@link CorpusServices},
 * streams, canons, folds with {@code next}, par/xor/match/fail/new. Names are always defined before
 * use and never rebound, so scripts parse; at run time they join, fail, forward and recurse.
 */
final class ExecutionScriptGenerator {

    private static final String[] PEERS = {"%init_peer_id%", "%init_peer_id%", "\"@bob\"", "\"@carol\""};
    private static final String[] SERVICES = {"s", "s", "args", "args", "fail", "notjson", "peers", "tetraplets"};

    private final Random rnd;
    private final List<String> scalars = new ArrayList<>();
    private final List<String> arrays = new ArrayList<>();
    private final List<String> streams = new ArrayList<>();
    private final List<String> canons = new ArrayList<>();
    private final List<String> iterators = new ArrayList<>();
    private int fresh;
    private int budget;

    ExecutionScriptGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    String next() {
        scalars.clear();
        arrays.clear();
        streams.clear();
        canons.clear();
        iterators.clear();
        budget = 14;
        return instruction(0);
    }

    /** A generated script with 1-3 random edits (deleted text, a stray token, a cut): usually, not always, rejected. */
    String broken() {
        String s = next();
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = rnd.nextInt(s.length() + 1);
            switch (rnd.nextInt(4)) {
                case 0 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + rnd.nextInt(8)));
                case 1 -> s = s.substring(0, at) + BROKEN_TOKENS[rnd.nextInt(BROKEN_TOKENS.length)] + s.substring(at);
                case 2 -> s = s.substring(0, at);
                default -> {
                    int k = s.indexOf("(seq ", at); // a seq turned into a par: valid syntax, other semantics
                    s = k < 0 ? s : s.substring(0, k) + "(par " + s.substring(k + 5);
                }
            }
        }
        return s;
    }

    private static final String[] BROKEN_TOKENS = {"(", ")", "[", "]", "\"", " x ", "(next it0)", "$", "#", ".$.",
        "(null)", ".length", " 1.2.3 ", "(fail 0 \"z\")", "%m", ":error:"};

    private String name(String prefix) {
        return prefix + (fresh++);
    }

    private String instruction(int depth) {
        budget--;
        int choice = depth > 4 || budget <= 0 ? rnd.nextInt(4) : rnd.nextInt(14);
        switch (choice) {
            case 0, 1:
                return call();
            case 2:
                return ap();
            case 3:
                return rnd.nextInt(3) == 0 ? "(null)" : canon();
            case 4, 5:
                return "(seq " + instruction(depth + 1) + " " + instruction(depth + 1) + ")";
            case 6:
                return "(par " + instruction(depth + 1) + " " + instruction(depth + 1) + ")";
            case 7:
                return "(xor " + instruction(depth + 1) + " " + instruction(depth + 1) + ")";
            case 8:
                return "(" + (rnd.nextBoolean() ? "match " : "mismatch ") + value() + " " + value() + " "
                        + instruction(depth + 1) + ")";
            case 9:
                return fail();
            case 10:
                return foldScalar(depth);
            case 11:
                return foldStream(depth);
            case 12: {
                String s = streams.isEmpty() || rnd.nextBoolean() ? name("$st") : pick(streams);
                List<String> saved = new ArrayList<>(streams);
                streams.add(s);
                String body = instruction(depth + 1);
                streams.clear();
                streams.addAll(saved);
                return "(new " + s + " " + body + ")";
            }
            default:
                return rnd.nextBoolean() ? "(never)" : "(null)";
        }
    }

    private String call() {
        String service = SERVICES[rnd.nextInt(SERVICES.length)];
        StringBuilder sb = new StringBuilder("(call ").append(PEERS[rnd.nextInt(PEERS.length)]).append(" (\"")
                .append(service).append("\" \"f\") [");
        int args = rnd.nextInt(3);
        for (int i = 0; i < args; i++) {
            sb.append(i == 0 ? "" : " ").append(value());
        }
        sb.append("]");
        int out = rnd.nextInt(4);
        if (out == 1 || out == 2) {
            String s = name("v");
            sb.append(' ').append(s);
            scalars.add(s);
            if (service.equals("peers") || service.equals("args") || service.equals("tetraplets")) {
                arrays.add(s);
            }
        } else if (out == 3) {
            String s = streams.isEmpty() || rnd.nextBoolean() ? name("$s") : pick(streams);
            if (!streams.contains(s)) {
                streams.add(s);
            }
            sb.append(' ').append(s);
        }
        return sb.append(')').toString();
    }

    private String ap() {
        String v = value();
        if (rnd.nextBoolean()) {
            String s = name("a");
            scalars.add(s);
            return "(ap " + v + " " + s + ")";
        }
        String s = streams.isEmpty() || rnd.nextBoolean() ? name("$s") : pick(streams);
        if (!streams.contains(s)) {
            streams.add(s);
        }
        return "(ap " + v + " " + s + ")";
    }

    private String canon() {
        if (streams.isEmpty()) {
            return "(null)"; // a stream must be defined (written) before a canon names it
        }
        String c = name("#can");
        canons.add(c);
        return "(canon " + PEERS[rnd.nextInt(PEERS.length)] + " " + pick(streams) + " " + c + ")";
    }

    private String fail() {
        switch (rnd.nextInt(3)) {
            case 0:
                return "(fail " + (1 + rnd.nextInt(100)) + " \"oops\")";
            case 1:
                return "(fail :error:)";
            default:
                return "(fail %last_error%)";
        }
    }

    private String foldScalar(int depth) {
        String iterable;
        if (!canons.isEmpty() && rnd.nextBoolean()) {
            iterable = pick(canons);
        } else if (!arrays.isEmpty()) {
            iterable = pick(arrays);
        } else {
            return call();
        }
        return fold(iterable, depth, rnd.nextBoolean());
    }

    private String foldStream(int depth) {
        if (streams.isEmpty()) {
            return ap();
        }
        return fold(pick(streams), depth, true);
    }

    private String fold(String iterable, int depth, boolean seqNext) {
        String it = name("it");
        iterators.add(it);
        scalars.add(it);
        String body = instruction(depth + 1);
        String next = seqNext ? "(seq " + body + " (next " + it + "))" : "(par " + body + " (next " + it + "))";
        String last = rnd.nextInt(3) == 0 ? " " + instruction(depth + 1) : "";
        scalars.remove(it);
        iterators.remove(it);
        return "(fold " + iterable + " " + it + " " + next + last + ")";
    }

    private String value() {
        int k = rnd.nextInt(12);
        switch (k) {
            case 0:
                return "\"lit\"";
            case 1:
                return Integer.toString(rnd.nextInt(5));
            case 2:
                return "%init_peer_id%";
            case 3:
                return ":error:";
            case 4:
                return "%last_error%.$.message";
            case 5:
                return canons.isEmpty() ? "[]" : pick(canons);
            case 6:
                return arrays.isEmpty() ? "true" : pick(arrays) + ".$.[0]";
            case 7:
                return arrays.isEmpty() ? "1.5" : pick(arrays) + ".length";
            default:
                return scalars.isEmpty() ? "\"x\"" : pick(scalars);
        }
    }

    private String pick(List<String> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
