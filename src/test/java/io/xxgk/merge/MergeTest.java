package io.xxgk.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.MergeJson;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded property tests of xxgk merge, through the command line as a coordinator runs it. */
class MergeTest {

    static final long SEED = 4242L;
    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private final Map<Path, Map<String, BigDecimal>> written = new HashMap<>();

    @BeforeEach
    void agencies() throws Exception {
        for (int i = 0; i < 6; i++) {
            write("单位" + i, "2023", SEED + i);
        }
    }

    private Path write(String name, String year, long seed) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, seed));
        layout.formulas().keySet().forEach(v::remove);
        Path f = dir.resolve("in").resolve(name + "-" + year + ".xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, name).with(IdentityField.YEAR, year),
                v, f, true);
        written.put(f, Reports.valid(layout, seed));
        return f;
    }

    private JsonNode merge(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("merge", "--format", "json"));
        a.addAll(List.of(args));
        Cli.Result r = Cli.run(a.toArray(new String[0]));
        assertThat(r.out()).as(r.err()).startsWith("{");
        return new ObjectMapper().readTree(r.out());
    }

    private Map<String, BigDecimal> expectedSum(List<Path> files) {
        Map<String, BigDecimal> sum = new HashMap<>();
        for (CellDef c : layout.cells()) {
            BigDecimal s = BigDecimal.ZERO;
            for (Path f : files) {
                s = s.add(written.get(f).get(c.key()));
            }
            sum.put(c.key(), s);
        }
        return sum;
    }

    private void assertValues(JsonNode result, Map<String, BigDecimal> expected) {
        for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
            assertThat(result.get("values").get(e.getKey()).decimalValue()).as(e.getKey())
                    .isEqualByComparingTo(e.getValue());
        }
    }

    @Test
    void theSummaryIsThePerKeySumAndDoesNotDependOnInputOrder() throws Exception {
        List<Path> files = new ArrayList<>(written.keySet());
        JsonNode a = merge(files.stream().map(Path::toString).toArray(String[]::new));
        assertValues(a, expectedSum(files));
        assertThat(a.get("units").asInt()).isEqualTo(6);
        Collections.shuffle(files, new Random(SEED));
        JsonNode b = merge(files.stream().map(Path::toString).toArray(String[]::new));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void mergingTwoHalvesThenTheirSummariesEqualsMergingAll() throws Exception {
        List<Path> files = new ArrayList<>(written.keySet());
        Collections.sort(files);
        Path s1 = dir.resolve("s1.xlsx");
        Path s2 = dir.resolve("s2.xlsx");
        Cli.run("merge", files.get(0).toString(), files.get(1).toString(), files.get(2).toString(),
                "-o", s1.toString(), "--agency", "甲片区");
        Cli.run("merge", files.get(3).toString(), files.get(4).toString(), files.get(5).toString(),
                "-o", s2.toString(), "--agency", "乙片区");
        assertThat(Cli.run("check", s1.toString()).code()).as("a summary is a valid report").isZero();
        JsonNode twoLevel = merge(s1.toString(), s2.toString());
        assertValues(twoLevel, expectedSum(files));
        assertThat(twoLevel.get("units").asInt()).isEqualTo(6);
        JsonNode direct = merge(dir.resolve("in").toString());
        assertThat(twoLevel.get("values")).isEqualTo(direct.get("values"));
    }

    @Test
    void aSummaryAndOneOfItsUnitsGivenTogetherIsADuplicateNotADoubleCount() throws Exception {
        List<Path> files = new ArrayList<>(written.keySet());
        Collections.sort(files);
        Path s1 = dir.resolve("s1.xlsx");
        Cli.run("merge", files.get(0).toString(), files.get(1).toString(), "-o", s1.toString());
        JsonNode r = merge(s1.toString(), files.get(1).toString(), files.get(2).toString());
        assertValues(r, expectedSum(List.of(files.get(0), files.get(1), files.get(2))));
        assertThat(MergeJson.status(r, files.get(1))).isEqualTo("duplicate");
        assertThat(r.get("findings").findValuesAsText("rule")).containsExactly("M-DUP");
        assertThat(r.get("findings").get(0).get("message").asText()).as("names the first file as given")
                .contains(s1.toString());
    }

    @Test
    void duplicatesOtherYearsAndUnreadableFilesAreNamedAndNotAdded() throws Exception {
        List<Path> good = new ArrayList<>(written.keySet());
        Path again = dir.resolve("in/单位0-副本.xlsx");
        Files.copy(dir.resolve("in/单位0-2023.xlsx"), again);
        Path other = write("单位9", "2022", SEED + 9);
        Path junk = dir.resolve("in/损坏.xlsx");
        Files.writeString(junk, "not a workbook");
        Cli.Result text = Cli.run("merge", dir.resolve("in").toString(), "-o", dir.resolve("s.xlsx").toString());
        assertThat(text.code()).isEqualTo(3);
        // An identical copy counts once, said as information (M-SAME), not an error.
        assertThat(text.err()).contains("M-SAME", "M-YEAR", "损坏.xlsx", "无法读取").doesNotContain("M-DUP");
        JsonNode r = merge(dir.resolve("in").toString());
        assertValues(r, expectedSum(good));
        assertThat(MergeJson.status(r, again)).isEqualTo("duplicate");
        assertThat(MergeJson.status(r, other)).isEqualTo("other_year");
        assertThat(MergeJson.status(r, junk)).isEqualTo("unreadable");
        assertThat(r.get("inputs")).hasSize(9);
    }

    @Test
    void invalidInputsAreLeftOutUnlessAskedAndRosterIsReconciled() throws Exception {
        Path bad = dir.resolve("in/单位0-2023.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(bad))) {
            Sheets.named(wb, "requests.carried_out.natural").setCellValue(999999);
            try (FileOutputStream out = new FileOutputStream(bad.toFile())) {
                wb.write(out);
            }
        }
        Path roster = dir.resolve("名单.csv");
        Files.writeString(roster, "单位名称,上级单位\n单位0,某县\n单位1,某县\n单位7,某县\n");
        JsonNode r = merge(dir.resolve("in").toString(), "--roster", roster.toString());
        assertThat(MergeJson.status(r, bad)).isEqualTo("rejected");
        List<String> statuses = new ArrayList<>();
        r.get("roster").forEach(l -> statuses.add(l.get("agency").asText() + "=" + l.get("status").asText()));
        assertThat(statuses).containsExactly("单位0=errors", "单位1=submitted", "单位7=missing");
        assertThat(r.get("findings").findValuesAsText("rule")).contains("M-MISSING");
        JsonNode incl = merge(dir.resolve("in").toString(), "--include-invalid");
        assertThat(MergeJson.status(incl, bad)).isEqualTo("merged_invalid");
        assertThat(incl.get("units").asInt()).isEqualTo(6);
    }

    @Test
    void expectFindsAPlantedDifferenceAtItsCell() throws Exception {
        Path summary = dir.resolve("区汇总.xlsx");
        Cli.run("merge", dir.resolve("in").toString(), "-o", summary.toString());
        String cell;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(summary))) {
            var c = Sheets.named(wb, "active.license");
            cell = "汇总!" + c.getAddress().formatAsString();
            c.setCellValue(c.getNumericCellValue() + 5);
            try (FileOutputStream out = new FileOutputStream(summary.toFile())) {
                wb.write(out);
            }
        }
        JsonNode r = merge(dir.resolve("in").toString(), "--expect", summary.toString());
        List<JsonNode> diffs = new ArrayList<>();
        r.get("findings").forEach(f -> {
            if (f.get("rule").asText().equals("M-SUM")) {
                diffs.add(f);
            }
        });
        assertThat(diffs).hasSize(1);
        assertThat(diffs.get(0).get("key").asText()).isEqualTo("active.license");
        assertThat(diffs.get(0).get("cell").asText()).isEqualTo(cell);
        assertThat(diffs.get(0).get("actual").decimalValue().subtract(diffs.get(0).get("expected").decimalValue()))
                .isEqualByComparingTo("5");
    }

    @Test
    void theSummaryWorkbookHasItsSheetsAndRefusesToOverwrite() throws Exception {
        Path summary = dir.resolve("汇总表.xlsx");
        Path roster = dir.resolve("名单.csv");
        Files.writeString(roster, "单位名称,上级单位\n单位0,某县\n单位1,某县\n单位9,某县\n");
        Cli.Result r = Cli.run("merge", dir.resolve("in").toString(), "-o", summary.toString(),
                "--roster", roster.toString());
        assertThat(r.out()).isEmpty();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(summary))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("汇总");
            assertThat(wb.getSheet("明细").getLastRowNum()).isEqualTo(1 + 6);
            assertThat(wb.getSheet("问题清单")).isNotNull();
            XSSFSheet list = wb.getSheet("报送情况");
            assertThat(list).isNotNull();
            // 单位9 did not submit: its status stands out; the off-roster heading spans the row, with the others under it.
            Cell missing = list.getRow(3).getCell(3);
            assertThat(missing.getStringCellValue()).isEqualTo("未报送");
            assertThat(missing.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(list.getRow(1).getCell(3).getCellStyle().getFillPattern())
                    .isEqualTo(FillPatternType.NO_FILL);
            assertThat(list.getRow(5).getCell(0).getStringCellValue()).isEqualTo("不在名单中的报送");
            assertThat(list.getMergedRegions()).anySatisfy(m -> assertThat(m.formatAsString()).isEqualTo("A6:E6"));
            assertThat(list.getRow(6).getCell(1).getStringCellValue()).isIn("单位2", "单位3", "单位4", "单位5");
            assertThat(list.getPaneInformation().isFreezePane()).isTrue();
            assertThat(list.getPrintSetup().getLandscape()).isTrue();
            assertThat(list.getColumnWidth(3)).isGreaterThanOrEqualTo(14 * 256);
            assertThat(Sheets.named(wb, "info.name").getStringCellValue()).isEqualTo("某县");
            assertThat(wb.getSheet("明细").getRow(1).getCell(10).getStringCellValue()).isEqualTo("active.regulation.issued");
            // The official labels show whole (规章 vs 行政规范性文件): a tall label row, value columns wide enough.
            assertThat(wb.getSheet("明细").getRow(0).getHeightInPoints()).isGreaterThanOrEqualTo(150f);
            assertThat(wb.getSheet("明细").getColumnWidth(10)).isGreaterThanOrEqualTo(11 * 256);
        }
        Cli.Result again = Cli.run("merge", dir.resolve("in").toString(), "-o", summary.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
        Cli.Result folder = Cli.run("merge", dir.resolve("in").toString(), "-o", dir.toString(), "--force");
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).contains(dir.toString(), "文件夹").doesNotContain("Exception");
    }

    @Test
    void detailsHoldEveryInputsIdentityStatusAndValuesByKey() throws Exception {
        Path odd = write("=1+1 & <甲>", "2023", SEED + 99);
        Path summary = dir.resolve("汇总表.xlsx");
        Cli.Result r = Cli.run("merge", dir.resolve("in").toString(), "-o", summary.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(summary))) {
            XSSFSheet details = wb.getSheet("明细");
            assertThat(details.getLastRowNum()).isEqualTo(1 + written.size());
            assertThat(details.getCTWorksheet().getDimension().getRef())
                    .isEqualTo("A1:" + CellReference.convertNumToColString(9 + layout.cells().size())
                            + (2 + written.size()));
            assertThat(details.getRow(0).getCell(1).getStringCellValue()).isEqualTo("单位名称");
            assertThat(wb.getFontAt(details.getRow(0).getCell(1).getCellStyle().getFontIndex()).getBold())
                    .as("the label row is bold").isTrue();
            assertThat(details.getPaneInformation().isFreezePane()).isTrue();
            assertThat(details.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
            Map<String, Integer> columns = new HashMap<>();
            details.getRow(1).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
            int seen = 0;
            for (int i = 2; i <= details.getLastRowNum(); i++) {
                Row row = details.getRow(i);
                assertThat(row.getCell(0).getNumericCellValue()).as("A%d", i + 1).isEqualTo(i - 1);
                Path file = Path.of(row.getCell(6).getStringCellValue());
                Map<String, BigDecimal> values = written.get(file);
                assertThat(values).as("G%d names an input", i + 1).isNotNull();
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo("已汇总");
                assertThat(row.getCell(8).getNumericCellValue()).isZero();
                for (CellDef c : layout.cells()) {
                    Cell cell = row.getCell(columns.get(c.key()));
                    assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
                            .as("%s of %s", c.key(), file).isEqualByComparingTo(values.get(c.key()));
                }
                if (file.equals(odd)) {
                    assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("=1+1 & <甲>");
                }
                seen++;
            }
            assertThat(seen).isEqualTo(written.size());
        }
    }

    @Test
    void crossYearFindingsOfAMergeNameTheCellOfThisYearsReport() throws Exception {
        JsonNode r = merge("examples/2023", "--previous", "examples/2022");
        Map<String, String> cells = new HashMap<>();
        r.get("findings").forEach(f -> {
            if (f.get("rule").asText().startsWith("Y-") && f.hasNonNull("cell")) {
                cells.put(f.get("rule").asText() + " " + f.get("key").asText(), f.get("cell").asText());
            }
        });
        assertThat(cells).containsEntry("Y-CARRY requests.carried_in.natural", "统计表!I24")
                .containsEntry("Y-STOCK active.normative.in_force", "统计表!M7");
    }

    @Test
    void theIssueListHoldsTheMergesFindingsThenEveryInputsInOrder() throws Exception {
        Path summary = dir.resolve("汇总表.xlsx");
        JsonNode json = merge("examples/2023", "--roster", "examples/roster.csv", "-o", summary.toString());
        List<List<String>> expected = new ArrayList<>();
        json.get("findings").forEach(f -> expected.add(List.of("", f.get("file").asText(""), f.path("cell").asText(""),
                f.path("key").asText(""), f.get("rule").asText(), f.get("message").asText())));
        json.get("input_findings").forEach(f -> expected.add(List.of(f.get("file").asText(), f.get("file").asText(),
                f.path("cell").asText(""), f.path("key").asText(""), f.get("rule").asText(), f.get("message").asText())));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(summary))) {
            XSSFSheet issues = wb.getSheet("问题清单");
            assertThat(issues.getRow(0).getCell(6).getStringCellValue()).isEqualTo("说明");
            assertThat(issues.getRow(0).getCell(3).getStringCellValue()).isEqualTo("项目");
            // Printed as a list: landscape A4, fitted to the width, its header row on every page.
            assertThat(issues.getPrintSetup().getLandscape()).isTrue();
            assertThat(issues.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(issues.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(issues.getFitToPage()).isTrue();
            assertThat(issues.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            XSSFSheet details = wb.getSheet("明细");
            assertThat(details.getPrintSetup().getLandscape()).isTrue();
            assertThat(details.getRepeatingRows().formatAsString()).isEqualTo("1:2");
            // 明细 is too wide for a page: every page shows whose row it is, at a readable scale.
            assertThat(details.getRepeatingColumns().formatAsString()).isEqualTo("A:B");
            assertThat(details.getPrintSetup().getScale()).isEqualTo((short) 65);
            assertThat(details.getFooter().getCenter()).contains("&P");
            assertThat(issues.getRow(0).getCell(7).getStringCellValue()).isEqualTo("键名");
            assertThat(issues.getPaneInformation().isFreezePane()).isTrue();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i <= issues.getLastRowNum(); i++) {
                Row row = issues.getRow(i);
                IntFunction<String> cell = c -> row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue();
                rows.add(List.of(cell.apply(0), cell.apply(1), cell.apply(2), cell.apply(7), cell.apply(5), cell.apply(6)));
                // The official label stands before the key, for the key's cell.
                if (!cell.apply(7).isEmpty()) {
                    assertThat(cell.apply(3)).as("项目 of %s", cell.apply(7))
                            .isEqualTo(Layouts.get("2021").cell(cell.apply(7)).orElseThrow().displayLabel());
                }
            }
            assertThat(rows).hasSize(expected.size()).isNotEmpty();
            assertThat(json.get("input_findings").findValuesAsText("severity")).as("machine ids, not labels")
                    .isSubsetOf("error", "warning", "info").isNotEmpty();
            assertThat(issues.getRow(1).getCell(4).getStringCellValue()).isIn("错误", "警告", "提示");
            for (int i = 0; i < rows.size(); i++) {
                List<String> want = expected.get(i);
                List<String> got = rows.get(i);
                // The first column is the agency's name where the JSON gives the file: compare the rest.
                assertThat(got.subList(1, 6)).as("问题清单 row %d", i + 2).isEqualTo(want.subList(1, 6));
            }
        }
    }

    @Test
    void theTerminalShowsFiftyLinesOfAKindWithTheReasonAndCountsTheRest() throws Exception {
        for (int i = 0; i < 55; i++) {
            Files.writeString(dir.resolve("in").resolve(String.format("坏%02d.xlsx", i)), "not a workbook");
        }
        Path summary = dir.resolve("汇总表.xlsx");
        Cli.Result r = Cli.run("merge", dir.resolve("in").toString(), "-o", summary.toString());
        assertThat(r.code()).isEqualTo(3);
        List<String> unreadable = r.err().lines().filter(l -> l.startsWith("无法读取：")).toList();
        assertThat(unreadable).hasSize(50).allSatisfy(l -> assertThat(l).contains("不是 Excel 工作簿"));
        assertThat(r.err()).contains("另有 5 条未列出", "“明细”");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(summary))) {
            assertThat(wb.getSheet("明细").getLastRowNum()).isEqualTo(1 + 6 + 55);
        }
    }

    @Test
    void aSummaryLeftInTheInputFolderByTheLastRunIsNotAnInputOfTheNext() throws Exception {
        Path summary = dir.resolve("in").resolve("汇总.xlsx");
        JsonNode first = merge(dir.resolve("in").toString(), "-o", summary.toString());
        Cli.Result again = Cli.run("merge", dir.resolve("in").toString(), "-o", summary.toString(), "--force",
                "--format", "json");
        assertThat(again.err()).contains("未作为输入：" + summary);
        JsonNode second = new ObjectMapper().readTree(again.out());
        assertThat(second.get("inputs")).hasSize(first.get("inputs").size()).hasSize(6);
        assertThat(second.get("values")).isEqualTo(first.get("values"));
        assertThat(second.get("findings").toString()).doesNotContain("M-DUP");
    }

    /** Regression: 跨年核对 showed zeros for an agency without last year's report; 报送情况 had an empty heading. */
    @Test
    void theCrossYearSheetShowsNoNumbersWithoutLastYearAndTheRosterSaysNoneOffIt() throws Exception {
        Path summary = dir.resolve("跨年.xlsx");
        Cli.Result r = Cli.run("merge", "examples/2023", "--roster", "examples/roster.csv", "--previous", "examples/2022",
                "-o", summary.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(summary))) {
            XSSFSheet cross = wb.getSheet("跨年核对");
            // Its column headers are wider than their columns: wrapped over two lines, not cut to "转下年".
            assertThat(cross.getRow(0).getHeightInPoints()).isGreaterThanOrEqualTo(30f);
            assertThat(cross.getRow(0).getCell(4).getCellStyle().getWrapText()).isTrue();
            boolean sawNone = false;
            for (int i = 1; i <= cross.getLastRowNum(); i++) {
                Row row = cross.getRow(i);
                if (row.getCell(3).getStringCellValue().equals("无上年报表")) {
                    sawNone = true;
                    assertThat(row.getLastCellNum()).as("row %d has no numbers", i + 1).isEqualTo((short) 4);
                } else if (row.getCell(3).getStringCellValue().equals("不符")) {
                    assertThat(row.getCell(3).getCellStyle().getFillPattern())
                            .isEqualTo(FillPatternType.SOLID_FOREGROUND);
                }
            }
            assertThat(sawNone).isTrue();
            XSSFSheet list = wb.getSheet("报送情况");
            int heading = -1;
            for (int i = 0; i <= list.getLastRowNum(); i++) {
                if (list.getRow(i) != null && list.getRow(i).getCell(0) != null
                        && "不在名单中的报送".equals(Sheets.text(list, i, 0))) {
                    heading = i;
                }
            }
            assertThat(heading).isPositive();
            assertThat(list.getRow(heading + 1).getCell(1).getStringCellValue()).isEqualTo("无");
        }
    }
}
