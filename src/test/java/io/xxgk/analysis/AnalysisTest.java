package io.xxgk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.i18n.Messages;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Reports;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of issue 26, against numbers worked out by hand: the examples' totals (办结 139, 予以公开 50,
 * 部分公开 24, 不掌握 51; 行政复议 纠正 4 of 6 decided, 诉讼 0 of 6 and 0 of 2), a zero denominator, a
 * small base; the summary's sheet 分析 and the JSON carry them, last year's beside this year's.
 */
class AnalysisTest {

    @TempDir
    Path dir;

    private static Map<String, Indicator> byId(List<Indicator> list) {
        Map<String, Indicator> out = new HashMap<>();
        list.forEach(i -> out.put(i.id(), i));
        return out;
    }

    @Test
    void theExamplesFiguresAreTheOnesWorkedOutByHand() {
        Map<String, BigDecimal> v = Map.of("requests.total.total", BigDecimal.valueOf(139),
                "requests.granted.total", BigDecimal.valueOf(50), "requests.partial.total", BigDecimal.valueOf(24),
                "requests.unable_not_held.total", BigDecimal.valueOf(51),
                "appeals.review.corrected", BigDecimal.valueOf(4), "appeals.review.total", BigDecimal.valueOf(6),
                "appeals.suit_direct.total", BigDecimal.valueOf(6), "appeals.suit_after_review.total", BigDecimal.valueOf(2));
        Map<String, Indicator> f = byId(Indicators.of(v::get));
        // (hand) 公开率 74 / 139 = 53.237…%; 予以公开率 50 / 139 = 35.971…%; 不掌握 51 / 139 = 36.690…%
        Map<String, String> expected = Map.of("rate.disclosed", "53.2", "rate.granted", "36.0",
                "share.unable.not_held", "36.7", "share.unable", "36.7", "share.denied", "0.0",
                // 复议 4 / (6 − 0) = 66.666…%; 合计 4 / (6 + 6 + 2) = 28.571…%
                "correction.review", "66.7", "correction.all", "28.6", "correction.suit_direct", "0.0");
        expected.forEach((id, value) -> assertThat(f.get(id).value()).as(id).isEqualByComparingTo(value));
        assertThat(f.get("requests.closed").value()).isEqualByComparingTo("139");
        assertThat(f.get("rate.disclosed").shown()).isEqualTo("53.2%");
        assertThat(f.get("rate.disclosed").definition()).isEqualTo("（予以公开 + 部分公开）÷ 办结");
        // 6 decided reviews are a small base: marked, the rate still shown.
        assertThat(f.get("correction.review").smallBase()).isTrue();
        assertThat(f.get("correction.all").smallBase()).isFalse();
    }

    /** The figures without their words (an agency's, year on year) are the figures with them, value for value. */
    @Test
    void theFiguresWithoutTheirWordsAreTheSameValues() {
        Map<String, BigDecimal> v = Map.of("requests.total.total", BigDecimal.valueOf(139),
                "requests.granted.total", BigDecimal.valueOf(50), "requests.partial.total", BigDecimal.valueOf(24),
                "requests.unable_not_held.total", BigDecimal.valueOf(51), "appeals.review.corrected", BigDecimal.valueOf(4),
                "appeals.review.total", BigDecimal.valueOf(6), "requests.new.total", BigDecimal.valueOf(156));
        Map<String, BigDecimal> bare = Indicators.values(v::get);
        List<Indicator> named = Indicators.of(v::get);
        assertThat(bare).hasSize(named.size());
        for (Indicator i : named) {
            assertThat(bare.get(i.id())).as(i.id()).isEqualTo(i.value());
        }
        // And the words are back after: a figure computed next is named.
        assertThat(Indicators.of(v::get).get(0).label()).isNotNull();
        Map<String, BigDecimal> five = Indicators.perAgency(v::get);
        Indicators.PER_AGENCY.forEach(id -> assertThat(five.get(id)).as(id).isEqualTo(bare.get(id)));
    }

