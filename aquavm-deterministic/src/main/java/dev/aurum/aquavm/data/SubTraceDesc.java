package dev.aurum.aquavm.data;

/** A subtrace of a fold iteration: start position and length in the trace (both u32). */
public record SubTraceDesc(long beginPos, long subtraceLen) {

    public SubTraceDesc {
        U32.check(beginPos, "fold.lore.desc.pos");
        U32.check(subtraceLen, "fold.lore.desc.len");
    }
}
