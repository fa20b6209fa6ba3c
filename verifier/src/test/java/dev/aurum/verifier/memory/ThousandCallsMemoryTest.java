package dev.aurum.verifier.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #3's memory bound, checked for real: a particle with 1,000 call results is executed (and its
 * trace verified) by the Java engine in a child JVM whose heap is capped at 64 MiB. Exceeding the cap
 * is an OutOfMemoryError there, i.e. a non-zero exit here. Not a timing test: the timeout only
 * guards against a hung child.
 */
class ThousandCallsMemoryTest {

    @Test
    void thousandCallResultsRunWithin64MiBOfHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ThousandCallsParticle.class.getName()))
                .redirectErrorStream(true).start();
        String output = readAll(child.getInputStream());
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), "child JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        // 1,000 ping results plus the client's list call
        assertTrue(output.contains("calls=1001 "), output);
        assertTrue(output.contains("valid=true"), output);
        // the cap really applied (the JVM reports slightly less than -Xmx for its survivor space)
        long maxHeap = Long.parseLong(output.substring(output.indexOf("max_heap=") + 9).trim());
        assertTrue(maxHeap <= 64L << 20, output);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
