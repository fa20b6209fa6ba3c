package dev.aurum.aquavm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.ValueRef;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.trace.TraceHandler;
import dev.aurum.aquavm.interpreter.trace.ValueSource;
import dev.aurum.aquavm.interpreter.value.Generation;
import dev.aurum.aquavm.interpreter.value.Stream;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import dev.aurum.aquavm.json.JsonPosInt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scalar scoping (write-once, fold/next depths, new) and stream generations with compaction. */
class ScopesAndStreamsTest {

    private static ValueAggregate v(long n, long pos) {
        return ValueAggregate.literal(new JsonPosInt(n), "init", pos);
    }

    @Test
    void globalScalarsAreWriteOnce() throws ExecutionError {
        SparseMatrix<String> m = new SparseMatrix<>();
        m.set("x", "1");
        assertEquals(20007, assertThrows(ExecutionError.class, () -> m.set("x", "2")).code());
        assertEquals("1", m.value("x"));
    }

    @Test
    void foldAndNextOpenScopesThatHideInnerValues() throws ExecutionError {
        SparseMatrix<String> m = new SparseMatrix<>();
        m.set("g", "global");
        m.meetFoldStart();
        m.set("x", "fold level");
        m.meetNextBefore();
        assertTrue(m.visible("g"));
        assertFalse(m.visible("x"), "a value of the enclosing iteration is hidden inside next");
        m.set("x", "next level");
        assertEquals("next level", m.value("x"));
        m.meetNextAfter();
        assertEquals("fold level", m.value("x"));
        m.set("x", "shadowed in fold"); // shadowing is allowed inside folds
        m.meetFoldEnd();
        assertFalse(m.visible("x"));
        assertEquals("global", m.value("g"));
    }

    @Test
    void newScopeClearsAndRestores() throws ExecutionError {
        SparseMatrix<String> m = new SparseMatrix<>();
        m.set("x", "outer");
        m.meetNewStart("x");
        assertTrue(m.visible("x"));
        assertNull(m.value("x"), "cleared by new");
        m.set("x", "inner");
        assertEquals("inner", m.value("x"));
        m.meetNewEnd("x");
        assertEquals("outer", m.value("x"));
        assertEquals(20008, assertThrows(ExecutionError.class, () -> m.meetNewEnd("y")).code());
    }

    @Test
    void streamOrdersGenerationsAndCompactsThemIntoTheTrace() throws Exception {
        TraceHandler trace = new TraceHandler(List.of(), List.of());
        for (int i = 0; i < 4; i++) {
            trace.meetCallEnd(new CallResult.Executed(new ValueRef.Stream("c" + i, 0xCAFEBABEL)));
        }
        Stream s = new Stream();
        s.add(v(1, 0), Generation.fromData(ValueSource.PREVIOUS, 7)); // sparse index from data
        s.add(v(2, 1), Generation.fromData(ValueSource.CURRENT, 0));
        s.add(v(3, 2), Generation.NEW);
        s.add(v(4, 3), Generation.fromData(ValueSource.PREVIOUS, 2));
        assertEquals(List.of(4L, 1L, 2L, 3L), results(s.values()));
        assertEquals(8, s.cursor()[0], "previous generations counted up to the highest index");
        s.compact(trace);
        assertEquals(List.of(generation(trace, 3), generation(trace, 0), generation(trace, 1), generation(trace, 2)),
                List.of(0L, 1L, 2L, 3L));
    }

    @Test
    void streamSizeIsLimited() throws ExecutionError {
        Stream s = new Stream();
        for (int i = 0; i < Stream.MAX_SIZE - 1; i++) {
            s.add(v(i, i), Generation.NEW);
        }
        assertEquals(20013, assertThrows(ExecutionError.class, () -> s.add(v(0, 0), Generation.NEW)).code());
    }

    @Test
    void recursiveCursorSeesOnlyNewGenerations() throws ExecutionError {
        Stream s = new Stream();
        s.add(v(1, 0), Generation.NEW);
        long[] cursor = s.cursor();
        s.addNewEmptyGeneration();
        assertTrue(s.slicesFrom(cursor).isEmpty());
        s.add(v(2, 1), Generation.NEW);
        assertEquals(1, s.slicesFrom(cursor).size());
        assertEquals(2L, ((JsonPosInt) s.slicesFrom(cursor).get(0).get(0).result()).bits());
    }

    private static List<Long> results(List<ValueAggregate> values) {
        return values.stream().map(x -> ((JsonPosInt) x.result()).bits()).toList();
    }

    private static long generation(TraceHandler trace, int pos) {
        ExecutedState.Call call = (ExecutedState.Call) trace.resultTrace().get(pos);
        return ((ValueRef.Stream) ((CallResult.Executed) call.result()).value()).generation();
    }
}
