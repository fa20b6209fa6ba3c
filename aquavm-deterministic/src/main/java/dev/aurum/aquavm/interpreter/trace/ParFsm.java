package dev.aurum.aquavm.interpreter.trace;

import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.U32;

/**
 * The par state machine. A par reserves its state at the start, narrows both sliders to the left
 * branch, then to the right branch, and finally writes how many states each branch added. Whatever a
 * branch did (including an early exit), the sliders are moved to where the input par said the branch
 * ends, which keeps the following states aligned.
 */
final class ParFsm {

    private final ExecutedState.Par prevPar;
    private final ExecutedState.Par currentPar;
    private final int insertPos;
    private final SliderState prevAfterLeft;
    private final SliderState currentAfterLeft;
    private final SliderState prevAfterRight;
    private final SliderState currentAfterRight;
    private int savedCount;
    private long leftSize;

    private ParFsm(ExecutedState.Par prevPar, ExecutedState.Par currentPar, DataKeeper keeper)
            throws TraceHandlerException {
        this.prevPar = prevPar;
        this.currentPar = currentPar;
        this.insertPos = keeper.result.size();
        keeper.result.add(new ExecutedState.Par(0, 0));
        this.prevAfterLeft = afterLeft(prevPar, keeper.prev);
        this.currentAfterLeft = afterLeft(currentPar, keeper.current);
        this.prevAfterRight = afterRight(prevPar, keeper.prev, "previous");
        this.currentAfterRight = afterRight(currentPar, keeper.current, "current");
        this.savedCount = keeper.result.size();
    }

    static ParFsm leftStarted(ExecutedState.Par prevPar, ExecutedState.Par currentPar, DataKeeper keeper)
            throws TraceHandlerException {
        ParFsm fsm = new ParFsm(prevPar, currentPar, keeper);
        keeper.prev.setSubtraceLen(prevPar.leftSize());
        keeper.current.setSubtraceLen(currentPar.leftSize());
        return fsm;
    }

    void leftCompleted(DataKeeper keeper) {
        leftSize = keeper.result.size() - savedCount;
        savedCount = keeper.result.size();
        prevAfterLeft.applyIgnoringErrors(keeper.prev);
        currentAfterLeft.applyIgnoringErrors(keeper.current);
        try {
            keeper.prev.setSubtraceLen(prevPar.rightSize());
            keeper.current.setSubtraceLen(currentPar.rightSize());
        } catch (TraceHandlerException ignored) {
            // AquaVM ignores this failure too (`let _ = self.prepare_sliders(..)`)
        }
    }

    void rightCompleted(DataKeeper keeper) {
        long rightSize = keeper.result.size() - savedCount;
        keeper.result.set(insertPos, new ExecutedState.Par(leftSize, rightSize));
        prevAfterRight.applyIgnoringErrors(keeper.prev);
        currentAfterRight.applyIgnoringErrors(keeper.current);
    }

    private static SliderState afterLeft(ExecutedState.Par par, TraceSlider slider) throws TraceHandlerException {
        long pos = slider.position() + par.leftSize();
        if (pos > U32.MAX) {
            throw posOverflow(par, slider);
        }
        return new SliderState(pos, par.leftSize());
    }

    private static SliderState afterRight(ExecutedState.Par par, TraceSlider slider, String side)
            throws TraceHandlerException {
        long size = par.leftSize() + par.rightSize();
        if (size > U32.MAX) {
            throw new TraceHandlerException("overflow is occurred while calculating the entire len occupied by "
                    + "executed states corresponded to current par: '" + parDebug(par) + "'");
        }
        long pos = slider.position() + size;
        if (pos > U32.MAX) {
            throw posOverflow(par, slider);
        }
        long len = slider.subtraceLen() - size;
        if (len < 0) {
            throw new TraceHandlerException("underflow is occurred while calculating the new position of a " + side
                    + " slider for resolved par " + parDebug(par) + " and current subtrace len "
                    + slider.subtraceLen() + "'");
        }
        return new SliderState(pos, len);
    }

    private static TraceHandlerException posOverflow(ExecutedState.Par par, TraceSlider slider) {
        return new TraceHandlerException("overflow is occurred while calculating the new position of a previous "
                + "slider for resolved par " + parDebug(par) + " and current position " + slider.position() + "'");
    }

    private static String parDebug(ExecutedState.Par par) {
        return "ParResult { left_size: " + par.leftSize() + ", right_size: " + par.rightSize() + " }";
    }
}
