package dev.aurum.benchmarks.codec;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.DataEnvelope;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.vectors.transcript.InvokeLine;
import dev.aurum.vectors.transcript.TranscriptFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Aurum's codecs on data of the shipped vectors (recorded on avm.wasm): the msgpack data envelope and the
 * rkyv {@code InterpreterData} inside it (the largest {@code data} a scenario's transcript emits), and the
 * canonical-CBOR signed trace of the same scenario. Decode includes validation; encode writes the canonical form.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class CodecBenchmark {

    /** A scenario with both a transcript and an honest trace in the shipped vectors. */
    @Param({"fork-join", "fold-fanout"})
    public String scenario;

    private byte[] envelopeBytes;
    private DataEnvelope envelope;
    private byte[] rkyvBytes;
    private InterpreterData data;
    private byte[] traceBytes;
    private SignedTrace trace;

    @Setup
    public void load() throws DecodeException {
        envelopeBytes = largestData(scenario);
        envelope = DataEnvelope.decode(envelopeBytes);
        rkyvBytes = envelope.innerData();
        data = InterpreterDataRkyv.decode(rkyvBytes);
        traceBytes = resource("/vectors/traces/honest/" + scenario + ".trace");
        trace = TraceCodec.decode(traceBytes);
    }

    /** The largest {@code out.data} of the scenario's shipped invoke transcript. */
    static byte[] largestData(String scenario) throws DecodeException {
        List<TranscriptFormat.Entry> entries = TranscriptFormat.parseAll(resource("/vectors/transcripts/" + scenario + ".jsonl"));
        byte[] largest = new byte[0];
        for (TranscriptFormat.Entry e : entries) {
            if (e.error() != null) {
                throw e.error();
            }
            InvokeLine line = e.line();
            byte[] d = line.out().data();
            if (d.length > largest.length) {
                largest = d;
            }
        }
        return largest;
    }

    static byte[] resource(String path) {
        try (InputStream in = CodecBenchmark.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no shipped vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public DataEnvelope msgpackEnvelopeDecode() throws DecodeException {
        return DataEnvelope.decode(envelopeBytes);
    }

    @Benchmark
    public byte[] msgpackEnvelopeEncode() {
        return envelope.encode();
    }

    @Benchmark
    public InterpreterData rkyvDecode() throws DecodeException {
        return InterpreterDataRkyv.decode(rkyvBytes);
    }

    @Benchmark
    public byte[] rkyvEncode() {
        return InterpreterDataRkyv.encode(data);
    }

    @Benchmark
    public SignedTrace cborTraceDecode() throws DecodeException {
        return TraceCodec.decode(traceBytes);
    }

    @Benchmark
    public byte[] cborTraceEncode() {
        return TraceCodec.encode(trace);
    }
}
