package org.teavm.classlib.java.security;

/**
 * TeaVM class-library shim for {@code java.security.Security}, which TeaVM lacks. BouncyCastle's
 * lightweight API reaches {@code Security.getProperty} only to read optional overrides; answering
 * "not set" keeps BC's defaults. Used only when the core is compiled to Wasm; ignored on the JVM.
 */
public final class TSecurity {

    private TSecurity() {
    }

    public static String getProperty(String key) {
        return null;
    }
}
