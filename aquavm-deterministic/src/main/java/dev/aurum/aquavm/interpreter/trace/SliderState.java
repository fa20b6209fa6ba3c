package dev.aurum.aquavm.interpreter.trace;

/** A saved slider window (position, length) that a state machine restores later. */
record SliderState(long position, long len) {

    /** Restores the window; AquaVM ignores a failure here, and so do we. */
    void applyIgnoringErrors(TraceSlider slider) {
        try {
            slider.setPositionAndLen(position, len);
        } catch (TraceHandlerException ignored) {
            // matches AquaVM's `let _ = update_ctx_state(..)`
        }
    }
}
