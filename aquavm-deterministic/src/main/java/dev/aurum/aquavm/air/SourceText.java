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

    /** 1-based line of a byte offset. */
    int line(int byteOffset) {
        int end = indexOfByte(byteOffset);
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (codePoints[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column, in characters, of a byte offset. */
    int column(int byteOffset) {
        int end = indexOfByte(byteOffset);
        int start = end;
        while (start > 0 && codePoints[start - 1] != '\n') {
            start--;
        }
        return end - start + 1;
    }

    /** The text of the 1-based line, without its newline. */
    String lineText(int line) {
        int current = 1;
        int start = 0;
        for (int i = 0; i < codePoints.length && current < line; i++) {
            if (codePoints[i] == '\n') {
                current++;
                start = i + 1;
            }
        }
        int end = start;
        while (end < codePoints.length && codePoints[end] != '\n') {
            end++;
        }
        if (end > start && codePoints[end - 1] == '\r') {
            end--;
        }
        return slice(start, end);
    }
}
