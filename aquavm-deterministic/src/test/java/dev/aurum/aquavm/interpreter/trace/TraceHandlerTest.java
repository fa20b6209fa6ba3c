package dev.aurum.aquavm.interpreter.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.FoldSubTraceLore;
import dev.aurum.aquavm.data.Sender;
import dev.aurum.aquavm.data.SubTraceDesc;
import dev.aurum.aquavm.data.ValueRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge tables and state machines of the trace handler, state by state. */
class TraceHandlerTest {

    static final CallResult SENT = new CallResult.RequestSentBy(new Sender.PeerId("peer"));
    static final CallResult SENT_OTHER = new CallResult.RequestSentBy(new Sender.PeerId("other"));

    static ExecutedState call(CallResult r) {
        return new ExecutedState.Call(r);
    }

    static CallResult scalar(String cid) {
        return new CallResult.Executed(new ValueRef.Scalar(cid));
    }

    static CallResult stream(String cid, long generation) {
        return new CallResult.Executed(new ValueRef.Stream(cid, generation));
    }

    static CallResult failed(String cid) {
        return new CallResult.Failed(cid);
    }

    static ExecutedState ap(long generation) {
        return new ExecutedState.Ap(List.of(generation));
    }

    static ExecutedState par(long l, long r) {
        return new ExecutedState.Par(l, r);
    }

    static FoldSubTraceLore lore(long pos, long b0, long l0, long b1, long l1) {
        return new FoldSubTraceLore(pos, List.of(new SubTraceDesc(b0, l0), new SubTraceDesc(b1, l1)));
    }

    static MergedCall mergeCall(CallResult prev, CallResult current) throws TraceHandlerException {
        TraceHandler h = new TraceHandler(prev == null ? List.of() : List.of(call(prev)),
                current == null ? List.of() : List.of(call(current)));
        return h.meetCallStart();
    }

    // ---- call merge table -------------------------------------------------------------------------

    @Test
    void callMergeTable() throws TraceHandlerException {
        assertNull(mergeCall(null, null));
        assertEquals(new MergedCall(SENT, 0, ValueSource.PREVIOUS), mergeCall(SENT, null));
        assertEquals(new MergedCall(SENT, 0, ValueSource.CURRENT), mergeCall(null, SENT));
        assertEquals(new MergedCall(failed("f"), 0, ValueSource.PREVIOUS), mergeCall(failed("f"), failed("f")));
        assertEquals(new MergedCall(failed("f"), 0, ValueSource.CURRENT), mergeCall(SENT, failed("f")));
        assertEquals(new MergedCall(failed("f"), 0, ValueSource.PREVIOUS), mergeCall(failed("f"), SENT));
        // senders are not compared
        assertEquals(new MergedCall(SENT, 0, ValueSource.PREVIOUS), mergeCall(SENT, SENT_OTHER));
        assertEquals(new MergedCall(scalar("a"), 0, ValueSource.CURRENT), mergeCall(SENT, scalar("a")));
        assertEquals(new MergedCall(scalar("a"), 0, ValueSource.PREVIOUS), mergeCall(scalar("a"), SENT));
        // both: the prev state, counted as previous
        assertEquals(new MergedCall(scalar("a"), 0, ValueSource.PREVIOUS), mergeCall(scalar("a"), scalar("a")));
        // streams: generations may differ, prev wins
        assertEquals(new MergedCall(stream("s", 1), 0, ValueSource.PREVIOUS), mergeCall(stream("s", 1), stream("s", 4)));
    }

    @Test
    void incompatibleCallsAreTraceErrors() {
        assertTrue(assertThrows(TraceHandlerException.class, () -> mergeCall(failed("a"), failed("b")))
                .getMessage().startsWith("previous and current call results are incompatible"));
        assertTrue(assertThrows(TraceHandlerException.class, () -> mergeCall(scalar("a"), failed("a")))
                .getMessage().startsWith("previous and current call results are incompatible"));
        assertTrue(assertThrows(TraceHandlerException.class, () -> mergeCall(scalar("a"), scalar("b")))
                .getMessage().startsWith("values in call results are not equal"));
        assertTrue(assertThrows(TraceHandlerException.class, () -> mergeCall(stream("a", 0), stream("b", 0)))
                .getMessage().startsWith("values in call results are not equal"));
        assertThrows(TraceHandlerException.class, () -> mergeCall(scalar("a"), stream("a", 0)));
        TraceHandler h = new TraceHandler(List.of(ap(0)), List.of());
        assertEquals("state from previous `Ap(ApResult { res_generations: [0] })` is incompatible with expected call",
                assertThrows(TraceHandlerException.class, h::meetCallStart).getMessage());
        TraceHandler both = new TraceHandler(List.of(ap(0)), List.of(par(0, 0)));
        assertTrue(assertThrows(TraceHandlerException.class, both::meetCallStart).getMessage()
                .startsWith("previous and current data have incompatible states"));
    }

