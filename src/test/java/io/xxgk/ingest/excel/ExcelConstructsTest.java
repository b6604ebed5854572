package io.xxgk.ingest.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.BothPaths;
import io.xxgk.testing.Reports;
import io.xxgk.testing.ZipEdit;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Excel and WPS write that cannot be run here, made by rewriting our template's XML the way
 * they write it: rich-text shared strings, inline strings, cells without an address, shared
 * formulas, and the Strict format. Read to the same figures on both paths, or refused with advice.
 */
class ExcelConstructsTest {

    private static final String SHEET = "xl/worksheets/sheet3.xml";
    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private Map<String, BigDecimal> values;

    private Path edited(Map<String, UnaryOperator<String>> edits) throws Exception {
        values = new HashMap<>(Reports.valid(layout, 1010));
        Map<String, BigDecimal> given = new HashMap<>(values);
        layout.formulas().keySet().forEach(given::remove);
        Path f = dir.resolve("base.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                given, f, true);
        return ZipEdit.rewrite(f, dir.resolve("edited.xlsx"), edits);
    }

    private void readsTheFigures(Path f) throws Exception {
        CheckResult r = BothPaths.agree(layout, f);
        assertThat(r.findings()).isEmpty();
        values.forEach((k, v) -> assertThat(r.values().get(k)).as(k).isEqualByComparingTo(v));
        assertThat(r.identity().get(IdentityField.NAME)).contains("甲局");
    }

    @Test
    void richTextSharedStrings() throws Exception {
        Path f = edited(Map.of("xl/sharedStrings.xml", xml -> xml.replace("<si><t>甲局</t></si>",
                "<si><r><t>甲</t></r><r><rPr><b/></rPr><t>局</t></r><rPh sb=\"0\" eb=\"1\"><t>ジャ</t></rPh></si>")));
        assertThat(ZipEdit.read(f, "xl/sharedStrings.xml")).contains("<r><t>甲</t></r>");
        readsTheFigures(f);
    }

    @Test
    void cellsWithoutAnAddressWhereItIsImplied() throws Exception {
        // Excel may leave out r on a cell right after the previous one in its row.
        Pattern row = Pattern.compile("<row [^>]*>(.*?)</row>", Pattern.DOTALL);
        Pattern cell = Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"");
        Path f = edited(Map.of(SHEET, xml -> {
            Matcher rows = row.matcher(xml);
            StringBuilder out = new StringBuilder();
            while (rows.find()) {
                Matcher c = cell.matcher(rows.group());
                StringBuilder r = new StringBuilder();
                int previous = -2;
                while (c.find()) {
                    int col = CellReference.convertColStringToIndex(c.group(1));
                    c.appendReplacement(r, col == previous + 1 ? "<c" : Matcher.quoteReplacement(c.group()));
                    previous = col;
                }
                c.appendTail(r);
                rows.appendReplacement(out, Matcher.quoteReplacement(r.toString()));
            }
            rows.appendTail(out);
            return out.toString();
        }));
        assertThat(ZipEdit.read(f, SHEET)).contains("<c s=");
        readsTheFigures(f);
    }

    @Test
    void sharedFormulasAndInlineStrings() throws Exception {
        Path f = edited(Map.of(SHEET, xml -> xml.replaceFirst("<f>SUM\\(([^<]*)\\)</f>",
                "<f t=\"shared\" ref=\"A1\" si=\"0\">SUM($1)</f>")
                .replace("<c r=\"A1\" s=\"3\" t=\"s\"><v>44</v></c>",
                        "<c r=\"A1\" s=\"3\" t=\"inlineStr\"><is><t>甲局2023年政府信息公开工作年度报告统计表</t></is></c>")));
        assertThat(ZipEdit.read(f, SHEET)).contains("t=\"shared\"");
        readsTheFigures(f);
    }

    @Test
    void theStrictFormatIsRefusedWithAdvice() throws Exception {
        UnaryOperator<String> strict = xml -> xml
                .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
                .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                        "http://purl.oclc.org/ooxml/officeDocument/relationships");
        Map<String, UnaryOperator<String>> all = new HashMap<>();
        for (String part : new String[] {"xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", SHEET,
            "xl/styles.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", "[Content_Types].xml"}) {
            all.put(part, strict);
        }
        CheckResult r = new CheckRunner(layout, null, null).run(edited(all));
        if (r.unreadable()) {
            assertThat(r.findings().get(0).message()).contains("Strict").contains("另存为");
        } else {
            values.forEach((k, v) -> assertThat(r.values().get(k)).as(k).isEqualByComparingTo(v));
        }
    }
}
