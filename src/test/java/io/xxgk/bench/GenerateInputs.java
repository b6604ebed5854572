package io.xxgk.bench;

import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Reports;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Generates N filled report workbooks for the merge benchmark with the project's template writer,
 * each with its own agency name and seeded random (valid) values.
 * Usage: GenerateInputs N DIR [SEED] [YEAR=2024] (the same agencies' names whatever the seed: a year before
 * is the same N agencies with other numbers)
 */
public final class GenerateInputs {

    private GenerateInputs() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        String year = args.length > 3 ? args[3] : "2024";
        Files.createDirectories(dir);
        Layout layout = Layouts.defaultLayout();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            jobs.add(pool.submit(() -> {
                TemplateWriter writer = new TemplateWriter(layout);
                for (int i = first; i < n; i += threads) {
                    Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, seed * 1_000_003L + i));
                    layout.formulas().keySet().forEach(v::remove);
                    Identity id = Identity.empty().with(IdentityField.NAME, String.format("单位%05d", i))
                            .with(IdentityField.YEAR, year);
                    try (XSSFWorkbook wb = writer.build(id, v);
                         OutputStream out = new BufferedOutputStream(
                                 Files.newOutputStream(dir.resolve(String.format("单位%05d.xlsx", i))))) {
                        wb.write(out);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        System.err.println("generated " + n + " workbooks in " + dir);
    }
}
