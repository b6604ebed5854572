package io.xxgk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.i18n.Messages;
import io.xxgk.merge.RosterLine;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Multipart;
import io.xxgk.testing.Reports;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The web page's safety at the HTTP level: the secret, the host, sizes, paths, hostile uploads. */
class WebServerTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Served page = new Served();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebServer server;
    private String token;

    @BeforeEach
    void served() {
        server = page.server();
        token = page.token();
    }

    private String base() {
        return page.base();
    }

    private HttpResponse<String> post(String path, List<Path> files, List<String> names, String token) throws Exception {
        Multipart body = new Multipart().files("files", files, names);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", body.contentType())
                .POST(body.publisher());
        if (token != null) {
            b.header(WebServer.TOKEN_HEADER, token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A check's answer: JSON lines, the count first, then one result per file as it is checked, then
     * the downloads. Gathered as {total, results[], done}.
     */
    static JsonNode streamed(String body) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode out = m.createObjectNode();
        ArrayNode results = out.putArray("results");
        for (String line : body.split("\n")) {
            JsonNode n = m.readTree(line);
            if (n.has("total")) {
                out.set("total", n.get("total"));
            } else if (n.has("result")) {
                results.add(n.get("result"));
            } else if (n.has("done")) {
                out.set("done", n);
            }
        }
        assertThat(out.has("done")).as("the answer ends with its downloads").isTrue();
        return out;
    }

    /**
     * Requests run side by side now (no lock): merges in two languages at once each get their own
     * summary and their own language (the ids of downloads were made of counts two requests could read alike).
     */
    @Test
    void twoMergesAtOnceEachGetTheirOwnSummaryAndLanguage() throws Exception {
        List<Path> one = List.of(Path.of("examples/2023/上杭县人民政府办公室.xlsx"));
        List<Path> three = List.of(Path.of("examples/2023/上杭县人民政府办公室.xlsx"),
                Path.of("examples/2023/泉州市鲤城区人民政府.xlsx"), Path.of("examples/2023/福州市长乐区人民政府办公室.xlsx"));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                var a = two.submit(() -> post("/api/merge?lang=en", one, List.of("a.xlsx"), token));
                var b = two.submit(() -> post("/api/merge?lang=zh", three, List.of("a.xlsx", "b.xlsx", "c.xlsx"), token));
                JsonNode ja = new ObjectMapper().readTree(a.get().body());
                JsonNode jb = new ObjectMapper().readTree(b.get().body());
                assertThat(ja.get("result").get("units").asInt()).isEqualTo(1);
                assertThat(jb.get("result").get("units").asInt()).isEqualTo(3);
                assertThat(ja.get("messages").asText()).contains("merged 1 of 1 file,").doesNotContain("-o").doesNotContain("已汇总");
                assertThat(jb.get("messages").asText()).contains("已汇总 3/3 个文件").doesNotContain("merged");
                assertThat(ja.get("summary").asText()).isNotEqualTo(jb.get("summary").asText());
                HttpResponse<byte[]> da = http.send(HttpRequest.newBuilder(URI.create(base() + ja.get("summary").asText())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                HttpResponse<byte[]> db = http.send(HttpRequest.newBuilder(URI.create(base() + jb.get("summary").asText())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(da.body()).isNotEqualTo(db.body());
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** The page's messages advise what the page can do, not command-line options (--agency / --year). */
    @Test
    void thePageAdvisesWhatThePageCanDoNotCommandLineOptions() throws Exception {
        Layout layout = Layouts.defaultLayout();
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 9L));
        layout.formulas().keySet().forEach(v::remove);
        Path nameless = dir.resolve("无名.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.YEAR, "2023"), v, nameless, false);
        JsonNode result = streamed(post("/api/check", List.of(nameless), List.of("无名.xlsx"), token).body())
                .get("results").get(0);
        assertThat(result.get("findings").findValuesAsText("rule")).contains("ID-REQUIRED");
        assertThat(result.toString()).doesNotContain("--agency").contains("请在报表中填写");
        // The command line keeps its own advice.
        assertThat(Cli.run("check", nameless.toString()).out()).contains("--agency");
    }

    /** A dataset of reports dropped on the page is read record by record, each shown as the command line shows it. */
    @Test
    void aDatasetOfReportsIsCheckedRecordByRecordOnThePage() throws Exception {
        String record = Files.readString(Path.of("src/test/resources/seeds/crawler/河北省工业和信息化厅-2023-爬虫记录.csv")).strip();
        String seed = Files.readString(Path.of("src/test/resources/seeds/002.txt")).replace("\"", "\"\"");
        Path data = dir.resolve("upload.csv");
        Files.writeString(data, record + "\r\n上杭县人民政府办公室2023年政府信息公开工作年度报告,2024-01-20,\"" + seed + "\",x,y,z\r\n");
        JsonNode results = streamed(post("/api/check", List.of(data), List.of("年报数据集.csv"), token).body()).get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("file").asText()).isEqualTo("年报数据集.csv 第 1 条（河北省工业和信息化厅2023年度政府信息公开工作报告）");
        assertThat(results.get(1).get("file").asText()).isEqualTo("年报数据集.csv 第 2 条（上杭县人民政府办公室2023年政府信息公开工作年度报告）");
        assertThat(results.get(0).get("values").get("active.normative.in_force").asInt()).isEqualTo(26);
    }

    /** A browser's name for a file is shown with its folders, never used as a path. */
    @Test
    void aNameGivenTwiceInAFieldIsShownApart() {
        Set<String> taken = new HashSet<>();
        assertThat(WebServer.unique("第一批/报表.xlsx", taken)).isEqualTo("第一批/报表.xlsx");
        assertThat(WebServer.unique("第一批/报表.xlsx", taken)).isEqualTo("第一批/报表（2）.xlsx");
        assertThat(WebServer.unique("第一批/报表.xlsx", taken)).isEqualTo("第一批/报表（3）.xlsx");
        assertThat(WebServer.unique("a.b/README", taken)).isEqualTo("a.b/README");
        assertThat(WebServer.unique("a.b/README", taken)).isEqualTo("a.b/README（2）");
    }

    @Test
    void namesGivenAreShownWithTheirFoldersAndNeverAsPaths() {
        assertThat(WebServer.shown("第一批/某局.xlsx")).isEqualTo("第一批/某局.xlsx");
        assertThat(WebServer.shown("..\\..\\某局.xlsx")).isEqualTo("某局.xlsx");
        assertThat(WebServer.shown("/a/./b//某局.xlsx")).isEqualTo("a/b/某局.xlsx");
        assertThat(WebServer.shown("")).isEqualTo("文件");
        assertThat(WebServer.leaf(WebServer.shown("第一批/某局.xlsx"))).isEqualTo("某局.xlsx");
    }

    @Test
    void withoutTheSecretNothingIsServedOrRun() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("网址不完整");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(base() + "/?t=" + token + "x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(403);
        Path book = Path.of("examples/2023/福州市长乐区财政局.xlsx");
        assertThat(post("/api/check", List.of(book), List.of("a.xlsx"), null).statusCode()).isEqualTo(403);
        assertThat(post("/api/check", List.of(book), List.of("a.xlsx"), "guess").statusCode()).isEqualTo(403);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(server.address())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        // Nothing fetched from elsewhere (the SVG namespace name is a name, not a fetch).
        assertThat(ok.body()).contains("政府信息公开工作年度报告统计表").doesNotContain("https://cdn")
                .doesNotContainPattern("(src|href|url)\\s*[=(]\\s*[\"']?https?://")
                .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg)");
        assertThat(ok.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
    }

    @Test
    void anotherHostNameIsRefused() throws Exception {
        // A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) sends its own Host.
        Socket s = new Socket("127.0.0.1", server.port());
        s.getOutputStream().write(("GET /?t=" + token + " HTTP/1.1\r\nHost: evil.example:" + server.port()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        s.close();
        assertThat(reply).startsWith("HTTP/1.1 403");
    }

    @Test
    void aCheckUsesTheCommandLinesResultsAndOffersTheAnnotatedCopy() throws Exception {
        HttpResponse<String> r = post("/api/check", List.of(Path.of("examples/2023/福州市长乐区财政局.xlsx"),
                Path.of("examples/2023/上杭县人民政府办公室.xlsx")), List.of("财政局.xlsx", "../../上杭县.xlsx"), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = streamed(r.body());
        assertThat(body.get("results")).hasSize(2);
        assertThat(body.get("total").asInt()).isEqualTo(2);
        assertThat(body.get("done").get("json").asText()).startsWith("/api/download/");
        JsonNode bad = body.get("results").get(0);
        assertThat(bad.get("file").asText()).isEqualTo("财政局.xlsx");
        assertThat(bad.get("findings").findValuesAsText("severity")).contains("error");
        // A name with a folder in it is only a name: nothing is written outside the private folder.
        assertThat(body.get("results").get(1).get("file").asText()).isEqualTo("上杭县.xlsx");
        assertThat(dir.resolve("上杭县.xlsx")).doesNotExist();
        HttpResponse<byte[]> copy = http.send(HttpRequest.newBuilder(URI.create(base() + bad.get("annotated").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        assertThat(new String(Arrays.copyOf(copy.body(), 2), StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    void aPathInADownloadIsNoPath() throws Exception {
        for (String p : List.of("/api/download/..%2F..%2Fetc%2Fpasswd", "/api/download/%2Fetc%2Fpasswd", "/api/download/x")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + p + "?t=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(p).isIn(400, 404);
            assertThat(r.body()).doesNotContain("root:");
        }
    }

    @Test
    void aTooLargeFileIsRefusedWithAPlainMessage() throws Exception {
        Path big = dir.resolve("big.xlsx");
        byte[] mb = new byte[1 << 20];
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i <= WebServer.MAX_FILE_MB; i++) {
                out.write(mb);
            }
        }
        HttpResponse<String> r = post("/api/check", List.of(big), List.of("big.xlsx"), token);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("不能超过 " + WebServer.MAX_FILE_MB + " MB");
    }

    @Test
    void aZipBombAmongTheUploadsIsOneUnreadableFileAndTheServerGoesOn() throws Exception {
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        HttpResponse<String> r = post("/api/check", List.of(bomb, Path.of("examples/2023/上杭县人民政府办公室.xlsx")),
                List.of("bomb.xlsx", "上杭县.xlsx"), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = streamed(r.body()).get("results");
        assertThat(results.get(0).get("layout").isNull()).isTrue();
        assertThat(results.get(0).get("findings").get(0).get("message").asText()).contains("无法读取");
        assertThat(results.get(1).get("findings").findValuesAsText("severity")).doesNotContain("error");
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(server.address())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void templatesOneForAnAgencyOrOnePerAgencyOfARosterAsAZip() throws Exception {
        Multipart body = new Multipart().field("year", "2024")
                .files("roster", List.of(Path.of("examples/roster.csv")), List.of("roster.csv"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/template"))
                .header("Content-Type", body.contentType()).header(WebServer.TOKEN_HEADER, token)
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String link = new ObjectMapper().readTree(r.body()).get("template").asText();
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create(base() + link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<String> names = new ArrayList<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).hasSize(6).anyMatch(n -> n.contains("福州市长乐区教育局"));
    }

    @Test
    void aDropOfTwoThousandWorkbooksIsCheckedAndMoreThanTheLimitIsRefused() throws Exception {
        Path book = Path.of("examples/2023/上杭县人民政府办公室.xlsx");
        List<Path> files = Collections.nCopies(2000, book);
        List<String> names = IntStream.range(0, 2000).mapToObj(i -> "单位" + i + ".xlsx").toList();
        HttpResponse<String> r = post("/api/check", files, names, token);
        assertThat(r.statusCode()).as(r.body().substring(0, Math.min(300, r.body().length()))).isEqualTo(200);
        JsonNode results = streamed(r.body()).get("results");
        assertThat(results).hasSize(2000);
        assertThat(results.get(1999).get("file").asText()).isEqualTo("单位1999.xlsx");
        Path tiny = dir.resolve("tiny.txt");
        Files.writeString(tiny, "x");
        int over = WebServer.MAX_FILES + 1;
        HttpResponse<String> tooMany = post("/api/check", Collections.nCopies(over, tiny),
                IntStream.range(0, over).mapToObj(i -> i + ".txt").toList(), token);
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("一次最多上传 " + WebServer.MAX_FILES + " 个文件");
    }

    @Test
    void aMergeWithARosterAndASummaryToCompareWith() throws Exception {
        Path expected = dir.resolve("上杭县汇总.xlsx");
        assertThat(Cli.run("merge", "examples/2023/上杭县人民政府办公室.xlsx", "-o", expected.toString()).code())
                .isIn(0, 1);
        Multipart body = new Multipart();
        try (var list = Files.list(Path.of("examples/2023"))) {
            List<Path> files = list.sorted().toList();
            body.files("files", files, files.stream().map(f -> f.getFileName().toString()).toList());
        }
        body.files("roster", List.of(Path.of("examples/roster.csv")), List.of("roster.csv"));
        body.files("expect", List.of(expected), List.of(expected.getFileName().toString()));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/merge"))
                .header("Content-Type", body.contentType()).header(WebServer.TOKEN_HEADER, token)
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = new ObjectMapper().readTree(r.body()).get("result");
        assertThat(result.get("units").asInt()).isEqualTo(4);
        assertThat(result.get("roster").findValuesAsText("status")).contains("missing");
        // Shown to the user in the page's language (they were ids, "missing", in English).
        assertThat(result.get("roster").findValuesAsText("label")).contains("未报送", "已报送");
        for (RosterLine.Status st : RosterLine.Status.values()) {
            assertThat(Messages.bundle(Messages.CHINESE).getString("rosterStatus." + st.id())).isEqualTo(st.label());
            assertThat(Messages.bundle(Locale.ENGLISH).getString("rosterStatus." + st.id())).isNotBlank();
        }
        // The summary given to compare with holds one agency only: the cells differ (M-SUM).
        assertThat(result.get("findings").findValuesAsText("rule")).contains("M-SUM");
        assertThat(new ObjectMapper().readTree(r.body()).get("summary").asText()).startsWith("/api/download/");
    }

    /**
     * Earlier years on the page as on the command line: last year's folder and one more year before it
     * (``earlier0``) give the same three years' trend as {@code merge --previous 2022 --previous 2021}.
     */
    @Test
    void earlierYearsGiveTheSameTrendAsTheCommandLine() throws Exception {
        Path y2021 = Reports.twoAgencies(dir.resolve("2021"), "2021");
        Multipart body = new Multipart();
        for (String[] field : new String[][] {{"files", "examples/2023"}, {"previous", "examples/2022"},
            {"earlier0", y2021.toString()}}) {
            try (var list = Files.list(Path.of(field[1]))) {
                List<Path> files = list.sorted().toList();
                body.files(field[0], files, files.stream().map(f -> f.getFileName().toString()).toList());
            }
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/merge"))
                .header("Content-Type", body.contentType()).header(WebServer.TOKEN_HEADER, token)
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode page = new ObjectMapper().readTree(r.body()).get("result").get("analysis").get("trend");
        Cli.Result cli = Cli.run("merge", "examples/2023", "--previous", "examples/2022", "--previous", y2021.toString(),
                "--format", "json");
        JsonNode line = new ObjectMapper().readTree(cli.out()).get("analysis").get("trend");
        assertThat(page.findValuesAsText("year")).containsExactly("2021", "2022", "2023");
        assertThat(page).isEqualTo(line);
    }

    /**
     * A check with last year's reports on the page, as {@code check --previous}: the same rules file by file
     * (鲤城区's Y-CARRY, 丰泽区's Y-STOCK, 上杭县's Y-NONE), last year's file named as the user gave it.
     */
    @Test
    void aCheckWithLastYearGivesTheCommandLinesCrossYearFindings() throws Exception {
        Multipart body = new Multipart();
        for (String[] field : new String[][] {{"files", "examples/2023"}, {"previous", "examples/2022"}}) {
            try (var list = Files.list(Path.of(field[1]))) {
                List<Path> files = list.sorted().toList();
                body.files(field[0], files, files.stream().map(f -> "2022".equals(f.getParent().getFileName().toString())
                        ? "上年/" + f.getFileName() : f.getFileName().toString()).toList());
            }
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/check"))
                .header("Content-Type", body.contentType()).header(WebServer.TOKEN_HEADER, token)
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode page = streamed(r.body()).get("results");
        JsonNode cli = new ObjectMapper().readTree(Cli.run("check", "examples/2023", "--previous", "examples/2022",
                "--format", "json").out());
        assertThat(page).hasSize(cli.size());
        for (int i = 0; i < cli.size(); i++) {
            assertThat(page.get(i).get("findings").findValuesAsText("rule")).as(cli.get(i).get("file").asText())
                    .isEqualTo(cli.get(i).get("findings").findValuesAsText("rule"));
        }
        String carry = null;
        for (JsonNode f : page.findValues("findings")) {
            for (JsonNode x : f) {
                if (x.get("rule").asText().equals("Y-CARRY")) {
                    carry = x.get("message").asText();
                }
            }
        }
        assertThat(carry).contains("上年/泉州市鲤城区人民政府.xlsx").doesNotContain(dir.toString());
    }

    /**
     * Two agencies' files dropped under the same name (two folders' 报表.xlsx picked one by one): each agency's row
     * of 各单位指标 has its own figures (they were joined by the shown name: one agency's under the other's).
     */
    @Test
    void agenciesSentUnderOneNameKeepTheirOwnFigures() throws Exception {
        List<Path> two = List.of(Path.of("examples/2023/泉州市鲤城区人民政府.xlsx"), Path.of("examples/2023/泉州市丰泽区人民政府办公室.xlsx"));
        HttpResponse<String> r = post("/api/merge", two, List.of("报表.xlsx", "报表.xlsx"), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(r.body());
        HttpResponse<byte[]> summary = http.send(HttpRequest.newBuilder(URI.create(base() + body.get("summary").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new ByteArrayInputStream(summary.body()))) {
            var list = wb.getSheet("各单位指标");
            Map<String, double[]> rows = new HashMap<>();
            for (int i = 1; i <= list.getLastRowNum(); i++) {
                var row = list.getRow(i);
                // 办结, then 新收申请 (column H): each agency's own.
                rows.put(row.getCell(1).getStringCellValue(), new double[] {row.getCell(2).getNumericCellValue(),
                    row.getCell(7).getNumericCellValue()});
            }
            assertThat(rows.get("泉州市鲤城区人民政府")).containsExactly(73, 91);
            // …and the second is shown apart from the first.
            assertThat(body.get("result").get("inputs").findValuesAsText("file")).containsExactlyInAnyOrder("报表.xlsx", "报表（2）.xlsx");
            JsonNode fengze = new ObjectMapper().readTree(Cli.run("check", two.get(1).toString(), "--format", "json").out())
                    .get(0).get("values");
            assertThat(rows.get("泉州市丰泽区人民政府办公室")).containsExactly(fengze.get("requests.total.total").asDouble(),
                    fengze.get("requests.new.total").asDouble());
        }
    }
}
