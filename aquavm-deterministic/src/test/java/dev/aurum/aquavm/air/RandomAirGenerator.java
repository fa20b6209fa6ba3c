package dev.aurum.aquavm.air;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of AIR scripts for differential parsing against the real avm.wasm: well-formed
 * scripts (every grammar form, lexer quirks such as comments, multi-line literals, unicode names and
 * whitespace, and all validator rules respected) and deliberately broken ones (random mutations and
 * token soup). The same seed always gives the same scripts. Sizes are bounded by {@code maxDepth}
 * and {@code maxInstructions}.
 */
public final class RandomAirGenerator {

    /** One generated script and whether it was generated to be accepted. */
    public record Case(String script, boolean intendedValid) {
    }

    private final Random rnd;
    private final int maxDepth;
    private final int maxInstructions;

    // names defined so far, by kind; definitions are global in source order, as the validator sees them
    private final List<String> scalars = new ArrayList<>();
    private final List<String> streams = new ArrayList<>();
    private final List<String> streamMaps = new ArrayList<>();
    private final List<String> canons = new ArrayList<>();
    private final List<String> canonMaps = new ArrayList<>();
    private final List<String> activeIterators = new ArrayList<>();
    private boolean faulty;
    private int fresh;
    private int instructions;
    private StringBuilder out;
    private boolean lastWasWord;

    public RandomAirGenerator(long seed, int maxDepth, int maxInstructions) {
        this.rnd = new Random(seed);
        this.maxDepth = maxDepth;
        this.maxInstructions = maxInstructions;
    }

    public RandomAirGenerator(long seed) {
        this(seed, 8, 60);
    }

    /** {@code count} cases, about {@code brokenPercent}% of them broken. */
    public static List<Case> corpus(long seed, int count, int brokenPercent) {
        RandomAirGenerator g = new RandomAirGenerator(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean broken = g.rnd.nextInt(100) < brokenPercent;
            String script = !broken ? g.wellFormed() : g.rnd.nextBoolean() ? g.broken() : g.semanticallyBroken();
            cases.add(new Case(script, !broken));
        }
        return cases;
    }

    /** A script AquaVM 0.62 accepts. */
    public String wellFormed() {
        scalars.clear();
        streams.clear();
        streamMaps.clear();
        canons.clear();
        canonMaps.clear();
        instructions = 0;
        activeIterators.clear();
        out = new StringBuilder();
        lastWasWord = false;
        if (rnd.nextInt(4) == 0) {
            out.append("; generated AIR\n");
        }
        instruction(1, null);
        if (rnd.nextInt(3) == 0) {
            out.append(rnd.nextBoolean() ? "\n" : " ; trailing comment");
        }
        return out.toString();
    }

    /**
     * A syntactically valid script with random validator faults: undefined variables, stray or extra
     * {@code next}, reused iterators, {@code new} on an iterator, {@code (fail 0 ..)}, instructions after
     * {@code next} in stream folds (usually, not always, rejected: some faults hide behind AquaVM quirks).
     */
    public String semanticallyBroken() {
        faulty = true;
        try {
            return wellFormed();
        } finally {
            faulty = false;
        }
    }

    private boolean fault() {
        return faulty && rnd.nextInt(4) == 0;
    }

