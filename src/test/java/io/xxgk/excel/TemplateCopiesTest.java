package io.xxgk.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.LibreOffice;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates copied from one built workbook hold what the writer writes for each agency. */
class TemplateCopiesTest {

    @TempDir
    Path dir;

    private final TemplateWriter writer = new TemplateWriter(Layouts.defaultLayout());

    private static Map<String, String> parts(Path xlsx) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().equals("docProps/core.xml")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    static List<Identity> agencies() {
        Identity base = Identity.empty().with(IdentityField.YEAR, "2024");
        return List.of(
                base.with(IdentityField.NAME, "福州市长乐区教育局").with(IdentityField.REGION_CODE, "350112")
                        .with(IdentityField.PARENT, "福州市长乐区"),
                base.with(IdentityField.NAME, "某某县人民政府办公室（县政务公开办）").with(IdentityField.REGION_CODE, "350823")
                        .with(IdentityField.PARENT, "某某市"),
                base.with(IdentityField.NAME, "R&D <中心>").with(IdentityField.REGION_CODE, "350112")
                        .with(IdentityField.PARENT, "福州市长乐区"),
                Identity.empty().with(IdentityField.NAME, "无年度的单位"),
                base.with(IdentityField.NAME, "泉州市鲤城区人民政府").with(IdentityField.CREDIT_CODE, "11350502003637283T"));
    }

    @Test
    void everyCopyHoldsWhatTheWriterWritesPartByPart() throws Exception {
        TemplateCopies copies = new TemplateCopies(writer, Map.of());
        int i = 0;
        for (Identity id : agencies()) {
            Path copy = dir.resolve("copy" + i + ".xlsx");
            Path made = dir.resolve("made" + i + ".xlsx");
            copies.write(id, copy, false);
            assertThat(copies.copies(id)).as("copied, not written by the writer: " + id).isTrue();
            writer.write(id, Map.of(), made, false);
            assertThat(parts(copy)).as(id.toString()).isEqualTo(parts(made));
            CheckResult r = new CheckRunner(Layouts.defaultLayout(), null, null).run(copy);
            assertThat(r.identity()).as(id.toString()).isEqualTo(id);
            i++;
        }
    }

    @Test
    void libreOfficeOpensACopyAndKeepsItsIdentity() throws Exception {
        Identity id = agencies().get(0);
        Path copy = dir.resolve("copy.xlsx");
        new TemplateCopies(writer, Map.of()).write(id, copy, false);
        Path resaved = LibreOffice.convert(copy, "xlsx:Calc MS Excel 2007 XML", dir.resolve("lo"));
        CheckResult r = new CheckRunner(Layouts.defaultLayout(), null, null).run(resaved);
        assertThat(r.identity().get(IdentityField.NAME)).contains("福州市长乐区教育局");
        assertThat(r.identity().get(IdentityField.PARENT)).contains("福州市长乐区");
        assertThat(r.findings()).extracting(f -> f.rule()).containsOnly("VAL-EMPTY");
    }
}
