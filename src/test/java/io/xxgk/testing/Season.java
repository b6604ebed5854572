package io.xxgk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;

/**
 * A coordinator's season, made as it happens: last year's reports of five agencies → this year's
 * templates from the roster, carry-in filled from last year → filled by the agencies → checked with
 * annotated copies → 乙局 fixes its copy (POI) and saves it again in LibreOffice, 福州市长乐区财政局's copy
 * fixed by openpyxl comes back, 丙局 sends its copy back unfixed → 甲局 sends a second, newer file differing in two cells → 戊局 sends late, its carry-in
 * off by one from last year's carry-out → 丁局 never sends. Used by the command-line and the page's tests.
 *
 * @param roster the roster (单位名称 and an empty 采用文件 column)
 * @param lastYear last year's reports
 * @param back the second round's folder: what is merged
 * @param jia 甲局's first file, {@code jiaNew} its newer one (active.license 777, active.penalty 888)
 * @param yiBack 乙局's fixed copy as LibreOffice saved it
 */
public record Season(Path roster, Path lastYear, Path firstRound, Path back, Path jia, Path jiaNew, Path yiBack) {

    public static final Layout LAYOUT = Layouts.get("2021");
    /** An annotated copy fixed by openpyxl: {@code src/test/resources/returns/make.sh} makes it. */
    public static final Path OPENPYXL_FIX = Path.of("src/test/resources/returns/福州市长乐区财政局-问题标注-openpyxl改正.xlsx");
    public static final List<String> COLUMNS = List.of("natural", "business", "research", "nonprofit", "legal", "other");

    public static Season play(Path dir) throws Exception {
        Path roster = Files.writeString(dir.resolve("名单.csv"), "单位名称,采用文件\n甲局,\n乙局,\n丙局,\n丁局,\n戊局,\n福州市长乐区财政局,\n");
        Path lastYear = Files.createDirectories(dir.resolve("上年"));
        long seed = 100;
        Map<String, Map<String, BigDecimal>> last = new HashMap<>();
        for (String agency : List.of("甲局", "乙局", "丙局", "丁局", "戊局")) {
            Map<String, BigDecimal> v = new HashMap<>(Reports.valid(LAYOUT, seed++));
            last.put(agency, v);
            LAYOUT.formulas().keySet().forEach(v::remove);
            new TemplateWriter(LAYOUT).write(Identity.empty().with(IdentityField.NAME, agency).with(IdentityField.YEAR, "2022"),
                    v, lastYear.resolve(agency + ".xlsx"), false);
        }
        Cli.Result templates = Cli.run("template", "--roster", roster.toString(), "--out-dir", dir.resolve("模板").toString(),
                "--previous", lastYear.toString());
        assertThat(templates.code()).as(templates.err()).isZero();

        Path in = Files.createDirectories(dir.resolve("收件"));
        Path jia = fill(Files.copy(dir.resolve("模板/甲局.xlsx"), in.resolve("甲局.xlsx")), 1, last.get("甲局"));
        Workbooks.edited(fill(Files.copy(dir.resolve("模板/乙局.xlsx"), in.resolve("乙局.xlsx")), 2, last.get("乙局")),
                wb -> Sheets.named(wb, "appeals.review.upheld").setCellValue(-1));
        Workbooks.edited(fill(Files.copy(dir.resolve("模板/丙局.xlsx"), in.resolve("丙局.xlsx")), 3, last.get("丙局")),
                wb -> Sheets.named(wb, "requests.new.natural").setCellValue("五"));

        // First round: checked, with the copies to send back.
        Cli.Result first = Cli.run("check", in.toString(), "--annotate", dir.resolve("退回").toString());
        assertThat(first.code()).as(first.err()).isEqualTo(1);

        // Second round: 乙局 fixes its copy (POI) and saves it again in LibreOffice; 丙局 sends its copy
        // back as it was; 甲局 sends a newer file differing in two cells; 戊局 sends late.
        Path back = Files.createDirectories(dir.resolve("第二轮"));
        Path yiFixed = Workbooks.edited(Files.copy(dir.resolve("退回/乙局-问题标注.xlsx"), dir.resolve("乙局-改.xlsx")),
                wb -> Sheets.named(wb, "appeals.review.upheld").setCellValue(2));
        Path converted = Files.createDirectories(dir.resolve("转换"));
        Path yiBack = Files.copy(LibreOffice.convert(yiFixed, "xlsx", converted), back.resolve("乙局-改.xlsx"));
        Files.copy(dir.resolve("退回/丙局-问题标注.xlsx"), back.resolve("丙局-问题标注.xlsx"));
        // 福州市长乐区财政局 (no report last year) fixed its copy with openpyxl (committed, with its script).
        Files.copy(OPENPYXL_FIX, back.resolve(OPENPYXL_FIX.getFileName().toString()));
        Path jiaOld = Files.copy(jia, back.resolve("甲局.xlsx"));
        Path jiaNew = Workbooks.edited(Files.copy(jia, back.resolve("甲局(修改).xlsx")), wb -> {
            Sheets.named(wb, "active.license").setCellValue(777);
            Sheets.named(wb, "active.penalty").setCellValue(888);
        });
        Files.setLastModifiedTime(jiaOld, FileTime.from(Instant.parse("2025-01-10T08:00:00Z")));
        Files.setLastModifiedTime(jiaNew, FileTime.from(Instant.parse("2025-01-12T08:00:00Z")));
        Workbooks.edited(fill(Files.copy(dir.resolve("模板/戊局.xlsx"), back.resolve("戊局.xlsx")), 5, last.get("戊局")), wb -> {
            // Carry-in one more than last year's carry-out, balanced: only the year-on-year check sees it.
            for (String k : List.of("requests.carried_in.legal", "requests.carried_out.legal")) {
                Cell c = Sheets.named(wb, k);
                c.setCellValue(c.getNumericCellValue() + 1);
            }
        });
        return new Season(roster, lastYear, in, back, jiaOld, jiaNew, yiBack);
    }

