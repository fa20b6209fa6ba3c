package dev.aurum.aquavm.air;

import dev.aurum.aquavm.air.AfterNextCheck.KindOfInstr;
import dev.aurum.aquavm.air.AirParseError.Kind;
import dev.aurum.aquavm.air.AirValue.ApArgument;
import dev.aurum.aquavm.air.AirValue.CanonStream;
import dev.aurum.aquavm.air.AirValue.CanonStreamMap;
import dev.aurum.aquavm.air.AirValue.CanonStreamMapWithLens;
import dev.aurum.aquavm.air.AirValue.CanonStreamWithLens;
import dev.aurum.aquavm.air.AirValue.ImmutableValue;
import dev.aurum.aquavm.air.AirValue.MapKey;
import dev.aurum.aquavm.air.AirValue.Scalar;
import dev.aurum.aquavm.air.AirValue.ScalarWithLens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AquaVM's {@code VariableValidator} (validator.rs), fed by the parser as each instruction is
 * completed (post-order). Its scope is exactly AquaVM's, quirks included:
 * <ul>
 * <li>a use is defined if some definition (call/ap/canon target, {@code new}, fold iterator) belongs to
 * an instruction that <em>starts</em> before the using instruction starts, anywhere in the script;</li>
 * <li>only the first unresolved use of a name (and the first {@code next} of an iterator) is judged, in
 * post-order: {@code (match x 1 (new x (call p (s f) [x])))} passes because the call's use, met first,
 * is resolved by the enclosing {@code new};</li>
 * <li>only these uses are checked: call triplet and arguments, {@code ap} argument, the key of
 * {@code ap} to a map (not its value), {@code match}/{@code mismatch} operands, fold iterables
 * (scalar forms, {@code $stream}, {@code %map}) and {@code [x]} accessors in variable lenses; not the
 * peer of {@code canon}, the operand of {@code fail}, nor lenses on {@code %last_error%}/{@code :error:}.</li>
 * </ul>
 */
final class Validator {

    private record Use(String name, Span span) {
    }

    private final Map<String, Span> definitions = new TreeMap<>();
    private final Map<String, List<Span>> iteratorDefinitions = new TreeMap<>();
    /** Uses not resolvable when met, per name in first-met order (AquaVM's MultiMap). */
    private final Map<String, List<Span>> unresolved = new LinkedHashMap<>();
    private final List<Use> nexts = new ArrayList<>();
    private final List<Use> news = new ArrayList<>();
    private final List<Span> zeroErrorCodes = new ArrayList<>();
    private final AfterNextCheck afterNext = new AfterNextCheck();

    // ---- events, in post-order ---------------------------------------------------------------

    void call(Instruction.Call call) {
        Span span = call.span();
        useValue(call.triplet().peerId(), span);
        useValue(call.triplet().serviceId(), span);
        useValue(call.triplet().functionName(), span);
        for (ImmutableValue arg : call.arguments()) {
            useValue(arg, span);
        }
        afterNext.met(KindOfInstr.SIMPLE, null, span);
        call.output().ifPresent(output -> define(output.name(), span));
    }

    void canon(String target, Span span) {
        define(target, span);
        afterNext.met(KindOfInstr.SIMPLE, null, span);
    }

    void match(ImmutableValue left, ImmutableValue right, Span span) {
        useValue(left, span);
        useValue(right, span);
        afterNext.met(KindOfInstr.REPLACING, null, span);
    }

    void foldScalar(Instruction.FoldScalar fold) {
        useValue(fold.iterable(), fold.span());
        defineIterator(fold.iterator().name(), fold.span());
        afterNext.met(fold.last().isPresent() ? KindOfInstr.POP_STACK2 : KindOfInstr.POP_STACK1, null, fold.span());
    }

    void foldStreamLike(String iterable, String iterator, boolean hasLast, Span span) {
        use(iterable, span);
        defineIterator(iterator, span);
        afterNext.met(hasLast ? KindOfInstr.POP_STACK1_REPLACING_WITH_CHECK : KindOfInstr.REPLACING_WITH_CHECK,
                iterator, span);
    }

    void newScope(String name, Span span) {
        news.add(new Use(name, span));
        define(name, span);
        afterNext.met(KindOfInstr.REPLACING, null, span);
    }

    void next(String iterator, Span span) {
        nexts.add(new Use(iterator, span));
        afterNext.met(KindOfInstr.PIVOTAL_NEXT, iterator, span);
    }

    void ap(ApArgument argument, String result, Span span) {
        useValue(argument, span);
        define(result, span);
        afterNext.met(KindOfInstr.SIMPLE, null, span);
    }

    void apMap(MapKey key, String map, Span span) {
        useValue(key, span);
        define(map, span);
        afterNext.met(KindOfInstr.SIMPLE, null, span);
    }

    void fail(AirValue.FailBody body, Span span) {
        if (body instanceof AirValue.FailLiteral literal && literal.retCode() == 0) {
            zeroErrorCodes.add(span);
        }
        afterNext.met(KindOfInstr.SIMPLE, null, span);
    }

    void simple(Span span) {
        afterNext.met(KindOfInstr.SIMPLE, null, span);
    }

    void merging(Span span) {
        afterNext.met(KindOfInstr.MERGING, null, span);
    }

    void xoring(Span span) {
        afterNext.met(KindOfInstr.XORING, null, span);
    }

    // ---- bookkeeping --------------------------------------------------------------------------

