package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.air.Span;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.trace.TraceHandler;
import dev.aurum.aquavm.interpreter.value.Generation;
import dev.aurum.aquavm.interpreter.value.Stream;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams (or stream maps) by name. A {@code new} scope pushes a restricted stream that covers the
 * scope's source span; a stream reference resolves to the innermost stream whose span strictly contains
 * the reference's position. Sorted by name so compaction order is deterministic.
 */
final class Streams {

    private final Map<String, List<Descriptor>> streams = new TreeMap<>();

    private record Descriptor(long left, long right, Stream stream) {
        boolean contains(long position) {
            return left < position && position < right;
        }
    }

    Stream get(String name, long position) {
        List<Descriptor> descriptors = streams.get(name);
        if (descriptors == null) {
            return null;
        }
        for (int i = descriptors.size() - 1; i >= 0; i--) {
            if (descriptors.get(i).contains(position)) {
                return descriptors.get(i).stream();
            }
        }
        return null;
    }

    void add(String name, long position, ValueAggregate value, Generation generation) throws ExecutionError {
        Stream stream = get(name, position);
        if (stream != null) {
            stream.add(value, generation);
            return;
        }
        Stream created = new Stream();
        created.add(value, generation);
        // as AquaVM does, a new global stream replaces whatever descriptors the name had
        List<Descriptor> list = new ArrayList<>(1);
        list.add(new Descriptor(0, Long.MAX_VALUE, created));
        streams.put(name, list);
    }

    void meetScopeStart(String name, Span span) {
        streams.computeIfAbsent(name, k -> new ArrayList<>(1)).add(new Descriptor(span.left(), span.right(),
                new Stream()));
    }

    void meetScopeEnd(String name, TraceHandler trace) throws ExecutionError {
        List<Descriptor> descriptors = streams.get(name);
        if (descriptors == null || descriptors.isEmpty()) {
            throw new IllegalStateException("new scope of " + name + " ended without a start");
        }
        Descriptor last = descriptors.remove(descriptors.size() - 1);
        if (descriptors.isEmpty()) {
            streams.remove(name);
        }
        last.stream().compact(trace);
    }

    void compactAll(TraceHandler trace) throws ExecutionError {
        for (List<Descriptor> descriptors : streams.values()) {
            for (Descriptor d : descriptors) {
                d.stream().compact(trace);
            }
        }
    }
}
