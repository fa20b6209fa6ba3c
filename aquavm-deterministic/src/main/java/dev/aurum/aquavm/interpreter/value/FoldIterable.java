package dev.aurum.aquavm.interpreter.value;

import java.util.List;

/** The values a fold walks, with AquaVM's cursor that {@code next} moves forward and back. */
public final class FoldIterable {

    private final List<IterableItem> items;
    private int cursor;

    public FoldIterable(List<IterableItem> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a fold iterable is never empty");
        }
        this.items = List.copyOf(items);
    }

    public IterableItem peek() {
        return items.get(cursor);
    }

    public boolean next() {
        if (cursor + 1 < items.size()) {
            cursor++;
            return true;
        }
        return false;
    }

    public boolean prev() {
        if (cursor >= 1) {
            cursor--;
            return true;
        }
        return false;
    }

    public int size() {
        return items.size();
    }
}
