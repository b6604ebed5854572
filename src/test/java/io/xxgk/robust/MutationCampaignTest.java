package io.xxgk.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Reports;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation campaign: mutants of real inputs (our template filled, workbooks of other
 * writers, a published report as text and as a web page), made by flipping and cutting bytes and
 * by rewriting a part's XML. Every mutant is read within a time bound without escaping exception;
 * a mutant whose bytes were damaged is unreadable, or reads its source's numbers (those the damage
 * did not reach; a number lost makes an error), never other plausible numbers; a merge of all of them accounts for every one
 * and changes none. {@code -Dxxgk.mutants=N} sets how many (bench/mutants.sh runs thousands).
 */
class MutationCampaignTest {

    static final long SEED = 11_2026L;
    static final int MUTANTS = Integer.getInteger("xxgk.mutants", 240);
    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private record Source(Path file, CheckResult read) {
    }

    private List<Source> sources() throws Exception {
        List<Path> files = new ArrayList<>();
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, SEED));
        layout.formulas().keySet().forEach(v::remove);
        Path ours = dir.resolve("src").resolve("ours.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                v, ours, false);
        files.add(ours);
        files.add(Path.of("src/test/resources/writers/openpyxl-template.xlsx"));
        files.add(Path.of("src/test/resources/writers/xlsxwriter-hand.xlsx"));
        files.add(Path.of("src/test/resources/writers/libreoffice-template.ods"));
        files.add(Path.of("src/test/resources/seeds/001.txt"));
        // Word and PDF reports, and the crafted workbooks of the hostile set (issue 25).
        files.add(Path.of("src/test/resources/hostile/R01_docx_crc/shanghang.docx"));
        files.add(Path.of("examples/报告/淮安市洪泽区人民政府-2024.pdf"));
        files.add(Path.of("src/test/resources/hostile/R02_reader_differential/D2_duprow53.xlsx"));
        files.add(Path.of("src/test/resources/hostile/R02_reader_differential/D3_workbook2.xlsx"));
        Path html = dir.resolve("src").resolve("page.html");
        Files.writeString(html, "<html><body><p>" + Files.readString(Path.of("src/test/resources/seeds/002.txt"))
                .replace("\n", "</p><p>") + "</p></body></html>");
        files.add(html);
        // CSV inputs (issue 24): the crawler's record of a glued page, the tables saved as CSV, JSON lines.
        files.add(Path.of("src/test/resources/seeds/crawler/河北省工业和信息化厅-2023-爬虫记录.csv"));
        files.add(Path.of("src/test/resources/csv/上杭县-统计表-LibreOffice.csv"));
        Path jsonl = dir.resolve("src").resolve("reports.jsonl");
        Files.writeString(jsonl, "{\"title\": \"上杭县人民政府办公室2023年政府信息公开工作年度报告\", \"content\": "
                + new ObjectMapper().writeValueAsString(Files.readString(Path.of("src/test/resources/seeds/002.txt"))) + "}\n");
        files.add(jsonl);
        List<Source> out = new ArrayList<>();
        for (Path f : files) {
            out.add(new Source(f, new CheckRunner(layout, null, null).run(f)));
        }
        return out;
    }

    @Test
    void noCrashNoHangNoPlausibleNumbersFromDamageEveryInputAccounted() throws Exception {
        Random random = new Random(SEED);
        List<Source> sources = sources();
        Path mutants = Files.createDirectories(dir.resolve("mutants"));
        Map<Path, Source> damagedFrom = new HashMap<>();
        for (int i = 0; i < MUTANTS; i++) {
            Source s = sources.get(random.nextInt(sources.size()));
            String name = s.file().getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.'));
            byte[] bytes = Files.readAllBytes(s.file());
            boolean zip = bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K';
            Path m = mutants.resolve(String.format("m%05d-%s", i, name));
            int kind = random.nextInt(zip ? 4 : 2);
            byte[] mutated = switch (kind) {
                case 0 -> flip(bytes, random);
                case 1 -> cut(bytes, random);
                default -> rewritePart(s.file(), random, kind == 3);
            };
            Files.write(m, mutated);
            if (zip && kind <= 1) {
                damagedFrom.put(m, s);
            }
            assertThat(m.toString()).endsWith(ext);
        }
        Map<Path, String> before = checksums(mutants);

        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mutant");
            t.setDaemon(true);
            return t;
        });
        try (var listing = Files.list(mutants)) {
            for (Path m : listing.sorted().toList()) {
                Future<CheckResult> f = pool.submit(() -> new CheckRunner(layout, null, null).run(m));
                CheckResult r = f.get(60, TimeUnit.SECONDS); // a hang fails here; an escaping exception too
                Source s = damagedFrom.get(m);
                if (s != null && !r.unreadable()) {
                    // Damage may lose what it hit (then the report has errors), never turn it into other numbers.
                    for (Map.Entry<String, BigDecimal> e : r.values().entrySet()) {
                        BigDecimal was = s.read().values().get(e.getKey());
                        if (e.getValue() == null) {
                            assertThat(was == null || r.hasErrors()).as("seed %d, %s: %s lost without an error",
                                    SEED, m.getFileName(), e.getKey()).isTrue();
                        } else {
                            assertThat(e.getValue()).as("seed %d, %s: %s read as another number", SEED,
                                    m.getFileName(), e.getKey()).isEqualTo(was);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }

        Cli.Result merged = Cli.run("merge", "--format", "json", mutants.toString());
        assertThat(merged.code()).as(merged.err()).isNotEqualTo(70);
        JsonNode j = new ObjectMapper().readTree(merged.out());
        assertThat(j.get("inputs").size() + j.get("skipped").size()).as("every mutant accounted for").isEqualTo(MUTANTS);
        assertThat(checksums(mutants)).as("no input modified").isEqualTo(before);
    }

    private static byte[] flip(byte[] in, Random random) {
        byte[] out = in.clone();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(out.length);
            out[at] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private static byte[] cut(byte[] in, Random random) {
        return Arrays.copyOf(in, random.nextInt(in.length));
    }

    /** The zip with one part's XML changed (valid CRCs: the file is consistent, only its content odd). */
    private static byte[] rewritePart(Path file, Random random, boolean structural) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(file.toFile()); ZipOutputStream z = new ZipOutputStream(out)) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            int target = random.nextInt(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                ZipEntry e = entries.get(i);
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (i == target) {
                    bytes = mutateXml(new String(bytes, StandardCharsets.UTF_8), random, structural)
                            .getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String mutateXml(String xml, Random random, boolean structural) {
        if (xml.isEmpty()) {
            return "<x/>";
        }
        int a = random.nextInt(xml.length());
        int b = Math.min(xml.length(), a + random.nextInt(200));
        if (!structural) {
            StringBuilder s = new StringBuilder(xml);
            for (int i = a; i < b; i++) {
                if (Character.isDigit(s.charAt(i)) && random.nextInt(3) == 0) {
                    s.setCharAt(i, (char) ('0' + random.nextInt(10)));
                }
            }
            return s.toString();
        }
        return switch (random.nextInt(5)) {
            case 0 -> xml.substring(0, a) + xml.substring(b); // a span deleted
            case 1 -> xml.substring(0, b) + xml.substring(a, b) + xml.substring(b); // a span twice
            case 2 -> xml.substring(0, a) + "<c r=\"A1\"><v>1e309</v></c><!DOCTYPE x>" + xml.substring(a);
            case 3 -> xml.substring(0, a) + "&#0;\u0000<" + xml.substring(a);
            default -> xml.substring(0, a) + "<v>" + "9".repeat(5000) + "</v>" + xml.substring(a);
        };
    }

    private static Map<Path, String> checksums(Path folder) throws Exception {
        Map<Path, String> out = new HashMap<>();
        try (var s = Files.list(folder)) {
            for (Path p : s.toList()) {
                out.put(p, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
