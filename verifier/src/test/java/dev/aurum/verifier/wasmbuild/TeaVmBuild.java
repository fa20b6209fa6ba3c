package dev.aurum.verifier.wasmbuild;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.tooling.TeaVMToolLog;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Compiles {@code aurum-verifier.wasm} with TeaVM 0.13.1 (WASI) in a JVM of its own, started by the build
 * with fixed flags (exec-maven-plugin, verifier/pom.xml), on a class path in a canonical order.
 *
 * <p>Why: TeaVM's output is a deterministic function of its inputs, and the order of its class path is
 * one of them. The "two variants" of the module seen earlier (same size, a few function indices swapped)
 * are the same sources compiled with the project jars before and after the TeaVM class library on the
 * class path; identity hash codes play no part (handing out 1000 more before the compile left every
 * byte the same). The Maven plugin passed whatever order Maven resolved, which moves with dependency
 * declarations in several poms and with whether a reactor module resolves to its jar or its classes
 * directory, so the hash could move without any code change. Here the order is fixed
 * ({@link #teavmClassPath}), and the compiler runs outside Maven's JVM, so nothing Maven or other
 * plugins did can reach it.
 *
 * <p>Arguments: target directory, file name, main class, minifying (true: no name section), optimisation
 * level ({@code SIMPLE | ADVANCED | FULL}), initial heap in MiB.
 */
public final class TeaVmBuild {

    private TeaVmBuild() {
    }

    public static void main(String[] args) throws TeaVMToolException {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: TeaVmBuild TARGET_DIR FILE_NAME MAIN_CLASS MINIFYING LEVEL MIN_HEAP_MIB");
        }
        TeaVMTool tool = new TeaVMTool();
        tool.setLog(new Log());
        tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_WASI);
        tool.setTargetDirectory(new File(args[0]));
        tool.setTargetFileName(args[1]);
        tool.setMainClass(args[2]);
        tool.setClassPath(teavmClassPath());
        tool.setObfuscated(Boolean.parseBoolean(args[3]));
        tool.setOptimizationLevel(TeaVMOptimizationLevel.valueOf(args[4]));
        tool.setDebugInformationGenerated(false);
        tool.setSourceMapsFileGenerated(false);
        tool.setIncremental(false);
        tool.setMinHeapSize(Integer.parseInt(args[5]) << 20);
        tool.setMaxHeapSize(128 << 20);
        tool.generate();
        if (tool.wasCancelled()) {
            throw new IllegalStateException("TeaVM build was cancelled");
        }
        TeaVMProblemRenderer.describeProblems(tool.getDependencyInfo().getCallGraph(), tool.getProblemProvider(),
                tool.getLog());
        if (!tool.getProblemProvider().getSevereProblems().isEmpty()) {
            System.exit(1);
        }
    }

    /**
     * TeaVM's class path: this JVM's, without the directory this class was loaded from (build tools, not
     * the program), in a canonical order: by file name, then by full path. TeaVM's output depends on the
     * order of its class path (it merges every entry's {@code META-INF/teavm.properties} and class-library
     * substitutes in that order), and Maven's order is not stable: it follows the declaration order of
     * dependencies across several poms and depends on whether a reactor module resolves to its jar or to
     * its classes directory. Classes are read only from these entries, never from the running JDK.
     */
    static List<File> teavmClassPath() {
        String own = new File(TeaVmBuild.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .getAbsolutePath();
        List<File> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry).getAbsoluteFile();
            if (!entry.isEmpty() && !f.getPath().equals(own)) {
                entries.add(f);
            }
        }
        entries.sort(Comparator.comparing(File::getName).thenComparing(File::getPath));
        return entries;
    }

    /** TeaVM's messages on stdout, prefixed like the Maven plugin's. */
    private static final class Log implements TeaVMToolLog {
        @Override
        public void info(String text) {
            System.out.println("[teavm] " + text);
        }

        @Override
        public void debug(String text) {
        }

        @Override
        public void warning(String text) {
            System.out.println("[teavm] WARNING: " + text);
        }

        @Override
        public void error(String text) {
            System.out.println("[teavm] ERROR: " + text);
        }

        @Override
        public void info(String text, Throwable e) {
            info(text + ": " + e);
        }

        @Override
        public void debug(String text, Throwable e) {
        }

        @Override
        public void warning(String text, Throwable e) {
            warning(text + ": " + e);
        }

        @Override
        public void error(String text, Throwable e) {
            error(text + ": " + e);
        }
    }
}