    /** A well-formed script with 1-3 random mutations (usually, not always, rejected). */
    public String broken() {
        String s = wellFormed();
        int mutations = 1 + rnd.nextInt(3);
        for (int m = 0; m < mutations && !s.isEmpty(); m++) {
            int at = rnd.nextInt(s.length() + 1);
            switch (rnd.nextInt(6)) {
                case 0 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + rnd.nextInt(6)));
                case 1 -> s = s.substring(0, at) + pick(SNIPPETS) + s.substring(at);
                case 2 -> s = s.substring(0, at);
                case 3 -> {
                    int end = Math.min(s.length(), at + rnd.nextInt(20));
                    s = s.substring(0, end) + s.substring(at, end) + s.substring(end);
                }
                case 4 -> s = s.substring(0, at) + pick(BAD_WORDS) + s.substring(at);
                default -> s = s.substring(0, at) + (char) (0x20 + rnd.nextInt(0x60)) + s.substring(at);
            }
        }
        return s;
    }

    /** A random sequence of AIR-ish tokens. */
    public String tokenSoup() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
            sb.append(pick(SOUP)).append(rnd.nextInt(4) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private static final String[] SNIPPETS = {"(", ")", "[", "]", "\"", ";", ".$", "$", "#", "%", "(null)",
        "(next i)", " x ", "(seq", "#$", "#%", ".length", "!", "\n", "(fail 0 \"z\")", "(new i (null))"};
    private static final String[] BAD_WORDS = {" 12345678.901 ", " .5 ", " -.5 ", " 1.2.3 ", " $ ", " #a.$.b ",
        " x.$ ", " x.$.a\u00e9 ", " 99999999999999999999 ", " %last_error%.$ ", " $s.$.a ", " a%b ", " \"open ",
        " x.$[ ", " :error:x ", " @ ", " 1.$ ", " %timestamp%.$.a "};
    private static final String[] SOUP = {"(", ")", "[", "]", "seq", "par", "xor", "call", "ap", "canon", "fold",
        "next", "new", "null", "never", "fail", "match", "mismatch", "x", "$s", "%m", "#c", "#%m", "i", "\"l\"", "1",
        "1.5", "[]", "%init_peer_id%", "%last_error%", ":error:", "%ttl%", "%timestamp%", "true", "x.$.a", ";c\n",
        "\n", "0", "\"\"", "$", "#"};

    private String pick(String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    // ---- writing tokens with random layout ----------------------------------------------------------

    private void gap(boolean required) {
        int r = rnd.nextInt(24);
        if (!required && r < 10) {
            return;
        }
        switch (r % 8) {
            case 0 -> out.append("\n  ");
            case 1 -> out.append("\t");
            case 2 -> out.append(" ;; note (not code) \"\n");
            case 3 -> out.append("\u00A0");
            case 4 -> out.append("  ");
            default -> out.append(' ');
        }
    }

    private void open(String keyword) {
        // a word only ends at whitespace or an unbalanced ')' or ']': "x(" would stay one word
        gap(lastWasWord);
        out.append('(');
        gap(false);
        out.append(keyword);
        lastWasWord = true;
    }

    private void word(String w) {
        if (lastWasWord) {
            gap(true);
        } else {
            gap(false);
        }
        out.append(w);
        lastWasWord = true;
    }

    private void punct(char c) {
        gap(lastWasWord && (c == '(' || c == '['));
        out.append(c);
        lastWasWord = false;
    }

    // ---- instructions ---------------------------------------------------------------------------------

    /** @param foldIterator the innermost fold's iterator if this instruction may be that fold's {@code next} */
    private void instruction(int depth, String foldIterator) {
        instructions++;
        if (fault()) {
            next(activeIterators.isEmpty() || rnd.nextBoolean() ? "stray" + rnd.nextInt(3) : pickFrom(activeIterators));
            return;
        }
        boolean leafOnly = depth >= maxDepth || instructions >= maxInstructions;
        int choice = leafOnly ? rnd.nextInt(8) : rnd.nextInt(17);
        switch (choice) {
            case 0, 1 -> call();
            case 2 -> ap();
            case 3 -> apMap();
            case 4 -> canon();
            case 5 -> fail();
            case 6 -> simple(rnd.nextBoolean() ? "null" : "never");
            case 7 -> simple("null");
            case 8, 9 -> binary(rnd.nextBoolean() ? "seq" : "par", depth);
            case 10 -> binary("xor", depth);
            case 11 -> match(depth);
            case 12 -> newScope(depth);
            case 13, 14 -> fold(depth);
            default -> binary("seq", depth);
        }
    }

    private void simple(String keyword) {
        open(keyword);
        punct(')');
    }

    private void binary(String keyword, int depth) {
        open(keyword);
        instruction(depth + 1, null);
        instruction(depth + 1, null);
        punct(')');
    }

    private void call() {
        open("call");
        word(peer());
        punct('(');
        lastWasWord = false;
        word(stringValue());
        word(stringValue());
        punct(')');
        punct('[');
        lastWasWord = false;
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            immutableValue(true);
        }
        punct(']');
        int o = rnd.nextInt(3);
        if (o == 0) {
            String name = freshScalar();
            word(name);
            punct(')');
            scalars.add(name);
        } else if (o == 1) {
            String name = "$" + freshBase();
            word(name);
            punct(')');
            streams.add(name);
        } else {
            punct(')');
        }
    }

    private void ap() {
        open("ap");
        apArgument();
        String name = rnd.nextBoolean() ? freshScalar() : "$" + freshBase();
        word(name);
        punct(')');
        (name.startsWith("$") ? streams : scalars).add(name);
    }

    private void apMap() {
        open("ap");
        punct('(');
        lastWasWord = false;
        switch (rnd.nextInt(4)) {
            case 0 -> word(literal());
            case 1 -> word(Long.toString(rnd.nextInt(2000) - 1000));
            case 2 -> {
                if (!scalarOrFallback()) {
                    word(literal());
                }
            }
            default -> word(scalars.isEmpty() ? "\"k\"" : pickFrom(scalars) + lens());
        }
        apArgument();
        punct(')');
        String map = streamMaps.isEmpty() || rnd.nextBoolean() ? "%" + freshBase() : pickFrom(streamMaps);
        word(map);
        punct(')');
        streamMaps.add(map);
    }

    private void canon() {
        open("canon");
        word(peer());
        int kind = rnd.nextInt(3);
        if (kind == 0 || streamMaps.isEmpty()) {
            word(streams.isEmpty() ? "$" + freshBase() : pickFrom(streams));
            String target = (rnd.nextBoolean() ? "#$" : "#") + freshBase();
            word(target);
            punct(')');
            canons.add(target);
        } else if (kind == 1) {
            word(pickFrom(streamMaps));
            String target = "#%" + freshBase();
            word(target);
            punct(')');
            canonMaps.add(target);
        } else {
            word(pickFrom(streamMaps));
            String target = freshScalar();
            word(target);
            punct(')');
            scalars.add(target);
        }
    }

    private void fail() {
        open("fail");
        if (fault()) {
            word("0");
            word(literal());
            punct(')');
            return;
        }
        switch (rnd.nextInt(5)) {
            case 0 -> {
                word(Long.toString(1 + rnd.nextInt(100_000)));
                word(literal());
            }
            case 1 -> word("%last_error%");
            case 2 -> word(":error:");
            case 3 -> word(scalars.isEmpty() ? "undefined_is_fine_here" : pickFrom(scalars));
            default -> word((scalars.isEmpty() ? "e" : pickFrom(scalars)) + ".$.error");
        }
        punct(')');
    }

    private void match(int depth) {
        open(rnd.nextBoolean() ? "match" : "mismatch");
        immutableValue(true);
        immutableValue(true);
        instruction(depth + 1, null);
        punct(')');
    }

    private void newScope(int depth) {
        open("new");
        String name = fault() && !activeIterators.isEmpty() ? pickFrom(activeIterators) : switch (rnd.nextInt(5)) {
            case 0 -> freshScalar();
            case 1 -> "$" + freshBase();
            case 2 -> "%" + freshBase();
            case 3 -> "#" + freshBase();
            default -> "#%" + freshBase();
        };
        word(name);
        if (name.startsWith("#%")) {
            canonMaps.add(name);
        } else if (name.startsWith("#")) {
            canons.add(name);
        } else if (name.startsWith("$")) {
            streams.add(name);
        } else if (name.startsWith("%")) {
            streamMaps.add(name);
        } else {
            scalars.add(name);
        }
        instruction(depth + 1, null);
        punct(')');
    }

    private void fold(int depth) {
        open("fold");
        boolean streamFold;
        int kind = rnd.nextInt(6);
        if (kind == 0 && !streams.isEmpty()) {
            word(pickFrom(streams));
            streamFold = true;
        } else if (kind == 1 && !streamMaps.isEmpty()) {
            word(pickFrom(streamMaps));
            streamFold = true;
        } else if (kind == 2 && !canons.isEmpty()) {
            word(pickFrom(canons));
            streamFold = false;
        } else if (kind == 3 && !canonMaps.isEmpty()) {
            word(pickFrom(canonMaps) + (rnd.nextBoolean() ? ".$.key" : ""));
            streamFold = false;
        } else if (kind == 4 && !scalars.isEmpty()) {
            word(pickFrom(scalars) + (rnd.nextBoolean() ? ".$.items" : ""));
            streamFold = false;
        } else {
            punct('[');
            punct(']');
            streamFold = false;
        }
        String iterator = fault() && !activeIterators.isEmpty() ? pickFrom(activeIterators) : freshScalar();
        word(iterator);
        scalars.add(iterator);
        activeIterators.add(iterator);
        int bodyShape = fault() ? 3 + rnd.nextInt(3) : rnd.nextInt(streamFold ? 3 : 4);
        if (bodyShape == 4) {
            open(rnd.nextBoolean() ? "xor" : "seq");
            next(iterator);
            next(rnd.nextBoolean() ? iterator : pickFrom(activeIterators));
            punct(')');
        } else if (bodyShape == 5) {
            open("par");
            next(iterator);
            instruction(depth + 2, null);
            punct(')');
        } else if (bodyShape == 0) {
            instruction(depth + 1, null);
        } else if (bodyShape == 3) {
            // only scalar folds may have instructions after next
            open("seq");
            next(iterator);
            instruction(depth + 2, null);
            punct(')');
        } else {
            open(new String[] {"seq", "par", "xor"}[rnd.nextInt(3)]);
            instruction(depth + 2, null);
            next(iterator);
            punct(')');
        }
        if (rnd.nextInt(3) == 0) {
            instruction(depth + 1, null);
        }
        punct(')');
        activeIterators.remove(activeIterators.size() - 1);
    }

    private void next(String iterator) {
        open("next");
        word(iterator);
        punct(')');
    }

    // ---- values -------------------------------------------------------------------------------------

    private String peer() {
        return switch (rnd.nextInt(5)) {
            case 0 -> "%init_peer_id%";
            case 1, 2 -> literal();
            case 3 -> scalars.isEmpty() ? literal() : pickFrom(scalars) + (rnd.nextBoolean() ? lens() : "");
            default -> canons.isEmpty() ? literal() : pickFrom(canons) + ".$.[0]";
        };
    }

    private String stringValue() {
        return switch (rnd.nextInt(4)) {
            case 0, 1 -> literal();
            case 2 -> scalars.isEmpty() ? literal() : pickFrom(scalars);
            default -> canonMaps.isEmpty() ? literal() : pickFrom(canonMaps) + ".$.f";
        };
    }

    private void immutableValue(boolean allowBareCanonMap) {
        int r = rnd.nextInt(allowBareCanonMap ? 16 : 15);
        switch (r) {
            case 0 -> word("%init_peer_id%");
            case 1 -> word("%last_error%" + (rnd.nextBoolean() ? ".$.message" : ""));
            case 2 -> word(":error:" + (rnd.nextBoolean() ? ".$.error_code" : ""));
            case 3 -> word(rnd.nextBoolean() ? "%timestamp%" : "%ttl%");
            case 4 -> word(literal());
            case 5 -> word(Long.toString(rnd.nextLong() >> rnd.nextInt(64)));
            case 6 -> word(floatWord());
            case 7 -> word(rnd.nextBoolean() ? "true" : "false");
            case 8 -> {
                punct('[');
                punct(']');
            }
            case 9, 10 -> {
                if (!scalarOrFallback()) {
                    word("1");
                }
            }
            case 11 -> word(scalars.isEmpty() ? "2" : pickFrom(scalars) + lens());
            case 12 -> word(canons.isEmpty() ? "3" : pickFrom(canons));
            case 13 -> word(canons.isEmpty() ? "4" : pickFrom(canons) + lens());
            case 14 -> word(canonMaps.isEmpty() ? "5" : pickFrom(canonMaps) + ".$.k");
            default -> word(canonMaps.isEmpty() ? "6" : pickFrom(canonMaps));
        }
    }

    private void apArgument() {
        immutableValue(false);
    }

    private boolean scalarOrFallback() {
        if (fault()) {
            word("undef" + rnd.nextInt(3));
            return true;
        }
        if (scalars.isEmpty()) {
            return false;
        }
        word(pickFrom(scalars));
        return true;
    }

    private String lens() {
        if (rnd.nextInt(5) == 0) {
            return ".length";
        }
        StringBuilder sb = new StringBuilder(".$");
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(5)) {
                case 0 -> sb.append(".[").append(rnd.nextInt(10)).append(']');
                case 1 -> sb.append('[').append(rnd.nextInt(1000)).append(']');
                case 2 -> sb.append(".[").append(lensScalar()).append(']');
                case 3 -> sb.append(".field_").append(rnd.nextInt(3));
                default -> sb.append(".\u00e9t\u00e9-x");
            }
        }
        if (rnd.nextInt(6) == 0) {
            sb.append('!');
        }
        return sb.toString();
    }

    /** A scalar usable as {@code [name]}: the lens lexer reads a leading digit as an index. */
    private String lensScalar() {
        String name = fault() ? "undef" + rnd.nextInt(3) : scalars.isEmpty() ? "0" : pickFrom(scalars);
        return Character.isDigit(name.charAt(0)) ? "0" : name;
    }

    private String literal() {
        String[] parts = {"", "peer", "s p a c e", "multi\nline", "(parens) [and] ;semi", "\u043f\u0440\u0438\u0432\u0435\u0442",
            "12D3KooW", "\\", "'single'"};
        return "\"" + parts[rnd.nextInt(parts.length)] + "\"";
    }

    private String floatWord() {
        int intDigits = 1 + rnd.nextInt(5);
        int fracDigits = rnd.nextInt(5);
        StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "-" : "");
        for (int i = 0; i < intDigits; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        sb.append('.');
        for (int i = 0; i < fracDigits; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    private String freshBase() {
        fresh++;
        return switch (rnd.nextInt(6)) {
            case 0 -> "\u0438\u043c\u044f" + fresh;
            case 1 -> "with-dash_" + fresh;
            case 2 -> "n" + fresh;
            default -> "name" + fresh;
        };
    }

    private String freshScalar() {
        fresh++;
        return switch (rnd.nextInt(8)) {
            case 0 -> fresh + "x"; // a number-like word that is a scalar
            case 1 -> "-v" + fresh;
            default -> freshBase();
        };
    }

    private String pickFrom(List<String> names) {
        return names.get(rnd.nextInt(names.size()));
    }
}