    /**
     * The keys the figures read (last year's and this year's paired agencies add up only these): every cell of the
     * layout given a value (seeded), the figures over those keys alone are the figures over all cells.
     */
    @Test
    void theFiguresReadOnlyTheirKeys() {
        java.util.Random random = new java.util.Random(26);
        for (int round = 0; round < 20; round++) {
            Map<String, BigDecimal> all = new HashMap<>();
            Layouts.defaultLayout().cells().forEach(c -> all.put(c.key(), BigDecimal.valueOf(random.nextInt(40))));
            Map<String, BigDecimal> some = new HashMap<>();
            Indicators.KEYS.forEach(k -> some.put(k, all.get(k)));
            assertThat(Indicators.values(some::get)).isEqualTo(Indicators.values(all::get));
            assertThat(Indicators.KEYS).allMatch(k -> all.containsKey(k));
        }
        assertThat(Indicators.KEYS).contains("requests.total.total", "appeals.suit_after_review.pending", "active.fees");
    }

    @Test
    void theFiguresAreNamedInTheRunsLanguage() {
        Map<String, Indicator> en = byId(Messages.in(Locale.ENGLISH, false, () -> Indicators.of(k -> null)));
        assertThat(en.get("rate.disclosed").label()).isEqualTo("disclosure rate");
        assertThat(en.get("rate.disclosed").definition()).isEqualTo("(予以公开 + 部分公开) ÷ closed");
        assertThat(en.get("rate.disclosed").note()).contains("denominator is 0");
        assertThat(byId(Indicators.of(k -> null)).get("rate.disclosed").label()).isEqualTo("公开率");
    }

    @Test
    void aRateOverNothingIsADashWithItsReasonNeverZero() {
        Map<String, Indicator> f = byId(Indicators.of(k -> null));
        Indicator rate = f.get("rate.disclosed");
        assertThat(rate.value()).isNull();
        assertThat(rate.shown()).isEqualTo("—");
        assertThat(rate.note()).contains("分母为 0");
        assertThat(f.get("correction.all").value()).isNull();
        assertThat(f.get("requests.closed").value()).isEqualByComparingTo("0");
    }

