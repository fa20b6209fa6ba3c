package dev.aurum.benchmarks;

import dev.aurum.aquavm.air.AirParseException;
import dev.aurum.aquavm.air.AirParser;
import dev.aurum.aquavm.air.Instruction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The AIR parser (lexer, grammar and validator, {@link AirParser#parse}) on a small script of a real
 * particle and on a generated script of {@value ParserScripts#LARGE_CALLS} calls (about 10k instructions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ParserBenchmark {

    private String small;
    private String large;

    @Setup
    public void scripts() throws AirParseException {
        small = ParserScripts.SMALL;
        large = ParserScripts.large(ParserScripts.LARGE_CALLS);
        AirParser.parse(small);
        AirParser.parse(large);
    }

    @Benchmark
    public Instruction parseSmall() throws AirParseException {
        return AirParser.parse(small);
    }

    @Benchmark
    public Instruction parseTenThousandInstructions() throws AirParseException {
        return AirParser.parse(large);
    }
}