    /**
     * Fills a template made from last year like a clerk: every part with the valid numbers of {@code seed},
     * the carry-in as pre-filled, new requests and the carry-out made to balance with it, the stocks in
     * force as last year's plus issued minus repealed.
     */
    private static Path fill(Path template, long seed, Map<String, BigDecimal> last) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(LAYOUT, seed));
        for (String stock : List.of("active.regulation", "active.normative")) {
            BigDecimal inForce = last.get(stock + ".in_force").add(v.get(stock + ".issued"));
            v.put(stock + ".repealed", inForce.min(v.get(stock + ".repealed")));
            v.put(stock + ".in_force", inForce.subtract(v.get(stock + ".repealed")));
        }
        return Workbooks.edited(template, wb -> {
            for (CellDef c : LAYOUT.cells()) {
                String k = c.key();
                if (!LAYOUT.isFormula(k) && v.get(k) != null && !k.startsWith("requests.carried_in.")
                        && !k.startsWith("requests.new.") && !k.startsWith("requests.carried_out.")) {
                    Sheets.named(wb, k).setCellValue(v.get(k).doubleValue());
                }
            }
            for (String c : COLUMNS) {
                BigDecimal carriedIn = BigDecimal.valueOf(Sheets.named(wb, "requests.carried_in." + c).getNumericCellValue());
                BigDecimal results = v.get("requests.total." + c);
                BigDecimal fresh = results.add(BigDecimal.TEN);
                Sheets.named(wb, "requests.new." + c).setCellValue(fresh.doubleValue());
                Sheets.named(wb, "requests.carried_out." + c).setCellValue(fresh.add(carriedIn).subtract(results).doubleValue());
            }
        });
    }
}
