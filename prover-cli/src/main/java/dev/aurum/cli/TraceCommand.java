package dev.aurum.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aurum trace}: commands that make signed particle traces. */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        description = {"Make signed particle traces.",
            "",
            "A signed trace records every hop of a particle: the peer, the data it received, each invoke",
            "round with its call results, the outcome, and the peer's signature over the hash-chained hop",
            "record. 'aurum verify' checks one offline."},
        subcommands = {TraceRecordCommand.class})
public final class TraceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
