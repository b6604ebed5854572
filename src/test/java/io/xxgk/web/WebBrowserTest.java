package io.xxgk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.i18n.Messages;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Chromium;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import io.xxgk.testing.Workbooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (headless Chromium), on the bundled examples, as a coordinator uses it:
 * drop the workbooks, read the result lines, open a file's findings, merge with the roster and read
 * the downloaded summary back, switch to English. Screenshots go to target/web-screenshots.
 */
class WebBrowserTest {

    static final Path SHOTS = Path.of("target/web-screenshots");

    @TempDir
    Path dir;

    private static String files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".xlsx")).sorted()
                    .map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining("\n"));
        }
    }

    /** The merge view's row of {@code agency}. */
    private static WebElement agencyRow(ChromeDriver d, String agency) {
        return d.findElements(By.cssSelector("#merge-results tbody tr:not(.details)")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals(agency)).findFirst().orElseThrow();
    }

    private static void shot(ChromeDriver d, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.copy(d.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void pick(ChromeDriver d, String id, String paths) {
        WebElement input = d.findElement(By.id(id));
        d.executeScript("arguments[0].style.display='block'", input);
        input.sendKeys(paths);
        // Hidden again, as the page has it (a row cloned from it, the screenshots).
        d.executeScript("arguments[0].style.display=''", input);
    }

    /**
     * A coordinator picks the folder the submissions came in (subfolders, a Mac zip's __MACOSX, a USB
     * drive's recycle bin holding a deleted copy): every report in it and its subfolders is merged,
     * the system folders are not sent.
     */
    @Test
    void aFolderOfSubmissionsIsMergedWithItsSubfoldersAndWithoutSystemFolders() throws Exception {
        Path in = Files.createDirectories(dir.resolve("收到的报表"));
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples/2023"))) {
            examples = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        Files.createDirectories(in.resolve("第二批"));
        for (int i = 0; i < examples.size(); i++) {
            Path name = examples.get(i).getFileName();
            Files.copy(examples.get(i), i == 0 ? in.resolve("第二批").resolve(name) : in.resolve(name));
        }
        // 上杭县 sent again, newer, one count changed: one row for the agency, both files under it.
        Path resent = Files.createDirectories(in.resolve("邮件附件")).resolve("上杭县人民政府办公室(修改版).xlsx");
        Workbooks.edited(Files.copy(Path.of("examples/2023/上杭县人民政府办公室.xlsx"), resent),
                wb -> Sheets.named(wb, "active.license").setCellValue(Sheets.named(wb, "active.license").getNumericCellValue() + 5));
        Path original = in.resolve("第二批/上杭县人民政府办公室.xlsx"); // the first of the sorted examples
        Files.setLastModifiedTime(original, FileTime.from(Instant.parse("2024-01-10T08:00:00Z")));
        Files.setLastModifiedTime(resent, FileTime.from(Instant.parse("2024-01-12T08:00:00Z")));
        Files.createDirectories(in.resolve("$RECYCLE.BIN"));
        Files.copy(examples.get(1), in.resolve("$RECYCLE.BIN/$R0A1B2C.xlsx"));
        // A file that is no report: sent, not read, and listed with the reason.
        Files.writeString(in.resolve("名单.csv"), "单位名称\n甲\n");
        Files.createDirectories(in.resolve("__MACOSX"));
        Files.write(in.resolve("__MACOSX/._" + examples.get(1).getFileName()), new byte[] {0, 5, 22, 7});
        WebServer server = WebServer.start(0, dir.resolve("work"), Messages.CHINESE);
        ChromeDriver d = Chromium.start(dir.resolve("profile"));
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(120));
            d.get(server.address());
            d.findElement(By.cssSelector("nav button[data-tab=merge]")).click();
            assertThat(d.findElement(By.cssSelector("#merge .folder")).getText()).isEqualTo("或者选择一个文件夹（连同其中的子文件夹）");
            // A folder dragged in arrives as one entry, walked here: entries come in batches (Chromium
            // gives 100 at a time), subfolders are walked, system folders skipped.
            String dropped = (String) d.executeScript(String.join("\n",
                    "function file(path) { var n = path.split('/').pop();",
                    "  return {isFile: true, isDirectory: false, name: n, fullPath: path, file: function (ok) { ok(new File(['x'], n)); }}; }",
                    "function folder(path, batches) { return {isFile: false, isDirectory: true, name: path.split('/').pop(), fullPath: path,",
                    "  createReader: function () { var i = 0; return {readEntries: function (ok) { ok(batches[i++] || []); }}; }}; }",
                    "var root = folder('/收到的报表', [[file('/收到的报表/甲.xlsx'), folder('/收到的报表/第二批', [[file('/收到的报表/第二批/乙.xlsx')]])],",
                    "  [file('/收到的报表/丙.xlsx'), folder('/收到的报表/$RECYCLE.BIN', [[file('/收到的报表/$RECYCLE.BIN/$R1.xlsx')]]),",
                    "   folder('/收到的报表/__MACOSX', [[file('/收到的报表/__MACOSX/._甲.xlsx')]])]]);",
                    "var e = new Event('drop', {cancelable: true});",
                    "Object.defineProperty(e, 'dataTransfer', {value: {items: [{webkitGetAsEntry: function () { return root; }}], files: []}});",
                    "document.querySelector('#merge .drop').dispatchEvent(e);",
                    "return 'sent';"));
            assertThat(dropped).isEqualTo("sent");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#merge .drop span"), "已选择 3 个文件"));
            pick(d, "merge-folder", in.toAbsolutePath().toString());
            assertThat(d.findElement(By.cssSelector("#merge .drop span")).getText()).isEqualTo("已选择 7 个文件");
            // Last year's reports chosen as a folder too: the cross-year checks run.
            pick(d, "merge-previous-folder", Path.of("examples/2022").toAbsolutePath().toString());
            assertThat(d.findElement(By.cssSelector("#merge .field .picked")).getText()).isEqualTo("已选择 3 个文件");
            // And the year before, a folder of its own (as --previous given again); a row added and left empty is no year.
            Path y2021 = Reports.twoAgencies(dir.resolve("2021"), "2021");
            pick(d, "merge-earlier-0-folder", y2021.toAbsolutePath().toString());
            d.findElement(By.id("merge-earlier-add")).click();
            assertThat(d.findElements(By.cssSelector("#merge-earlier .earlier"))).hasSize(2);
            assertThat(d.findElement(By.cssSelector("#merge-earlier .picked")).getText()).isEqualTo("已选择 2 个文件");
            d.findElement(By.id("merge-go")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#merge-downloads a")));
            // One row per agency, its problems under it: the file refused for its errors shows them.
            assertThat(d.findElements(By.cssSelector("#merge-results tbody tr:not(.details)"))).hasSize(5);
            assertThat(agencyRow(d, "福州市长乐区财政局").findElement(By.xpath("following-sibling::tr[1]")).getText())
                    .contains("T3-BAL").contains("统计表!I47");
            assertThat(d.findElement(By.id("merge-status")).getText()).isEqualTo("已汇总 4/6 个文件，共 4 个单位，年度 2023。");
            assertThat(d.findElement(By.id("merge")).getText()).doesNotContain("M-DUP");
            // The counts lead; the long list opens with a click.
            assertThat(d.findElement(By.id("merge-counts")).getText()).isEqualTo("报送 4 份 · 未报送 0 个单位 · 有错误 1 份 · 重复 1 份 · 跳过 1 个文件");
            // The agency sent twice: the newer file counts, the other is offered with 改用此文件.
            WebElement twice = agencyRow(d, "上杭县人民政府办公室");
            assertThat(twice.getText()).contains("收到的报表/邮件附件/上杭县人民政府办公室(修改版).xlsx（已汇总）")
                    .contains("收到的报表/第二批/上杭县人民政府办公室.xlsx（重复，未汇总）");
            assertThat(twice.findElement(By.xpath("following-sibling::tr[1]")).getText()).contains("M-NEWER");
            d.executeScript("arguments[0].scrollIntoView({block: 'start'})", twice);
            shot(d, "merge-twice.png");
            // The analysis behind a click: 公开率 with its definition, last year's beside it (the 2022 folder).
            d.findElement(By.cssSelector("#merge-analysis summary")).click();
            WebElement disclosed = d.findElements(By.cssSelector("#merge-indicators tbody tr")).stream()
                    .filter(row -> row.getText().startsWith("公开率")).findFirst().orElseThrow();
            assertThat(disclosed.getText()).contains("53.2%").contains("（予以公开 + 部分公开）÷ 办结");
            // Year by year: 2021 (its folder), last year (the 2022 folder, all its reports) and this year, earliest first.
            WebElement trend = d.findElement(By.id("merge-trend"));
            assertThat(trend.isDisplayed()).isTrue();
            assertThat(trend.findElement(By.cssSelector("thead")).getText()).contains("2021 2022 2023");
            assertThat(trend.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText))
                    .anyMatch(t -> t.startsWith("公开率") && t.contains("%"));
            // The years' lines (three years: three points each) and the reasons that occurred, as SVG.
            assertThat(d.findElements(By.cssSelector("#chart-trend-counts polyline"))).hasSize(2);
            assertThat(d.findElement(By.cssSelector("#chart-trend-rate polyline")).getAttribute("points").split(" ")).hasSize(3);
            assertThat(d.findElement(By.id("chart-trend-rate")).getText()).contains("2021").contains("60.0%").contains("53.2%");
            assertThat(d.findElement(By.id("chart-reasons")).getText()).contains("无法提供：本机关不掌握相关政府信息").contains("36.7%");
            assertThat(d.findElements(By.cssSelector("#merge-indicators tbody tr")).stream()
                    .filter(row -> row.getText().startsWith("予以公开率")).findFirst().orElseThrow().getText()).contains("36.0%");
            assertThat(d.findElements(By.cssSelector("#merge-ranking tbody tr"))).hasSize(4);
            assertThat(d.findElement(By.cssSelector("#merge-movers tbody")).getText()).contains("泉州市鲤城区人民政府").contains("-53.4");
            // The charts: six results' shares, three agencies ranked (上杭县's base is under 10).
            assertThat(d.findElements(By.cssSelector("#chart-shares rect"))).hasSize(6);
            assertThat(d.findElements(By.cssSelector("#chart-rates rect"))).hasSize(3);
            assertThat(d.findElement(By.id("chart-shares")).getText()).contains("无法提供").contains("37.4%");
            d.executeScript("arguments[0].scrollIntoView({block: 'start'})", d.findElement(By.id("merge-analysis")));
            shot(d, "merge-analysis.png");
            d.executeScript("arguments[0].scrollIntoView({block: 'start'})", d.findElement(By.id("merge-indicators")));
            shot(d, "merge-analysis-table.png");
            d.executeScript("arguments[0].scrollIntoView({block: 'start'})", trend);
            shot(d, "merge-trend.png");
            d.executeScript("arguments[0].scrollIntoView({block: 'start'})", d.findElement(By.id("chart-reasons")));
            shot(d, "merge-charts.png");
            d.findElement(By.cssSelector("#merge-analysis summary")).click();
            twice.findElement(By.cssSelector("button")).click();
            // Merged again with the first file counted, as --pick does on the command line.
            wait.until(ExpectedConditions.stalenessOf(twice));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#merge-downloads a")));
            assertThat(agencyRow(d, "上杭县人民政府办公室").getText()).contains("收到的报表/第二批/上杭县人民政府办公室.xlsx（已汇总）")
                    .contains("收到的报表/邮件附件/上杭县人民政府办公室(修改版).xlsx（重复，未汇总）");
            assertThat(agencyRow(d, "上杭县人民政府办公室").findElement(By.xpath("following-sibling::tr[1]")).getText())
                    .contains("改用此文件");
            d.findElement(By.cssSelector("#merge-more summary")).click();
            assertThat(d.findElement(By.id("merge-findings")).getText()).contains("已跳过：收到的报表/名单.csv（这个 CSV 不是另存为 CSV 的统计表");
            // Last year's files named as given (by their path in the folder picked, as the command line
            // names a folder's files), not by the paths the server saved them under.
            assertThat(d.findElement(By.id("merge-findings")).getText()).contains("Y-CARRY").contains("Y-STOCK")
                    .contains("上年报表 2022/泉州市鲤城区人民政府.xlsx（统计表!I47）").doesNotContain("batch-");
            d.executeScript("window.scrollTo(0, 0)");
            shot(d, "merge-folder.png");
        } finally {
            d.quit();
            server.close();
        }
    }

    @Test
    void aCoordinatorChecksAndMergesTheExamplesFromThePage() throws Exception {
        WebServer server = WebServer.start(0, dir.resolve("work"), Messages.CHINESE);
        ChromeDriver d = Chromium.start(dir.resolve("profile"));
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(120));
            d.get(server.address());
            assertThat(d.getTitle()).isEqualTo("政府信息公开工作年度报告统计表");

            pick(d, "check-files", files(Path.of("examples/2023")));
            // Last year's reports as a folder: the cross-year checks, as check --previous.
            pick(d, "check-previous-folder", Path.of("examples/2022").toAbsolutePath().toString());
            d.findElement(By.id("check-go")).click();
            // Results come line by line as the files are checked; the status says when all are in.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-status"), "已检查 5 个文件。"));
            List<WebElement> rows = d.findElements(By.cssSelector("#check-results tr.file"));
            assertThat(rows).hasSize(5);
            WebElement bad = rows.stream().filter(r -> r.getText().startsWith("福州市长乐区财政局.xlsx")).findFirst().orElseThrow();
            assertThat(bad.findElements(By.tagName("td")).get(1).getText()).isEqualTo("✗ 有错误");
            assertThat(bad.findElement(By.tagName("a")).getText()).isEqualTo("下载");
            bad.click();
            WebElement details = bad.findElement(By.xpath("following-sibling::tr[1]"));
            assertThat(details.isDisplayed()).isTrue();
            assertThat(details.getText()).contains("T3-").contains("统计表!");
            // The file's tables drawn as the official form, the wrong cell marked red with its message.
            WebElement red = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".table-view td.err")));
            assertThat(red.getAttribute("data-key")).isEqualTo("requests.carried_out.natural");
            assertThat(red.getAttribute("title")).contains("一+二 = 7").contains("相差 2");
            // Drawn in the workbook's proportions: the seven number columns of table 三 equally wide
            // (they were as wide as their text), headers broken at a word's end (社会公益 / 组织).
            List<WebElement> row = red.findElements(By.xpath("../td[@data-key]"));
            assertThat(row).hasSize(7);
            int first = row.get(0).getSize().getWidth();
            assertThat(row).allSatisfy(td -> assertThat(Math.abs(td.getSize().getWidth() - first)).isLessThanOrEqualTo(2));
            assertThat(red.findElement(By.xpath("ancestor::table[1]")).getText()).contains("社会公益\n组织");
            d.executeScript("arguments[0].scrollIntoView({block: 'center'})", red);
            shot(d, "table.png");
            // 鲤城区's carry-over differs from last year's (its 2022 report in the folder picked).
            WebElement licheng = rows.stream().filter(r -> r.getText().startsWith("泉州市鲤城区人民政府.xlsx")).findFirst().orElseThrow();
            assertThat(licheng.findElements(By.tagName("td")).get(1).getText()).isEqualTo("✗ 有错误");
            licheng.click();
            assertThat(licheng.findElement(By.xpath("following-sibling::tr[1]")).getText()).contains("Y-CARRY")
                    .contains("2022/泉州市鲤城区人民政府.xlsx");
            d.executeScript("window.scrollTo(0, 0)");
            assertThat(d.findElement(By.id("check-status")).getText()).contains("已检查 5 个文件");
            shot(d, "check.png");

            d.findElement(By.cssSelector("nav button[data-tab=merge]")).click();
            pick(d, "merge-files", files(Path.of("examples/2023")));
            pick(d, "merge-roster", Path.of("examples/roster.csv").toAbsolutePath().toString());
            d.findElement(By.id("merge-go")).click();
            WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#merge-downloads a")));
            assertThat(summary.getText()).isEqualTo("下载汇总表");
            assertThat(d.findElements(By.cssSelector("#merge-results tbody tr:not(.details)"))).hasSize(5);
            // The file refused for its errors shows its errors under its row.
            assertThat(agencyRow(d, "福州市长乐区财政局").findElement(By.xpath("following-sibling::tr[1]")).getText())
                    .contains("T3-BAL").contains("统计表!I47");
            assertThat(d.findElement(By.id("merge-roster-lines")).getText()).contains("福州市长乐区教育局").contains("未报送");
            assertThat(d.findElement(By.id("merge-status")).getText()).isEqualTo("已汇总 4/5 个文件，共 4 个单位，年度 2023。");
            shot(d, "merge.png");

            Path got = dir.resolve("汇总.xlsx");
            HttpResponse<Path> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(summary.getAttribute("href"))).build(),
                    HttpResponse.BodyHandlers.ofFile(got));
            assertThat(r.statusCode()).isEqualTo(200);
            CheckResult read = new CheckRunner(Layouts.defaultLayout(), null, null).run(got);
            JsonNode cli = new ObjectMapper().readTree(Cli.run("merge", "examples/2023", "--format", "json").out());
            assertThat(read.values().get("requests.new.total").intValue()).isEqualTo(cli.get("values").get("requests.new.total").asInt());
            assertThat(read.values().get("active.license").intValue()).isEqualTo(cli.get("values").get("active.license").asInt());

            d.findElement(By.id("switch-lang")).click();
            wait.until(ExpectedConditions.titleIs("Government information disclosure annual report tables"));
            assertThat(d.findElement(By.id("check-go")).getText()).isEqualTo("Check");
            shot(d, "english.png");
        } finally {
            d.quit();
            server.close();
        }
    }
}