    // ---- ap and canon -----------------------------------------------------------------------------

    @Test
    void apMergeKeepsPrevGenerationAndMapsPositions() throws TraceHandlerException {
        TraceHandler h = new TraceHandler(List.of(ap(3)), List.of(ap(5)));
        assertEquals(new MergedAp(3, ValueSource.PREVIOUS), h.meetApStart());
        TraceHandler c = new TraceHandler(List.of(), List.of(ap(5)));
        assertEquals(new MergedAp(5, ValueSource.CURRENT), c.meetApStart());
        TraceHandler bad = new TraceHandler(List.of(new ExecutedState.Ap(List.of(1L, 2L))), List.of());
        assertTrue(assertThrows(TraceHandlerException.class, bad::meetApStart).getMessage()
                .endsWith("ap result contains inappropriate generation count in destination"));
    }

    @Test
    void canonMergeTable() throws TraceHandlerException {
        CanonResult sent = new CanonResult.RequestSentBy("p");
        CanonResult ex = new CanonResult.Executed("c1");
        assertEquals(ex, new TraceHandler(List.of(new ExecutedState.Canon(sent)),
                List.of(new ExecutedState.Canon(ex))).meetCanonStart());
        assertEquals(ex, new TraceHandler(List.of(new ExecutedState.Canon(ex)),
                List.of(new ExecutedState.Canon(sent))).meetCanonStart());
        assertEquals(sent, new TraceHandler(List.of(new ExecutedState.Canon(sent)),
                List.of(new ExecutedState.Canon(new CanonResult.RequestSentBy("q")))).meetCanonStart());
        assertThrows(TraceHandlerException.class, () -> new TraceHandler(List.of(new ExecutedState.Canon(ex)),
                List.of(new ExecutedState.Canon(new CanonResult.Executed("c2")))).meetCanonStart());
    }

    // ---- par --------------------------------------------------------------------------------------

    @Test
    void parFsmNarrowsSlidersAndWritesSizes() throws TraceHandlerException {
        // prev: par(1,1) [A] [B], then C after the par
        List<ExecutedState> prev = List.of(par(1, 1), call(scalar("A")), call(scalar("B")), call(scalar("C")));
        TraceHandler h = new TraceHandler(prev, List.of());
        h.meetParStart();
        assertEquals(scalar("A"), h.meetCallStart().result());
        h.meetCallEnd(scalar("A"));
        assertNull(h.meetCallStart(), "left window is exhausted after one state");
        h.meetParLeftEnd();
        h.meetParRightEnd(); // the right branch wrote nothing: the slider still jumps past B
        assertEquals(scalar("C"), h.meetCallStart().result());
        h.meetCallEnd(scalar("C"));
        assertEquals(List.of(par(1, 0), call(scalar("A")), call(scalar("C"))), h.resultTrace());
    }

    @Test
    void parLargerThanTraceIsRejected() {
        TraceHandler h = new TraceHandler(List.of(par(5, 0)), List.of());
        assertTrue(assertThrows(TraceHandlerException.class, h::meetParStart).getMessage()
                .startsWith("underflow is occurred while calculating the new position of a previous slider"));
    }

    // ---- fold -------------------------------------------------------------------------------------

    @Test
    void loreConvolutionWithinOneGeneration() throws TraceHandlerException {
        // AquaVM's convolution_test_1: lens [1,1] [2,2] [3,3] in one generation -> [12,1] [11,3] [9,6]
        ExecutedState.Fold fold = new ExecutedState.Fold(List.of(lore(0, 0, 1, 0, 1), lore(1, 0, 2, 0, 2),
                lore(2, 0, 3, 0, 3)));
        TraceSlider slider = new TraceSlider(List.of(ap(0), ap(0), ap(0)));
        ResolvedFold r = Mergers.resolve(fold, slider);
        assertEquals(12, r.foldStatesCount);
        assertEquals(12, r.lore.get(0L).before().subtraceLen());
        assertEquals(1, r.lore.get(0L).after().subtraceLen());
        assertEquals(11, r.lore.get(1L).before().subtraceLen());
        assertEquals(3, r.lore.get(1L).after().subtraceLen());
        assertEquals(9, r.lore.get(2L).before().subtraceLen());
        assertEquals(6, r.lore.get(2L).after().subtraceLen());
    }