    private void useValue(AirValue value, Span span) {
        if (value instanceof Scalar s) {
            use(s.name(), span);
        } else if (value instanceof ScalarWithLens s) {
            use(s.name(), span);
            useLens(s.lens(), span);
        } else if (value instanceof CanonStream s) {
            use(s.name(), span);
        } else if (value instanceof CanonStreamWithLens s) {
            use(s.name(), span);
            useLens(s.lens(), span);
        } else if (value instanceof CanonStreamMap s) {
            use(s.name(), span);
        } else if (value instanceof CanonStreamMapWithLens s) {
            use(s.name(), span);
            useLens(s.lens(), span);
        }
        // literals, special values and %last_error%/:error: (lens included) are never checked
    }

    private void useLens(Lens lens, Span span) {
        if (lens instanceof Lens.ValuePath path) {
            for (Lens.Accessor accessor : path.accessors()) {
                if (accessor instanceof Lens.ByScalar byScalar) {
                    use(byScalar.scalarName(), span);
                }
            }
        }
    }

    /** Like AquaVM: a use is remembered only if nothing defines it yet at the moment it is met. */
    private void use(String name, Span span) {
        if (!isDefinedBefore(name, span)) {
            unresolved.computeIfAbsent(name, k -> new ArrayList<>()).add(span);
        }
    }

    private void define(String name, Span span) {
        Span old = definitions.get(name);
        if (old == null || !old.startsBefore(span)) {
            definitions.put(name, span);
        }
    }

    private void defineIterator(String name, Span span) {
        iteratorDefinitions.computeIfAbsent(name, k -> new ArrayList<>()).add(span);
    }

    private boolean isDefinedBefore(String name, Span useSpan) {
        Span def = definitions.get(name);
        if (def != null && def.startsBefore(useSpan)) {
            return true;
        }
        List<Span> iterators = iteratorDefinitions.get(name);
        if (iterators != null) {
            for (Span s : iterators) {
                if (s.startsBefore(useSpan)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost fold with iterator {@code name} around {@code span}, or null. */
    private Span closestFold(String name, Span span) {
        List<Span> folds = iteratorDefinitions.get(name);
        Span found = null;
        if (folds != null) {
            for (Span fold : folds) {
                if (fold.strictlyContains(span)) {
                    found = fold;
                }
            }
        }
        return found;
    }

    // ---- final checks, in AquaVM's order ---------------------------------------------------------

    /** One error per violation: (kind, span, message). */
    record Violation(Kind kind, Span span, String message) {
    }

    List<Violation> finish() {
        for (List<Span> spans : iteratorDefinitions.values()) {
            spans.sort(Comparator.comparingInt(Span::left));
        }
        List<Violation> out = new ArrayList<>();
        // AquaVM checks these with MultiMap::iter(), which yields only the FIRST value of each name: one
        // error per name at most, and a later bad use (or next) hides behind an earlier good one
        for (Map.Entry<String, List<Span>> e : unresolved.entrySet()) {
            Span first = e.getValue().get(0);
            if (!isDefinedBefore(e.getKey(), first)) {
                out.add(new Violation(Kind.UNDEFINED_VARIABLE, first, "variable '" + e.getKey() + "' wasn't defined"));
            }
        }
        Map<String, List<Span>> nextsByName = new LinkedHashMap<>();
        for (Use next : nexts) {
            nextsByName.computeIfAbsent(next.name, k -> new ArrayList<>()).add(next.span);
        }
        for (Map.Entry<String, List<Span>> e : nextsByName.entrySet()) {
            Span first = e.getValue().get(0);
            if (closestFold(e.getKey(), first) == null) {
                out.add(new Violation(Kind.UNDEFINED_ITERABLE, first, "iterable '" + e.getKey() + "' wasn't defined"));
            }
        }
        for (Map.Entry<String, List<Span>> e : nextsByName.entrySet()) {
            Set<Integer> foldsSeen = new TreeSet<>();
            for (Span next : e.getValue()) {
                Span fold = closestFold(e.getKey(), next);
                if (fold != null && !foldsSeen.add(fold.left())) {
                    out.add(new Violation(Kind.MULTIPLE_NEXT_IN_FOLD, next, "multiple next instructions for iterator '"
                            + e.getKey() + "' found for one fold, that is prohibited"));
                }
            }
        }
        for (Use scope : news) {
            if (closestFold(scope.name, scope.span) != null) {
                out.add(new Violation(Kind.ITERATOR_RESTRICTION_NOT_ALLOWED, scope.span,
                        "new can't be applied to a '" + scope.name + "' because it's an iterator"));
            }
        }
        for (Map.Entry<String, List<Span>> e : iteratorDefinitions.entrySet()) {
            Span outer = null;
            for (Span span : e.getValue()) {
                if (outer != null && outer.strictlyContains(span)) {
                    out.add(new Violation(Kind.MULTIPLE_ITERABLE_VALUES_FOR_ONE_ITERATOR, span,
                            "multiple iterable values found for iterator name '" + e.getKey() + "'"));
                } else {
                    outer = span;
                }
            }
        }
        for (Span span : zeroErrorCodes) {
            out.add(new Violation(Kind.UNSUPPORTED_LITERAL_ERR_CODES, span, "error code 0 with fail is unsupported"));
        }
        for (Span span : afterNext.malformedSpans()) {
            out.add(new Violation(Kind.FOLD_HAS_INSTRUCTION_AFTER_NEXT, span, "fold can not have instructions after next"));
        }
        return out;
    }
}