    /** --no-analysis: the summary of the official tables only, the same totals; no analysis in the JSON. */
    @Test
    void noAnalysisLeavesItsSheetsAndItsJsonOut() throws Exception {
        Path out = dir.resolve("汇总.xlsx");
        Cli.Result r = Cli.run("merge", "examples/2023", "--no-analysis", "-o", out.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.has("analysis")).isFalse();
        assertThat(json.get("values").get("requests.total.total").asInt()).isPositive();
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            assertThat(wb.getSheet("分析")).isNull();
            assertThat(wb.getSheet("各单位指标")).isNull();
            assertThat(wb.getSheet("明细")).isNotNull();
        }
        Cli.Result full = Cli.run("merge", "examples/2023", "--format", "json");
        assertThat(new ObjectMapper().readTree(full.out()).get("values")).isEqualTo(json.get("values"));
    }

    @Test
    void theSummaryAndTheJsonCarryTheAnalysisWithLastYear() throws Exception {
        Path out = dir.resolve("汇总.xlsx");
        Cli.Result r = Cli.run("merge", "examples/2023", "--previous", "examples/2022", "-o", out.toString(), "--format", "json");
        JsonNode a = new ObjectMapper().readTree(r.out()).get("analysis");
        Map<String, JsonNode> ind = new HashMap<>();
        a.get("indicators").forEach(i -> ind.put(i.get("id").asText(), i));
        assertThat(ind.get("rate.disclosed").get("value").decimalValue()).isEqualByComparingTo("53.2");
        assertThat(ind.get("rate.disclosed").get("unit").asText()).isEqualTo("percent");
        // Three agencies have last year's report (the examples' 2022 folder): both years over those three.
        assertThat(a.get("paired_units").asInt()).isEqualTo(3);
        assertThat(ind.get("requests.new").get("last_year_value").isNull()).isFalse();
        assertThat(ind.get("requests.new").get("paired_value").asInt())
                .isLessThan(ind.get("requests.new").get("value").asInt());
        // Moved most: only 鲤城区 has 10 or more closed both years (73 now, 17 last year): 46.6% against 100.0%
        // (17 of 17), −53.4 points; 丰泽区 and 长乐区 closed 9 last year.
        JsonNode movers = a.get("movers");
        assertThat(movers).hasSize(1);
        assertThat(movers.get(0).get("agency").asText()).isEqualTo("泉州市鲤城区人民政府");
        assertThat(movers.get(0).get("change").decimalValue()).isEqualByComparingTo("-53.4");
        // Agency by agency, the three with last year's report: 鲤城区 closed 73 (17 last year), 公开率 46.6% (100.0%).
        JsonNode byAgency = a.get("by_agency");
        assertThat(byAgency).hasSize(3);
        JsonNode licheng = null;
        for (JsonNode y : byAgency) {
            if (y.get("agency").asText().equals("泉州市鲤城区人民政府")) {
                licheng = y;
            }
        }
        assertThat(licheng.get("values").get("requests.closed").asInt()).isEqualTo(73);
        assertThat(licheng.get("last_year_values").get("requests.closed").asInt()).isEqualTo(17);
        assertThat(licheng.get("values").get("rate.disclosed").decimalValue()).isEqualByComparingTo("46.6");
        assertThat(licheng.get("last_year_values").get("rate.disclosed").decimalValue()).isEqualByComparingTo("100.0");
        // Every figure both years, as in the totals' table (the same ids).
        assertThat(licheng.get("values").size()).isEqualTo(a.get("indicators").size());
        assertThat(licheng.get("last_year_values").has("share.unable.not_held")).isTrue();
        assertThat(licheng.get("values").get("requests.new").asInt()).isEqualTo(91);
        assertThat(licheng.get("changes").get("rate.disclosed").decimalValue()).isEqualByComparingTo("-53.4");
        assertThat(licheng.get("changes").get("requests.closed").asInt()).isEqualTo(56);
        // Ranking: by 公开率, the small base (上杭县, 7 closed) after the others.
        JsonNode ranking = a.get("ranking");
        assertThat(ranking).hasSize(4);
        assertThat(ranking.get(3).get("agency").asText()).isEqualTo("上杭县人民政府办公室");
        assertThat(ranking.get(3).get("small_base").asBoolean()).isTrue();
        assertThat(ranking.get(0).get("disclosure_rate").decimalValue())
                .isGreaterThanOrEqualTo(ranking.get(1).get("disclosure_rate").decimalValue());
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            Sheet sheet = wb.getSheet("分析");
            assertThat(sheet).isNotNull();
            Row disclosed = null;
            for (Row row : sheet) {
                if (disclosed == null && row.getCell(0) != null && row.getCell(0).toString().equals("公开率（%）")) {
                    disclosed = row;
                }
            }
            assertThat(disclosed).isNotNull();
            // Every agency's figures are one row each in 各单位指标, by 公开率 (鲤城区 second of the four:
            // 50.0% of 上杭县 is a small base, after the others), last year's beside: 73 closed (17), 46.6% (100.0%),
            // −53.4 points; 予以公开率 31 ÷ 73 = 42.5%, 纠错率 3 ÷ 7 = 42.9% over 7 decided, 91 new.
            Sheet list = wb.getSheet("各单位指标");
            assertThat(wb.getSheetIndex(list)).isEqualTo(wb.getSheetIndex(sheet) + 1);
            assertThat(list.getRow(0).getCell(8).getStringCellValue()).isEqualTo("办结·上年（件）");
            // The list keeps its header in view and on every printed page; 分析, a report of sections, neither.
            assertThat(list.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            assertThat(list.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getRepeatingRows()).isNull();
            assertThat(sheet.getPaneInformation()).isNull();
            Row yoy = null;
            for (Row row : list) {
                if (row.getCell(1) != null && row.getCell(1).toString().equals("泉州市鲤城区人民政府")) {
                    yoy = row;
                }
            }
            assertThat(yoy).as("鲤城区's row in 各单位指标").isNotNull();
            assertThat(list.getLastRowNum()).isEqualTo(4);
            int place = 0;
            for (int i = 0; i < ranking.size(); i++) {
                if (ranking.get(i).get("agency").asText().equals("泉州市鲤城区人民政府")) {
                    place = i + 1;
                }
            }
            assertThat(yoy.getRowNum()).isEqualTo(place);
            assertThat(yoy.getCell(0).getNumericCellValue()).isEqualTo(place);
            double[] expected = {73, 46.6, 42.5, 42.9, 7, 91, 17, 100.0, -53.4};
            for (int c = 0; c < expected.length; c++) {
                assertThat(yoy.getCell(2 + c).getNumericCellValue()).as("column %d", 2 + c)
                        .isCloseTo(expected[c], Offset.offset(1e-9));
            }
            assertThat(yoy.getCell(11).getStringCellValue()).isEqualTo("examples/2023/泉州市鲤城区人民政府.xlsx");
            // 上杭县 (7 closed): unranked, its note says why.
            Row small = list.getRow(4);
            assertThat(small.getCell(1).getStringCellValue()).isEqualTo("上杭县人民政府办公室");
            assertThat(small.getCell(0).getStringCellValue()).isEqualTo("—");
            assertThat(small.getCell(12).getStringCellValue()).contains("10").endsWith("；无上年报表");
            assertThat(small.getCell(8)).isNull();
            assertThat(disclosed.getCell(1).getNumericCellValue()).isEqualTo(53.2);
            assertThat(disclosed.getCell(5).getStringCellValue()).isEqualTo("（予以公开 + 部分公开）÷ 办结");
            // Two native charts drawn from the sheet's own cells: the results' shares (予以公开 … 其他处理,
            // six bars adding up to 100), and the agencies ranked (three: 上杭县's base is too small).
            List<XSSFChart> charts = ((XSSFSheet) sheet).getDrawingPatriarch().getCharts();
            // With last year: the trend's two line charts (two years), then the three bar charts.
            assertThat(charts).hasSize(5);
            // The reasons: every one of the 19 (8 不予公开, 3 无法提供, 5 不予处理, 3 其他处理), 不掌握 36.7%.
            XDDFChartData.Series reasons = charts.get(3).getChartSeries().get(0).getSeries(0);
            assertThat(reasons.getCategoryData().getPointCount()).isEqualTo(19);
            boolean notHeld = false;
            for (int i = 0; i < 19; i++) {
                notHeld |= reasons.getCategoryData().getPointAt(i).toString().equals("无法提供：本机关不掌握相关政府信息")
                        && ((Number) reasons.getValuesData().getPointAt(i)).doubleValue() == 36.7;
            }
            assertThat(notHeld).isTrue();
            charts = List.of(charts.get(2), charts.get(4));
            XDDFChartData.Series shares = charts.get(0).getChartSeries().get(0).getSeries(0);
            assertThat(shares.getCategoryData().getDataRangeReference()).startsWith("分析!$A$");
            double sum = 0;
            for (int i = 0; i < shares.getValuesData().getPointCount(); i++) {
                sum += ((Number) shares.getValuesData().getPointAt(i)).doubleValue();
            }
            assertThat(shares.getValuesData().getPointCount()).isEqualTo(6);
            assertThat(sum).isCloseTo(100.0, Offset.offset(0.3));
            assertThat(charts.get(1).getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount()).isEqualTo(3);
        }
    }

    /**
     * Two earlier years: 2021 made here (two agencies, each 10 new and closed, 6 granted: 公开率 60.0%), 2022
     * the examples' last year. The trend lists the three years earliest first, each over all its reports,
     * in the JSON and in 分析 with two line charts drawn from its table.
     */
    @Test
    void severalPastYearsGiveTheTrendInTheSheetAndTheJson() throws Exception {
        Path y2021 = Reports.twoAgencies(dir.resolve("2021"), "2021");
        Path out = dir.resolve("汇总.xlsx");
        Cli.Result r = Cli.run("merge", "examples/2023", "--previous", "examples/2022", "--previous", y2021.toString(),
                "-o", out.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        JsonNode trend = new ObjectMapper().readTree(r.out()).get("analysis").get("trend");
        assertThat(trend).hasSize(3);
        assertThat(trend.get(0).get("year").asText()).isEqualTo("2021");
        assertThat(trend.get(1).get("year").asText()).isEqualTo("2022");
        assertThat(trend.get(2).get("year").asText()).isEqualTo("2023");
        assertThat(trend.get(0).get("reports").asInt()).isEqualTo(2);
        assertThat(trend.get(1).get("reports").asInt()).isEqualTo(3);
        assertThat(trend.get(0).get("values").get("requests.new").decimalValue()).isEqualByComparingTo("20");
        assertThat(trend.get(0).get("values").get("rate.disclosed").decimalValue()).isEqualByComparingTo("60.0");
        // This year's column is the merge's own figures (办结 139, 公开率 53.2%).
        assertThat(trend.get(2).get("values").get("requests.closed").decimalValue()).isEqualByComparingTo("139");
        assertThat(trend.get(2).get("values").get("rate.disclosed").decimalValue()).isEqualByComparingTo("53.2");
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            Sheet sheet = wb.getSheet("分析");
            Row head = null;
            Row rate = null;
            for (Row row : sheet) {
                String first = row.getCell(0) == null ? "" : row.getCell(0).toString();
                if (first.startsWith("各年度走势")) {
                    head = row;
                } else if (head != null && rate == null && first.equals("公开率（%）")) {
                    rate = row;
                }
            }
            assertThat(head).isNotNull();
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("2021");
            assertThat(head.getCell(3).getStringCellValue()).isEqualTo("2023");
            assertThat(rate.getCell(1).getNumericCellValue()).isEqualTo(60.0);
            assertThat(rate.getCell(3).getNumericCellValue()).isEqualTo(53.2);
            List<XSSFChart> charts = ((XSSFSheet) sheet).getDrawingPatriarch().getCharts();
            // Two line charts (新收申请 and 办结; 公开率) over the three years, then the three bar charts.
            assertThat(charts).hasSize(5);
            XDDFChartData lines = charts.get(0).getChartSeries().get(0);
            assertThat(lines).isInstanceOf(XDDFLineChartData.class);
            assertThat(lines.getSeriesCount()).isEqualTo(2);
            assertThat(lines.getSeries(0).getCategoryData().getPointCount()).isEqualTo(3);
            assertThat(((Number) lines.getSeries(1).getValuesData().getPointAt(2)).doubleValue()).isEqualTo(139.0);
        }
    }

    /**
     * The other rankings, by hand from the examples: 予以公开率 鲤城区 31/73 = 42.5%, 丰泽区 11/26 = 42.3%,
     * 长乐区 3/33 = 9.1%, 上杭县 5/7 (a small base, last); 新收申请 91, 33, 25, 7; 纠错率 every base under 10.
     */
    @Test
    void agenciesAreRankedByTheOtherFiguresWithTheirBases() throws Exception {
        Path out = dir.resolve("汇总.xlsx");
        Cli.Result r = Cli.run("merge", "examples/2023", "-o", out.toString(), "--format", "json");
        Map<String, JsonNode> rankings = new HashMap<>();
        new ObjectMapper().readTree(r.out()).get("analysis").get("rankings").forEach(k -> rankings.put(k.get("id").asText(), k));
        JsonNode granted = rankings.get("rate.granted").get("places");
        assertThat(granted.get(0).get("agency").asText()).isEqualTo("泉州市鲤城区人民政府");
        assertThat(granted.get(0).get("value").decimalValue()).isEqualByComparingTo("42.5");
        assertThat(granted.get(0).get("base").asInt()).isEqualTo(73);
        assertThat(granted.get(1).get("value").decimalValue()).isEqualByComparingTo("42.3");
        assertThat(granted.get(2).get("value").decimalValue()).isEqualByComparingTo("9.1");
        assertThat(granted.get(3).get("agency").asText()).isEqualTo("上杭县人民政府办公室");
        assertThat(granted.get(3).get("small_base").asBoolean()).isTrue();
        List<Integer> received = new ArrayList<>();
        rankings.get("requests.new").get("places").forEach(p -> received.add(p.get("value").asInt()));
        assertThat(received).containsExactly(91, 33, 25, 7);
        rankings.get("correction.all").get("places").forEach(p -> assertThat(p.get("small_base").asBoolean()).isTrue());
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            Sheet sheet = wb.getSheet("分析");
            List<String> firstColumn = new ArrayList<>();
            sheet.forEach(row -> firstColumn.add(row.getCell(0) == null ? "" : row.getCell(0).toString()));
            int at = firstColumn.indexOf("按予以公开率排名（前 10 名）");
            assertThat(at).isNotNegative();
            assertThat(firstColumn.subList(at + 1, at + 4)).containsExactly("泉州市鲤城区人民政府", "泉州市丰泽区人民政府办公室",
                    "福州市长乐区人民政府办公室");
            assertThat(firstColumn.get(at + 4)).startsWith("按");
            assertThat(firstColumn).contains("没有基数达到 10 件的单位");
        }
    }

    /** Published reports feed the same analysis: the two 2023 reports of examples/报告, 23 of 33 closed disclosed. */
    @Test
    void publishedReportsAreAnalysedAsAnyInput() throws Exception {
        Cli.Result r = Cli.run("merge", "examples/报告", "-o", dir.resolve("报告汇总.xlsx").toString(), "--format", "json");
        JsonNode a = new ObjectMapper().readTree(r.out()).get("analysis");
        Map<String, JsonNode> ind = new HashMap<>();
        a.get("indicators").forEach(i -> ind.put(i.get("id").asText(), i));
        // (hand, from the two reports' tables) 上杭县 5 of 7 closed disclosed, 丰泽区 18 of 26: 23 / 33 = 69.69…%
        assertThat(ind.get("requests.closed").get("value").asInt()).isEqualTo(33);
        assertThat(ind.get("rate.disclosed").get("value").decimalValue()).isEqualByComparingTo("69.7");
        assertThat(a.get("ranking")).hasSize(2);
    }

    /**
     * Summaries as inputs rank sub-regions: 泉州市 (丰泽区 18 + 鲤城区 34 disclosed of 26 + 73 closed: 52 / 99 = 52.5%)
     * and the rest (长乐区 17 + 上杭县 5 of 33 + 7: 22 / 40 = 55.0%), each summary one place with its base.
     */
    @Test
    void summariesAsInputsRankTheirRegions() throws Exception {
        Path quanzhou = Files.createDirectories(dir.resolve("泉州"));
        Path others = Files.createDirectories(dir.resolve("其他"));
        for (String f : List.of("泉州市丰泽区人民政府办公室.xlsx", "泉州市鲤城区人民政府.xlsx")) {
            Files.copy(Path.of("examples/2023", f), quanzhou.resolve(f));
        }
        for (String f : List.of("福州市长乐区人民政府办公室.xlsx", "上杭县人民政府办公室.xlsx")) {
            Files.copy(Path.of("examples/2023", f), others.resolve(f));
        }
        Path summaries = Files.createDirectories(dir.resolve("汇总"));
        assertThat(Cli.run("merge", quanzhou.toString(), "--agency", "泉州市", "-o", summaries.resolve("泉州市.xlsx").toString()).code()).isZero();
        assertThat(Cli.run("merge", others.toString(), "--agency", "其他地区", "-o", summaries.resolve("其他地区.xlsx").toString()).code()).isZero();
        Cli.Result r = Cli.run("merge", summaries.toString(), "-o", dir.resolve("全省.xlsx").toString(), "--format", "json");
        JsonNode ranking = new ObjectMapper().readTree(r.out()).get("analysis").get("ranking");
        assertThat(ranking).hasSize(2);
        assertThat(ranking.get(0).get("agency").asText()).isEqualTo("其他地区");
        assertThat(ranking.get(0).get("closed").asInt()).isEqualTo(40);
        assertThat(ranking.get(0).get("disclosure_rate").decimalValue()).isEqualByComparingTo("55.0");
        assertThat(ranking.get(1).get("agency").asText()).isEqualTo("泉州市");
        assertThat(ranking.get(1).get("closed").asInt()).isEqualTo(99);
        assertThat(ranking.get(1).get("disclosure_rate").decimalValue()).isEqualByComparingTo("52.5");
    }
}
