package dev.aurum.benchmarks.report;

/**
 * The generated sections of a Markdown file: the text between {@code <!-- generated:NAME begin -->} and
 * {@code <!-- generated:NAME end -->} belongs to the generator; everything else is left byte for byte.
 */
public final class ReadmeSections {

    private ReadmeSections() {
    }

    static String begin(String name) {
        return "<!-- generated:" + name + " begin (BenchReport; do not edit by hand) -->";
    }

    static String end(String name) {
        return "<!-- generated:" + name + " end -->";
    }

    /** Fails with the missing marker's text if the section is not (exactly once) in {@code text}. */
    public static void requireMarkers(String text, String name) {
        for (String marker : new String[] {begin(name), end(name)}) {
            int first = text.indexOf(marker);
            if (first < 0) {
                throw new IllegalArgumentException("missing marker line: " + marker);
            }
            if (text.indexOf(marker, first + 1) >= 0) {
                throw new IllegalArgumentException("marker appears twice: " + marker);
            }
        }
        if (text.indexOf(end(name)) < text.indexOf(begin(name))) {
            throw new IllegalArgumentException("end marker before begin marker of section " + name);
        }
    }

    /** {@code text} with the body of section {@code name} replaced by {@code body} (a trailing newline is added). */
    public static String replace(String text, String name, String body) {
        requireMarkers(text, name);
        int from = text.indexOf(begin(name)) + begin(name).length();
        int to = text.indexOf(end(name));
        String content = body.endsWith("\n") ? body : body + "\n";
        return text.substring(0, from) + "\n" + content + text.substring(to);
    }
}
