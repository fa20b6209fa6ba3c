package dev.aurum.aquavm.air;

import java.util.List;

/**
 * Renders errors like AquaVM's codespan-reporting output (without colour), prefixed with the
 * {@code air can't be parsed:} line the interpreter adds. For one error on a short line the layout is
 * AquaVM's; messages of grammar errors and multi-error reports differ in detail.
 */
final class ErrorReport {

    /**
     * Characters of the offending line shown around the error. codespan (avm.wasm) prints the whole line;
     * so do we up to this length, and slice a window of it beyond, so that a huge one-line script cannot
     * blow up the report (up to {@link #MAX_RENDERED} excerpts of this size).
     */
    static final int WINDOW = 2048;
    /** Errors rendered in full; the exception still lists all of them. */
    private static final int MAX_RENDERED = 100;

    private ErrorReport() {
    }

    static String render(SourceText src, List<AirParseError> errors) {
        StringBuilder sb = new StringBuilder("air can't be parsed:\n");
        int rendered = 0;
        for (AirParseError e : errors) {
            if (rendered++ == MAX_RENDERED) {
                sb.append("... and ").append(errors.size() - MAX_RENDERED).append(" more errors\n");
                break;
            }
            // AquaVM's codespan diagnostic has an empty headline; the message sits under the caret
            sb.append("error: \n");
            sb.append("  \u250c\u2500 script.air:").append(e.line()).append(':').append(e.column()).append('\n');
            if (src == null) {
                continue;
            }
            String gutter = Integer.toString(e.line());
            String pad = " ".repeat(gutter.length());
            int column = e.column();
            // keep reports of huge one-line scripts short: slice only a window around the error
            int lineStart = src.lineStart(e.line());
            int lineLength = src.lineEnd(e.line()) - lineStart;
            int skip = Math.max(0, column - 1 - WINDOW / 2);
            int shown = Math.min(lineLength - skip, WINDOW);
            String excerpt = src.slice(lineStart + skip, lineStart + skip + shown);
            String prefix = skip > 0 ? "..." : "";
            sb.append(pad).append(" \u2502\n");
            sb.append(gutter).append(" \u2502 ").append(prefix).append(excerpt)
                    .append(skip + shown < lineLength ? "..." : "").append('\n');
            int width = Math.max(1, src.indexOfByte(e.span().right()) - src.indexOfByte(e.span().left()));
            int room = Math.max(1, shown - (column - 1 - skip));
            sb.append(pad).append(" \u2502 ").append(" ".repeat(prefix.length() + column - 1 - skip))
                    .append("^".repeat(Math.min(width, room))).append(' ').append(e.message()).append('\n');
            sb.append('\n');
        }
        return sb.toString();
    }
}
