package dev.aurum.proofs.particle;

import java.util.Arrays;
import java.util.Objects;

/**
 * A nox particle: the signed {@link ParticleHeader} plus the current data envelope, which every hop
 * replaces and which the header signature does not cover.
 */
public record Particle(ParticleHeader header, byte[] data) {

    public Particle {
        Objects.requireNonNull(header, "header");
        data = data == null ? new byte[0] : data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public String id() {
        return header.id();
    }

    public Particle withData(byte[] newData) {
        return new Particle(header, newData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Particle p && header.equals(p.header) && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Particle[" + header + ", data=" + data.length + " bytes]";
    }
}
