package dev.aurum.aquavm.air;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AquaVM's {@code AfterNextCheckMachine} (validator.rs): detects an instruction after {@code next}
 * in a stream or stream-map fold. It is fed every instruction in post-order (children before
 * parents, as LALRPOP reduces them) and keeps a stack of what each finished subtree "ends with".
 * Its quirks are kept on purpose, e.g. {@code (xor (next i) (next j))} switches the whole check off.
 */
final class AfterNextCheck {

    enum KindOfInstr { PIVOTAL_NEXT, MERGING, POP_STACK1, POP_STACK2, REPLACING, REPLACING_WITH_CHECK, XORING,
        POP_STACK1_REPLACING_WITH_CHECK, SIMPLE }

    private record Entry(KindOfInstr kind, String name, Span span) {
    }

    private final List<Entry> stack = new ArrayList<>();
    private final Map<String, Span> potentiallyMalformed = new TreeMap<>();
    private final List<Span> malformed = new ArrayList<>();
    private boolean enabled = true;

    List<Span> malformedSpans() {
        return malformed;
    }

    void met(KindOfInstr kind, String iteratorName, Span span) {
        if (!enabled) {
            return;
        }
        switch (kind) {
            case REPLACING -> replacing(span);
            case XORING -> xoring(span);
            case MERGING -> merging(span);
            case REPLACING_WITH_CHECK -> replacingWithCheck(new Entry(kind, iteratorName, span));
            case POP_STACK1_REPLACING_WITH_CHECK -> {
                pop();
                replacingWithCheck(new Entry(kind, iteratorName, span));
            }
            case PIVOTAL_NEXT, SIMPLE -> stack.add(new Entry(kind, iteratorName, span));
            case POP_STACK1 -> {
                pop();
                stack.add(new Entry(kind, null, span));
            }
            case POP_STACK2 -> {
                pop();
                pop();
                stack.add(new Entry(kind, null, span));
            }
        }
    }

    private Entry pop() {
        return stack.isEmpty() ? null : stack.remove(stack.size() - 1);
    }

    private void disable() {
        stack.clear();
        enabled = false;
    }

    private static boolean isNext(Entry e) {
        return e != null && e.kind == KindOfInstr.PIVOTAL_NEXT;
    }

    private void replacing(Span span) {
        Entry child = pop();
        if (child == null) {
            disable();
        } else if (isNext(child)) {
            stack.add(new Entry(KindOfInstr.PIVOTAL_NEXT, child.name, span));
        } else {
            stack.add(new Entry(KindOfInstr.REPLACING, null, span));
        }
    }

    private void xoring(Span span) {
        Entry right = pop();
        Entry left = pop();
        if (left == null || right == null) {
            disable();
        } else if (isNext(left) && isNext(right)) {
            disable();
        } else if (isNext(left)) {
            stack.add(new Entry(KindOfInstr.PIVOTAL_NEXT, left.name, span));
        } else if (isNext(right)) {
            stack.add(new Entry(KindOfInstr.PIVOTAL_NEXT, right.name, span));
        } else {
            stack.add(new Entry(KindOfInstr.XORING, null, span));
        }
    }

    private void merging(Span span) {
        Entry right = pop();
        Entry left = pop();
        if (left == null || right == null) {
            disable();
        } else if (isNext(left) && isNext(right) && left.name.equals(right.name)) {
            stack.add(new Entry(KindOfInstr.PIVOTAL_NEXT, left.name, span));
        } else if (isNext(left)) {
            // something follows next: malformed if this turns out to be a stream fold's body
            stack.add(new Entry(KindOfInstr.MERGING, null, span));
            potentiallyMalformed.putIfAbsent(left.name, span);
        } else if (isNext(right)) {
            stack.add(new Entry(KindOfInstr.PIVOTAL_NEXT, right.name, span));
        } else {
            stack.add(new Entry(KindOfInstr.MERGING, null, span));
        }
    }

    private void afterNextCheck(String iterator) {
        Span span = potentiallyMalformed.get(iterator);
        if (span != null) {
            malformed.add(span);
        }
    }

    private void replacingWithCheck(Entry fold) {
        Entry child = pop();
        if (child == null) {
            enabled = false;
        } else if (isNext(child) && child.name.equals(fold.name)) {
            afterNextCheck(fold.name);
            potentiallyMalformed.remove(fold.name);
            stack.add(new Entry(KindOfInstr.SIMPLE, null, fold.span));
        } else if (isNext(child)) {
            afterNextCheck(fold.name);
            stack.add(new Entry(KindOfInstr.PIVOTAL_NEXT, child.name, fold.span));
        } else {
            afterNextCheck(fold.name);
            stack.add(fold);
        }
    }
}
