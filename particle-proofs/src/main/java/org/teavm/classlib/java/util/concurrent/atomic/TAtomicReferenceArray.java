package org.teavm.classlib.java.util.concurrent.atomic;

/**
 * TeaVM class-library shim for {@code java.util.concurrent.atomic.AtomicReferenceArray}, which TeaVM
 * 0.13.1 lacks but jackson-core's {@code BufferRecycler} uses. Single-threaded Wasm: a plain array.
 */
public class TAtomicReferenceArray<E> {

    private final Object[] elements;

    public TAtomicReferenceArray(int length) {
        elements = new Object[length];
    }

    public final int length() {
        return elements.length;
    }

    @SuppressWarnings("unchecked")
    public final E get(int i) {
        return (E) elements[i];
    }

    public final void set(int i, E value) {
        elements[i] = value;
    }

    public final void lazySet(int i, E value) {
        elements[i] = value;
    }

    @SuppressWarnings("unchecked")
    public final E getAndSet(int i, E value) {
        E old = (E) elements[i];
        elements[i] = value;
        return old;
    }

    public final boolean compareAndSet(int i, E expected, E value) {
        if (elements[i] != expected) {
            return false;
        }
        elements[i] = value;
        return true;
    }
}
