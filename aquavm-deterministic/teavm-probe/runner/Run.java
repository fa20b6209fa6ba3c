import com.dylibso.chicory.runtime.*;
import com.dylibso.chicory.wasi.*;
import com.dylibso.chicory.wasm.*;
import com.dylibso.chicory.wasm.types.*;
import java.io.*;
import java.util.*;

public class Run {
    public static void main(String[] args) throws Exception {
        WasmModule module = Parser.parse(new File(args[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiOptions opts = WasiOptions.builder().withStdout(out).withStderr(err).withArguments(List.of("probe")).build();
        List<ImportFunction> extra = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            if (!imp.module().equals("wasi_snapshot_preview1")) {
                System.err.println("non-WASI import: " + imp.module() + "." + imp.name());
            }
        }
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(opts).build()) {
            Instance.builder(module).withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build()).build();
        } catch (WasiExitException e) {
            if (e.exitCode() != 0) System.err.println("exit " + e.exitCode());
        }
        System.out.print(out.toString("UTF-8"));
        System.err.print(err.toString("UTF-8"));
    }
}
