package dev.aurum.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aurum vectors}: check AquaVM invoke transcripts and reproduce the shipped vectors. */
@Command(name = "vectors",
        mixinStandardHelpOptions = true,
        description = {"Check AquaVM invoke transcripts and reproduce Aurum's shipped test vectors.",
            "",
            "An invoke transcript is JSON Lines, one AquaVM invoke per line: its inputs",
            "(air, prev_data, data, params, call_results) and the outcome a host recorded",
            "(out). It is how transcripts are exchanged between AquaVM hosts; the format",
            "is in docs/formats.md. Aurum ships transcripts of its scenarios recorded on",
            "the reference avm.wasm, codec vectors, and signed particle traces (honest",
            "and forged) with their verdicts, all reproducible."},
        subcommands = {VectorsCheckCommand.class, VectorsReproduceCommand.class})
public final class VectorsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
