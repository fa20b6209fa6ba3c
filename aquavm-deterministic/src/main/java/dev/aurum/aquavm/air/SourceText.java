package dev.aurum.aquavm.air;

/**
 * The script as code points with their UTF-8 byte offsets, so spans are byte positions like
 * AquaVM's {@code AirPos} and lines/columns count characters like codespan-reporting.
 */
final class SourceText {

    final String text;
    final int[] codePoints;
    /** {@code byteOffsets[i]} is where code point {@code i} starts; the last entry is the byte length. */
    final int[] byteOffsets;

    SourceText(String text) {
        this.text = text;
        int count = text.codePointCount(0, text.length());
        codePoints = new int[count];
        byteOffsets = new int[count + 1];
        int bytes = 0;
        int ci = 0;
        for (int i = 0; i < text.length(); ci++) {
            int cp = text.codePointAt(i);
            codePoints[ci] = cp;
            byteOffsets[ci] = bytes;
            bytes += RustChars.utf8Length(cp);
            i += Character.charCount(cp);
        }
        byteOffsets[count] = bytes;
    }

    int length() {
        return codePoints.length;
    }

    int byteLength() {
        return byteOffsets[codePoints.length];
    }

    String slice(int fromIndex, int toIndex) {
        return new String(codePoints, fromIndex, toIndex - fromIndex);
    }

    /** Index of the code point starting at {@code byteOffset} (or the first one after it). */
    int indexOfByte(int byteOffset) {
        int lo = 0;
        int hi = codePoints.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byteOffsets[mid] < byteOffset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Code point index where each line starts, computed on first use (only errors need it). */
    private int[] lineStarts;

    private int[] lineStarts() {
        if (lineStarts == null) {
            int lines = 1;
            for (int c : codePoints) {
                if (c == '\n') {
                    lines++;
                }
            }
            int[] starts = new int[lines];
            int line = 1;
            for (int i = 0; i < codePoints.length; i++) {
                if (codePoints[i] == '\n') {
                    starts[line++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }

    /** 1-based line of a byte offset. */
    int line(int byteOffset) {
        int index = indexOfByte(byteOffset);
        int[] starts = lineStarts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column, in characters, of a byte offset. */
    int column(int byteOffset) {
        return indexOfByte(byteOffset) - lineStarts()[line(byteOffset) - 1] + 1;
    }

    /** Code point index where the 1-based line starts. */
    int lineStart(int line) {
        return lineStarts()[line - 1];
    }

    /** Code point index where the 1-based line ends, before its line break. */
    int lineEnd(int line) {
        int[] starts = lineStarts();
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] - 1 : codePoints.length;
        if (end > start && codePoints[end - 1] == '\r') {
            end--;
        }
        return end;
    }
}
