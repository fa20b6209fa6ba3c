package dev.aurum.aquavm.air;

import java.util.List;

/**
 * Renders errors like AquaVM's codespan-reporting output (without colour), prefixed with the
 * {@code air can't be parsed:} line the interpreter adds. The text is close to AquaVM's, not equal.
 */
final class ErrorReport {

    private ErrorReport() {
    }

    static String render(SourceText src, List<AirParseError> errors) {
        StringBuilder sb = new StringBuilder("air can't be parsed:\n");
        for (AirParseError e : errors) {
            sb.append("error: ").append(e.message()).append('\n');
            sb.append("  \u250c\u2500 script.air:").append(e.line()).append(':').append(e.column()).append('\n');
            if (src == null) {
                continue;
            }
            String gutter = Integer.toString(e.line());
            String pad = " ".repeat(gutter.length());
            String lineText = src.lineText(e.line());
            sb.append(pad).append(" \u2502\n");
            sb.append(gutter).append(" \u2502 ").append(lineText).append('\n');
            int width = Math.max(1, src.indexOfByte(e.span().right()) - src.indexOfByte(e.span().left()));
            int room = Math.max(1, lineText.codePointCount(0, lineText.length()) - (e.column() - 1));
            sb.append(pad).append(" \u2502 ").append(" ".repeat(e.column() - 1))
                    .append("^".repeat(Math.min(width, room))).append(' ').append(e.message()).append('\n');
            sb.append('\n');
        }
        return sb.toString();
    }
}