    @Test
    void loreConvolutionRestartsPerGeneration() throws TraceHandlerException {
        // AquaVM's convolution_test_2, with distinct value positions per entry
        List<ExecutedState> states = List.of(ap(0), ap(0), ap(0), ap(1), ap(1), ap(2));
        ExecutedState.Fold fold = new ExecutedState.Fold(List.of(lore(0, 0, 1, 0, 1), lore(1, 0, 2, 0, 2),
                lore(2, 0, 3, 0, 3), lore(3, 0, 4, 0, 4), lore(4, 0, 5, 0, 5), lore(5, 0, 1, 0, 1)));
        ResolvedFold r = Mergers.resolve(fold, new TraceSlider(states));
        assertEquals(32, r.foldStatesCount);
        long[][] expected = {{12, 1}, {11, 3}, {9, 6}, {18, 4}, {14, 9}, {2, 1}};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], r.lore.get((long) i).before().subtraceLen(), "before " + i);
            assertEquals(expected[i][1], r.lore.get((long) i).after().subtraceLen(), "after " + i);
        }
    }

    @Test
    void loreErrors() {
        TraceSlider slider = new TraceSlider(List.of(ap(0), call(scalar("x"))));
        assertTrue(assertThrows(TraceHandlerException.class, () -> Mergers.resolve(new ExecutedState.Fold(
                List.of(lore(0, 0, 1, 0, 1), lore(0, 0, 1, 0, 1))), slider)).getMessage()
                .contains("contains several subtraces with the same value_pos 0"));
        assertTrue(assertThrows(TraceHandlerException.class, () -> Mergers.resolve(new ExecutedState.Fold(
                List.of(lore(1, 0, 1, 0, 1))), slider)).getMessage()
                .startsWith("expected a state of CallResult(Value::Stream) or Ap types"));
        assertTrue(assertThrows(TraceHandlerException.class, () -> Mergers.resolve(new ExecutedState.Fold(
                List.of(lore(7, 0, 1, 0, 1))), slider)).getMessage()
                .startsWith("requested an element at position '7'"));
        assertTrue(assertThrows(TraceHandlerException.class, () -> Mergers.resolve(new ExecutedState.Fold(
                List.of(new FoldSubTraceLore(0, List.of(new SubTraceDesc(0, 0))))), slider)).getMessage()
                .equals("fold contains 1 sublore descriptors, but 2 is expected"));
    }

    /**
     * Replays the trace of AquaVM's {@code fold_stream_seq_next_saves_call_result} (spec §4.2) through
     * the fold state machine as the evaluator drives it, and checks the lore it rebuilds.
     */
    @Test
    void foldFsmRebuildsLoreOfSpecExample() throws TraceHandlerException {
        List<ExecutedState> prev = List.of(ap(0), ap(0),
                new ExecutedState.Fold(List.of(lore(0, 3, 1, 6, 0), lore(1, 4, 1, 5, 1))),
                call(stream("v1", 0)), call(stream("v2", 1)), call(stream("v3", 2)),
                call(new CallResult.Executed(new ValueRef.Unused("u"))));
        TraceHandler h = new TraceHandler(prev, List.of());
        assertEquals(0, h.meetApStart().generation());
        h.meetApEnd((ExecutedState.Ap) ap(0));
        assertEquals(0, h.meetApStart().generation());
        h.meetApEnd((ExecutedState.Ap) ap(0));
        h.meetFoldStart(1);
        // value 1 (produced at position 0): body call, then next
        h.meetIterationStart(1, 0);
        assertEquals(stream("v1", 0), h.meetCallStart().result());
        h.meetCallEnd(stream("v1", 0));
        h.meetIterationEnd(1);
        // next moves to value 2 (position 1)
        h.meetIterationStart(1, 1);
        assertEquals(stream("v2", 1), h.meetCallStart().result());
        h.meetCallEnd(stream("v2", 1));
        h.meetIterationEnd(1);
        // no more values: back traversal starts, LAST runs in value 2's "after" window
        h.meetBackIterator(1);
        assertEquals(stream("v3", 2), h.meetCallStart().result());
        h.meetCallEnd(stream("v3", 2));
        // return from the inner next: value 1's "after" window, empty
        h.meetBackIterator(1);
        assertNull(h.meetCallStart());
        h.meetGenerationEnd(1);
        h.meetFoldEnd(1);
        assertEquals(new CallResult.Executed(new ValueRef.Unused("u")), h.meetCallStart().result());
        assertEquals(new ExecutedState.Fold(List.of(lore(0, 3, 1, 6, 0), lore(1, 4, 1, 5, 1))),
                h.resultTrace().get(2));
    }

    @Test
    void generationUpdateRewritesStreamStates() throws TraceHandlerException, TraceHandler.GenerationException {
        TraceHandler h = new TraceHandler(List.of(), List.of());
        h.meetCallEnd(stream("s", 0xCAFEBABEL));
        h.meetApEnd((ExecutedState.Ap) ap(0xCAFEBABEL));
        h.meetCallEnd(scalar("x"));
        h.updateGeneration(0, 2);
        h.updateGeneration(1, 3);
        assertEquals(List.of(call(stream("s", 2)), ap(3), call(scalar("x"))), h.resultTrace());
        assertThrows(TraceHandler.GenerationException.class, () -> h.updateGeneration(2, 0));
        assertThrows(TraceHandler.GenerationException.class, () -> h.updateGeneration(9, 0));
    }
}
