package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.ReturnList;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Season;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator's season, end to end on the command line ({@link Season}): merged with the roster, last
 * year's reports and the copies to send back. Every agency's status, the file counted, the totals,
 * 问题清单, 跨年核对 and 退回清单; then the coordinator overrules the newer file through the roster.
 */
class SeasonTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    static Map<String, String> statuses(JsonNode merge) {
        Map<String, String> out = new TreeMap<>();
        merge.get("inputs").forEach(i -> out.put(Path.of(i.get("file").asText()).getFileName().toString(),
                i.get("status").asText()));
        return out;
    }

    static Map<String, String> rosterLines(JsonNode merge) {
        Map<String, String> out = new TreeMap<>();
        merge.get("roster").forEach(l -> out.put(l.get("agency").asText(), l.get("status").asText()));
        return out;
    }

    @Test
    void theLoopFromTemplatesToTheSummary() throws Exception {
        Season s = Season.play(dir);
        Path summary = dir.resolve("汇总.xlsx");
        Cli.Result merge = Cli.run("merge", s.back().toString(), "--roster", s.roster().toString(), "--previous",
                s.lastYear().toString(), "-o", summary.toString(), "--annotate", dir.resolve("退回2").toString(),
                "--format", "json");
        // 戊局's carry-in is an error of the summary (Y-CARRY): exit 1, 戊局 still counted.
        assertThat(merge.code()).as(merge.err()).isEqualTo(1);
        JsonNode r = json.readTree(merge.out().replace(dir + "/", ""));
        assertThat(statuses(r)).containsExactlyInAnyOrderEntriesOf(Map.of("甲局.xlsx", "duplicate", "甲局(修改).xlsx", "merged",
                "乙局-改.xlsx", "merged", "丙局-问题标注.xlsx", "returned_unchanged", "戊局.xlsx", "merged",
                Season.OPENPYXL_FIX.getFileName().toString(), "merged"));
        assertThat(rosterLines(r)).containsExactlyInAnyOrderEntriesOf(Map.of("甲局", "submitted", "乙局", "submitted",
                "丙局", "returned_unchanged", "丁局", "missing", "戊局", "submitted", "福州市长乐区财政局", "submitted"));
        JsonNode newer = first(r, "M-NEWER");
        assertThat(newer.get("message").asText()).contains("2 个单元格不同").contains("甲局(修改).xlsx");
        assertThat(newer.get("agency").asText()).isEqualTo("甲局");
        for (JsonNode i : r.get("inputs")) {
            if (i.get("file").asText().endsWith("甲局.xlsx")) {
                assertThat(i.get("counted_instead").asText()).endsWith("甲局(修改).xlsx");
            }
        }

        // Last year: each agency counted is paired with its own report (财政局 had none); only 戊局's carry-in is off.
        Map<String, List<String>> crossYear = new TreeMap<>();
        r.get("cross_year").forEach(l -> {
            String agency = l.get("agency").asText();
            assertThat(l.get("last_year_file").asText(null)).as(l.toString())
                    .isEqualTo(agency.equals("福州市长乐区财政局") ? null : "上年/" + agency + ".xlsx");
            List<String> rules = new ArrayList<>();
            l.get("rules").forEach(x -> rules.add(x.asText()));
            crossYear.put(l.get("agency").asText(), rules);
        });
        assertThat(crossYear.keySet()).containsExactlyInAnyOrder("甲局", "乙局", "戊局", "福州市长乐区财政局");
        assertThat(crossYear.get("福州市长乐区财政局")).containsExactly("Y-NONE");
        assertThat(crossYear.get("戊局")).contains("Y-CARRY");
        assertThat(crossYear.get("甲局")).doesNotContain("Y-CARRY");
        assertThat(crossYear.get("乙局")).doesNotContain("Y-CARRY");
        // The stocks in force roll forward from last year in every file: no Y-STOCK.
        assertThat(r.get("findings").findValuesAsText("rule")).doesNotContain("Y-STOCK");
        JsonNode carry = first(r, "Y-CARRY");
        assertThat(carry.get("agency").asText()).isEqualTo("戊局");
        assertThat(carry.get("key").asText()).isEqualTo("requests.carried_in.legal");

        // The totals: 甲局's newer file, 乙局's and 财政局's fixed copies and 戊局, nothing of 丙局's.
        CheckRunner runner = new CheckRunner(Season.LAYOUT, null, null);
        CheckResult counted = runner.run(summary);
        List<CheckResult> parts = List.of(runner.run(s.jiaNew()), runner.run(s.yiBack()), runner.run(s.back().resolve("戊局.xlsx")),
                runner.run(Season.OPENPYXL_FIX));
        for (String key : new String[] {"active.license", "appeals.review.upheld", "requests.new.natural",
                "requests.carried_in.legal"}) {
            BigDecimal sum = parts.stream().map(p -> p.values().get(key)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(counted.values().get(key)).as(key).isEqualByComparingTo(sum);
        }
        assertThat(parts.get(0).values().get("active.license")).isEqualByComparingTo("777");

        // 问题清单: every row names its agency, the Y-CARRY row 戊局; 跨年核对 has a line per agency counted.
        try (Workbook wb = WorkbookFactory.create(summary.toFile(), null, true)) {
            Sheet issues = wb.getSheet("问题清单");
            boolean carryRow = false;
            for (int i = 1; i <= issues.getLastRowNum(); i++) {
                String agency = issues.getRow(i).getCell(0).getStringCellValue();
                assertThat(agency).as("row %d", i + 1).isNotBlank();
                for (var c : issues.getRow(i)) {
                    if (c.toString().equals("Y-CARRY")) {
                        carryRow = true;
                        assertThat(agency).isEqualTo("戊局");
                    }
                }
            }
            assertThat(carryRow).as("a Y-CARRY row in 问题清单").isTrue();
            assertThat(wb.getSheet("跨年核对")).isNotNull();
        }
        // 退回清单: 丙局, still to fix, with its first problem; not 乙局, whose fixed copy counted.
        try (Workbook wb = WorkbookFactory.create(dir.resolve("退回2").resolve(ReturnList.FILE).toFile(), null, true)) {
            Sheet list = wb.getSheetAt(0);
            Map<String, String> toFix = new TreeMap<>();
            for (int i = 1; i <= list.getLastRowNum(); i++) {
                toFix.put(list.getRow(i).getCell(0).getStringCellValue(), list.getRow(i).getCell(2).getStringCellValue()
                        + " " + list.getRow(i).getCell(3).getStringCellValue());
            }
            assertThat(toFix.get("丙局")).startsWith("退回后未改正，未汇总").contains("五");
            // 戊局 is counted, but its carry-in against last year is an error it must fix: it is sent back too.
            assertThat(toFix.get("戊局")).startsWith("已汇总").contains("上年结转").contains("相差 1");
            assertThat(toFix).doesNotContainKey("乙局").doesNotContainKey("福州市长乐区财政局");
        }

        // 戊局's copy marks the carry-in cell and lists the Y-CARRY in its 问题清单.
        CheckResult wuCopy = runner.run(dir.resolve("退回2/戊局-问题标注.xlsx"));
        try (Workbook wb = WorkbookFactory.create(dir.resolve("退回2/戊局-问题标注.xlsx").toFile(), null, true)) {
            String cell = wuCopy.location("requests.carried_in.legal");
            Sheet sheet = wb.getSheet(cell.substring(0, cell.indexOf('!')));
            CellReference ref = new CellReference(cell.substring(cell.indexOf('!') + 1));
            assertThat(sheet.getRow(ref.getRow()).getCell(ref.getCol()).getCellComment().getString().getString())
                    .contains("Y-CARRY");
        }

        // The coordinator overrules: the roster's 采用文件 names 甲局's first file, which then counts.
        Path picking = Files.writeString(dir.resolve("名单-采用.csv"),
                Files.readString(s.roster()).replace("甲局,", "甲局,第二轮/甲局.xlsx"));
        JsonNode picked = json.readTree(Cli.run("merge", s.back().toString(), "--roster", picking.toString(),
                "--format", "json").out());
        assertThat(statuses(picked)).containsEntry("甲局.xlsx", "merged").containsEntry("甲局(修改).xlsx", "duplicate");
        assertThat(first(picked, "M-NEWER").get("message").asText()).contains("指定");
        // A file name the merge does not have is said, never silently ignored.
        Path wrong = Files.writeString(dir.resolve("名单-错.csv"),
                Files.readString(s.roster()).replace("甲局,", "甲局,甲局(第三版).xlsx"));
        Cli.Result w = Cli.run("merge", s.back().toString(), "--roster", wrong.toString(), "--format", "json");
        assertThat(w.err()).contains("第 2 行").contains("甲局(第三版).xlsx").contains("未起作用");
        assertThat(statuses(json.readTree(w.out()))).containsEntry("甲局(修改).xlsx", "merged");
    }

    static JsonNode first(JsonNode merge, String rule) {
        for (JsonNode f : merge.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " in " + merge.get("findings"));
    }
}
