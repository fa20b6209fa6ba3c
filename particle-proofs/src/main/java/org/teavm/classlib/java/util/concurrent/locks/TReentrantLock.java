package org.teavm.classlib.java.util.concurrent.locks;

/**
 * TeaVM class-library shim for {@code java.util.concurrent.locks.ReentrantLock}, which TeaVM 0.13.1
 * lacks but jackson-core reaches (buffer recycling, intern cache). The Wasm build is single-threaded,
 * so locking is a no-op. Used only when compiling to Wasm; the JVM uses the real class.
 */
public class TReentrantLock {

    public TReentrantLock() {
    }

    public TReentrantLock(boolean fair) {
    }

    public void lock() {
    }

    public void unlock() {
    }

    public boolean tryLock() {
        return true;
    }
}
