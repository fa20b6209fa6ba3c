package dev.aurum.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aurum} command: one subcommand per capability. */
@Command(name = "aurum",
        mixinStandardHelpOptions = true,
        version = "aurum 0.1.0-SNAPSHOT (AquaVM data format 0.17.2, reference avm.wasm 0.62.0)",
        description = {
            "Replay and verify AquaVM particle traces, mine golden particles,",
            "and claim rewards for them on an EVM chain."},
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, DevnetCommand.class,
            TraceCommand.class, VerifyCommand.class, VectorsCommand.class,
            MineCommand.class, SubmitCommand.class, AttestCommand.class, ClaimCommand.class, StatusCommand.class})
public final class Aurum implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Aurum());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
