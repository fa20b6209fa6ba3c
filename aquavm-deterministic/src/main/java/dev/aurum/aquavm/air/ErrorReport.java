package dev.aurum.aquavm.air;

import java.util.List;

/**
 * Renders errors like AquaVM's codespan-reporting output (without colour), prefixed with the
 * {@code air can't be parsed:} line the interpreter adds. The text is close to AquaVM's, not equal.
 */
final class ErrorReport {

    /** Characters of the offending line shown around the error. */
    private static final int WINDOW = 160;
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
            sb.append("error: \n"); // AquaVM puts the message on the label only
            sb.append("  \u250c\u2500 script.air:").append(e.line()).append(':').append(e.column()).append('\n');
            if (src == null) {
                continue;
            }
            String gutter = Integer.toString(e.line());
            String pad = " ".repeat(gutter.length());
            String lineText = src.lineText(e.line());
            int column = e.column();
            // keep reports of huge one-line scripts short: show a window around the error
            int skip = Math.max(0, column - 1 - WINDOW / 2);
            int lineLength = lineText.codePointCount(0, lineText.length());
            int shown = Math.min(lineLength - skip, WINDOW);
            String excerpt = lineText.substring(lineText.offsetByCodePoints(0, skip),
                    lineText.offsetByCodePoints(0, skip + shown));
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
