package io.xxgk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Multipart;
import io.xxgk.testing.Sheets;
import io.xxgk.testing.ZipEdit;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and the web page give one answer: the same folder of returns (the examples, one
 * agency sent twice from two folders, odd files, a file without an ending, a LibreOffice .ods, a
 * 2019-layout workbook for 2024) merged and checked through both gives the same statuses, findings,
 * skipped files and summary workbook by content.
 */
class SameAnswerTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Served page = new Served();
    private final ObjectMapper json = new ObjectMapper();
    private final Layout layout = Layouts.defaultLayout();

    /** The returns: a folder as a coordinator receives it. */
    private Path returns() throws Exception {
        Path in = dir.resolve("收到的报表");
        Files.createDirectories(in.resolve("第一批"));
        Files.createDirectories(in.resolve("邮件附件"));
        try (Stream<Path> s = Files.list(Path.of("examples/2023"))) {
            for (Path f : s.sorted().toList()) {
                Files.copy(f, in.resolve("第一批").resolve(f.getFileName()));
            }
        }
        // One agency sent again from another folder, one number of table 二 changed.
        CellDef first = layout.cells().stream().filter(c -> c.table().equals("二")).findFirst().orElseThrow();
        try (InputStream is = Files.newInputStream(Path.of("examples/2023/上杭县人民政府办公室.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(is);
             OutputStream os = Files.newOutputStream(in.resolve("邮件附件/上杭县人民政府办公室(修改版).xlsx"))) {
            var cell = Sheets.named(wb, first.key());
            cell.setCellValue(cell.getNumericCellValue() + 5);
            wb.write(os);
        }
        Files.writeString(in.resolve("名单.csv"), "单位名称\n甲\n");
        Files.write(in.resolve("图.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        // A workbook sent without its ending; one made by LibreOffice; a 2019 form filled in for 2024.
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "某某县统计局").with(IdentityField.YEAR, "2023"),
                Sheets.randomInputs(layout, 7), in.resolve("某某县统计局"), false);
        // LibreOffice's own file (committed), one count made negative: an .ods with an error.
        ZipEdit.rewrite(Path.of("src/test/resources/writers/libreoffice-template.ods"), in.resolve("libreoffice.ods"),
                "content.xml", x -> x.replace("office:value=\"243\"", "office:value=\"-243\"")
                        .replace("<text:p>243</text:p>", "<text:p>-243</text:p>"));
        Layout old = Layouts.get("2019");
        new TemplateWriter(old).write(Identity.empty().with(IdentityField.NAME, "旧表样局").with(IdentityField.YEAR, "2024"),
                Sheets.randomInputs(old, 11), in.resolve("旧表样局.xlsx"), false);
        return in;
    }

    @Test
    void aMergeFromTheCommandLineAndFromThePageIsTheSame() throws Exception {
        Path in = returns();
        Path cliSummary = dir.resolve("cli.xlsx");
        Cli.Result cli = Cli.run("merge", "--format", "json", "-o", cliSummary.toString(), in.toString());
        // Errors (the 财政局's balance, the 2019 form), nothing unreadable: the odd files are skipped.
        assertThat(cli.code()).as(cli.err()).isEqualTo(1);
        JsonNode fromCli = json.readTree(cli.out().replace(dir + "/", ""));

        HttpResponse<String> answer = post("/api/merge", in);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        JsonNode fromPage = body.get("result");
        for (String field : List.of("layout", "year", "units", "findings", "input_findings", "values", "skipped")) {
            assertThat(plain(fromPage.get(field))).as(field).isEqualTo(plain(fromCli.get(field)));
        }
        assertThat(statuses(fromPage)).isEqualTo(statuses(fromCli));
        // The agency sent twice is counted once, from the same file through both: the newer (the page
        // sends each file's own time), never by the order of the names; the other names the cells that differ.
        assertThat(statuses(fromCli)).containsEntry("收到的报表/第一批/上杭县人民政府办公室.xlsx", "duplicate")
                .containsEntry("收到的报表/邮件附件/上杭县人民政府办公室(修改版).xlsx", "merged")
                .containsEntry("收到的报表/旧表样局.xlsx", "other_layout");
        // The workbook without an ending is read (its random numbers need not balance), never unreadable.
        assertThat(statuses(fromCli).get("收到的报表/某某县统计局")).isIn("merged", "rejected");
        assertThat(statuses(fromCli).get("收到的报表/libreoffice.ods")).isNotIn("merged", "unreadable");
        JsonNode newer = null;
        for (JsonNode f : fromCli.get("findings")) {
            if (f.get("rule").asText().equals("M-NEWER") && f.get("file").asText().endsWith("第一批/上杭县人民政府办公室.xlsx")) {
                newer = f;
            }
        }
        assertThat(newer).as("M-NEWER on the file not counted").isNotNull();
        assertThat(newer.get("severity").asText()).isEqualTo("warning");
        assertThat(newer.get("message").asText()).contains("上杭县人民政府办公室(修改版).xlsx").contains("1 个单元格不同")
                .contains(layout.cells().stream().filter(c -> c.table().equals("二")).findFirst().orElseThrow().displayLabel());
        assertThat(fromCli.get("skipped").findValuesAsText("file")).containsExactlyInAnyOrder("收到的报表/名单.csv", "收到的报表/图.png");
        assertThat(fromPage.get("inputs").findValuesAsText("file")).contains("收到的报表/某某县统计局", "收到的报表/libreoffice.ods");
        // The page shows every skipped file with its reason.
        assertThat(body.get("messages").asText()).contains("名单.csv").contains("图.png");

        // The summary workbooks hold the same numbers.
        Path pageSummary = Files.write(dir.resolve("page.xlsx"), page.download(body.get("summary").asText()));
        CheckResult a = new CheckRunner(layout, null, null).run(cliSummary);
        CheckResult b = new CheckRunner(layout, null, null).run(pageSummary);
        assertThat(b.values()).isEqualTo(a.values());
        assertThat(b.contains()).isEqualTo(a.contains());
    }

    @Test
    void aCheckFromTheCommandLineAndFromThePageIsTheSame() throws Exception {
        Path in = returns();
        Cli.Result cli = Cli.run("check", "--format", "json", in.toString());
        JsonNode fromCli = json.readTree(cli.out().replace(dir + "/", ""));
        HttpResponse<String> answer = post("/api/check", in);
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, JsonNode> pageResults = new TreeMap<>();
        List<String> pageSkipped = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            JsonNode n = json.readTree(line);
            if (n.has("result")) {
                JsonNode r = n.get("result").deepCopy();
                ((ObjectNode) r).retain("file", "layout", "agency", "year", "values", "findings");
                pageResults.put(r.get("file").asText(), r);
            } else if (n.has("skipped")) {
                pageSkipped.add(n.get("skipped").get("file").asText());
            }
        }
        Map<String, JsonNode> cliResults = new TreeMap<>();
        fromCli.forEach(r -> cliResults.put(r.get("file").asText(), r));
        assertThat(pageResults.keySet()).isEqualTo(cliResults.keySet());
        for (String file : cliResults.keySet()) {
            for (String field : List.of("layout", "agency", "year", "findings", "values")) {
                assertThat(plain(pageResults.get(file).get(field))).as(file + " " + field)
                        .isEqualTo(plain(cliResults.get(file).get(field)));
            }
        }
        assertThat(pageSkipped).containsExactlyInAnyOrder("收到的报表/名单.csv", "收到的报表/图.png");
        // Every file sent gets its line: a result or a skip.
        try (Stream<Path> all = Files.walk(in)) {
            assertThat(pageResults.size() + pageSkipped.size()).isEqualTo((int) all.filter(Files::isRegularFile).count());
        }
        assertThat(cliResults.get("收到的报表/libreoffice.ods").get("findings").findValuesAsText("rule")).contains("VAL-NUM");
        // The page offers the .ods's annotated copy as an .xlsx (the command line writes it with --annotate).
        for (String line : answer.body().split("\n")) {
            JsonNode n = json.readTree(line);
            if (n.has("result") && n.get("result").get("file").asText().endsWith("libreoffice.ods")) {
                assertThat(n.get("result").get("annotated").asText()).startsWith("/api/download/");
            }
        }
        // The 2019 form for 2024 is not passed by check and then refused by merge: check says why.
        assertThat(cliResults.get("收到的报表/旧表样局.xlsx").get("findings").findValuesAsText("rule")).contains("ID-LAYOUT");
        // The file without an ending is read as the workbook it is.
        assertThat(cliResults.get("收到的报表/某某县统计局").get("layout").asText()).isEqualTo("2021");
    }

    /** {@code folder}'s files posted as the page sends a picked folder: each under its path in it. */
    private HttpResponse<String> post(String path, Path folder) throws Exception {
        return page.post(path, new Multipart().folder("files", folder));
    }

    /** A JSON tree with every number as its plain decimal text (20 and 20.0 are one number written two ways). */
    private static String plain(JsonNode n) {
        if (n == null) {
            return "null";
        }
        if (n.isNumber()) {
            return n.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (n.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            n.fields().forEachRemaining(e -> sb.append(e.getKey()).append('=').append(plain(e.getValue())).append(','));
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            n.forEach(e -> sb.append(plain(e)).append(','));
            return sb.append(']').toString();
        }
        return n.toString();
    }

    private static Map<String, String> statuses(JsonNode merge) {
        Map<String, String> out = new TreeMap<>();
        merge.get("inputs").forEach(i -> out.put(i.get("file").asText(), i.get("status").asText()));
        return out;
    }

}
