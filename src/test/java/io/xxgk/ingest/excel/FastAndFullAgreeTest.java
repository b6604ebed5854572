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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: workbooks on which the fast path and POI read different things. */
class FastAndFullAgreeTest {

    private static final String WORKBOOK = "xl/workbook.xml";
    private final Layout layout = Layouts.get("2021");
    private final String key = "requests.new.natural";

    @TempDir
    Path dir;

    private Map<String, BigDecimal> values;

    private Path edited(String part, UnaryOperator<String> edit) throws Exception {
        values = new HashMap<>(Reports.valid(layout, 909));
        Map<String, BigDecimal> given = new HashMap<>(values);
        layout.formulas().keySet().forEach(given::remove);
        Path f = dir.resolve("base.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                given, f, true);
        return ZipEdit.rewrite(f, dir.resolve("edited.xlsx"), part, edit);
    }

    private CheckResult bothAgree(Path f) throws Exception {
        return BothPaths.agree(layout, f);
    }

    @Test
    void aNameCoveringAWholeColumnIsNoCellAndTheKeyIsFoundByItsLabel() throws Exception {
        Path f = edited(WORKBOOK, xml -> xml.replaceAll("(<definedName name=\"" + key.replace(".", "\\.")
                + "\">)[^<]*(</definedName>)", "$1'统计表'!\\$O:\\$O$2"));
        assertThat(ZipEdit.read(f, WORKBOOK)).contains("$O:$O");
        CheckResult r = bothAgree(f);
        assertThat(r.values().get(key)).isEqualByComparingTo(values.get(key));
    }

    @Test
    void aSheetLocalNameOfAKeyIsNotTheKeysCell() throws Exception {
        Path f = edited(WORKBOOK, xml -> xml.replace("<definedNames>",
                "<definedNames><definedName name=\"" + key + "\" localSheetId=\"2\">'统计表'!$A$1</definedName>"));
        CheckResult r = bothAgree(f);
        assertThat(r.values().get(key)).isEqualByComparingTo(values.get(key));
    }

    @Test
    void escapedCharactersInSharedStringsReadAsPoiReadsThem() throws Exception {
        Path f = edited("xl/sharedStrings.xml", xml -> xml.replace("<t>甲局</t>", "<t>甲_x0041_局</t>"));
        assertThat(ZipEdit.read(f, "xl/sharedStrings.xml")).contains("甲_x0041_局");
        assertThat(bothAgree(f).identity().get(IdentityField.NAME)).contains("甲A局");
    }

    @Test
    void aCellWithTwoValuesIsReadAsPoiReadsIt() throws Exception {
        // I23: 自然人 of 一、本年新收 in our template.
        Path f = edited("xl/worksheets/sheet3.xml", xml -> xml.replaceFirst("(<c r=\"I23\"[^>]*>)<v>[^<]*</v>",
                "$1<v>1</v><v>2</v>"));
        assertThat(ZipEdit.read(f, "xl/worksheets/sheet3.xml")).contains("<v>1</v><v>2</v>");
        bothAgree(f);
    }

    @Test
    void twoSheetsOfOneNameAreDamage() throws Exception {
        Path f = edited(WORKBOOK, xml -> xml.replace("name=\"填报说明\"", "name=\"统计表\""));
        assertThat(new CheckRunner(layout, null, null).run(f).unreadable()).isTrue();
    }
}
