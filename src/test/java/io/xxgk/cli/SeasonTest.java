package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.ReturnList;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.LibreOffice;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import io.xxgk.testing.Workbooks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator's season, end to end: templates from a roster → filled → checked with annotated
 * copies → one copy fixed by POI and saved again by LibreOffice, one sent back unfixed → one agency
 * sends a second, newer file differing in two cells → merge with the roster and the copies to send
 * back. Every agency's status, the file counted, the totals, 问题清单 and 退回清单.
 */
class SeasonTest {

    @TempDir
    Path dir;

    private final Layout layout = Layouts.get("2021");
    private final ObjectMapper json = new ObjectMapper();

    /** The roster's template for {@code agency}, filled with the valid numbers of {@code seed}. */
    private Path fill(Path template, long seed) throws Exception {
        Map<String, BigDecimal> v = Reports.valid(layout, seed);
        return Workbooks.edited(template, wb -> {
            for (CellDef c : layout.cells()) {
                if (!layout.isFormula(c.key()) && v.get(c.key()) != null) {
                    Sheets.named(wb, c.key()).setCellValue(v.get(c.key()).doubleValue());
                }
            }
        });
    }

    @Test
    void theLoopFromTemplatesToTheSummary() throws Exception {
        Path roster = Files.writeString(dir.resolve("名单.csv"), "单位名称\n甲局\n乙局\n丙局\n丁局\n");
        assertThat(Cli.run("template", "--roster", roster.toString(), "--out-dir", dir.resolve("模板").toString(),
                "--year", "2024").code()).isZero();
        Path in = Files.createDirectories(dir.resolve("收件"));
        Path jia = fill(Files.copy(dir.resolve("模板/甲局.xlsx"), in.resolve("甲局.xlsx")), 1);
        Path yi = Workbooks.edited(fill(Files.copy(dir.resolve("模板/乙局.xlsx"), in.resolve("乙局.xlsx")), 2),
                wb -> Sheets.named(wb, "appeals.review.upheld").setCellValue(-1));
        Path bing = Workbooks.edited(fill(Files.copy(dir.resolve("模板/丙局.xlsx"), in.resolve("丙局.xlsx")), 3),
                wb -> Sheets.named(wb, "requests.new.natural").setCellValue("五"));

        // First round: check with the copies to send back.
        Cli.Result first = Cli.run("check", in.toString(), "--annotate", dir.resolve("退回").toString());
        assertThat(first.code()).isEqualTo(1);
        assertThat(dir.resolve("退回/乙局-问题标注.xlsx")).exists();
        assertThat(dir.resolve("退回/丙局-问题标注.xlsx")).exists();
        assertThat(dir.resolve("退回/甲局-问题标注.xlsx")).doesNotExist();

        // Second round: 乙局 fixes its copy (POI) and saves it again in LibreOffice; 丙局 sends its copy
        // back as it was; 甲局 sends a newer file differing in two cells.
        Path back = Files.createDirectories(dir.resolve("第二轮"));
        Path yiFixed = Workbooks.edited(Files.copy(dir.resolve("退回/乙局-问题标注.xlsx"), dir.resolve("乙局-改.xlsx")),
                wb -> Sheets.named(wb, "appeals.review.upheld").setCellValue(2));
        Path yiBack = LibreOffice.convert(yiFixed, "xlsx", back);
        Path bingBack = Files.copy(dir.resolve("退回/丙局-问题标注.xlsx"), back.resolve("丙局-问题标注.xlsx"));
        Files.copy(jia, back.resolve("甲局.xlsx"));
        Path jiaNew = Workbooks.edited(Files.copy(jia, back.resolve("甲局(修改).xlsx")), wb -> {
            Sheets.named(wb, "active.license").setCellValue(777);
            Sheets.named(wb, "active.penalty").setCellValue(888);
        });
        Files.setLastModifiedTime(back.resolve("甲局.xlsx"), FileTime.from(Instant.parse("2025-01-10T08:00:00Z")));
        Files.setLastModifiedTime(jiaNew, FileTime.from(Instant.parse("2025-01-12T08:00:00Z")));

        Path summary = dir.resolve("汇总.xlsx");
        Cli.Result merge = Cli.run("merge", back.toString(), "--roster", roster.toString(), "-o", summary.toString(),
                "--annotate", dir.resolve("退回2").toString(), "--format", "json");
        JsonNode r = json.readTree(merge.out());
        Map<String, String> statuses = new TreeMap<>();
        r.get("inputs").forEach(i -> statuses.put(Path.of(i.get("file").asText()).getFileName().toString(),
                i.get("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("甲局.xlsx", "duplicate", "甲局(修改).xlsx", "merged",
                yiBack.getFileName().toString(), "merged", "丙局-问题标注.xlsx", "returned_unchanged"));
        Map<String, String> rosterLines = new TreeMap<>();
        r.get("roster").forEach(l -> rosterLines.put(l.get("agency").asText(), l.get("status").asText()));
        assertThat(rosterLines).containsExactlyInAnyOrderEntriesOf(Map.of("甲局", "submitted", "乙局", "submitted",
                "丙局", "returned_unchanged", "丁局", "missing"));
        JsonNode newer = r.get("findings").findParents("rule").stream()
                .filter(f -> f.get("rule").asText().equals("M-NEWER")).findFirst().orElseThrow();
        assertThat(newer.get("message").asText()).contains("2 个单元格不同");

        // The totals: 甲局's newer file and 乙局's fixed copy, nothing of 丙局's.
        CheckResult counted = new CheckRunner(layout, null, null).run(summary);
        CheckResult jiaCounted = new CheckRunner(layout, null, null).run(jiaNew);
        CheckResult yiCounted = new CheckRunner(layout, null, null).run(yiBack);
        for (String key : new String[] {"active.license", "appeals.review.upheld", "requests.new.natural"}) {
            assertThat(counted.values().get(key)).as(key)
                    .isEqualByComparingTo(jiaCounted.values().get(key).add(yiCounted.values().get(key)));
        }
        assertThat(counted.values().get("active.license")).isEqualByComparingTo(
                BigDecimal.valueOf(777).add(yiCounted.values().get("active.license")));

        // 问题清单: every row names its agency; 退回清单: 丙局, still to fix, with its first problem.
        try (Workbook wb = WorkbookFactory.create(summary.toFile(), null, true)) {
            Sheet issues = wb.getSheet("问题清单");
            for (int i = 1; i <= issues.getLastRowNum(); i++) {
                assertThat(issues.getRow(i).getCell(0).getStringCellValue()).as("row %d", i + 1).isNotBlank();
            }
        }
        try (Workbook wb = WorkbookFactory.create(dir.resolve("退回2").resolve(ReturnList.FILE).toFile(), null, true)) {
            Sheet list = wb.getSheetAt(0);
            Map<String, String> toFix = new TreeMap<>();
            for (int i = 1; i <= list.getLastRowNum(); i++) {
                toFix.put(list.getRow(i).getCell(0).getStringCellValue(), list.getRow(i).getCell(2).getStringCellValue()
                        + " " + list.getRow(i).getCell(3).getStringCellValue());
            }
            assertThat(toFix.get("丙局")).startsWith("退回后未改正，未汇总").contains("五");
            assertThat(toFix).doesNotContainKey("乙局");
        }
    }
}
