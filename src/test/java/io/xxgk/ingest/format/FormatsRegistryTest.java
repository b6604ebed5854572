package io.xxgk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Sheets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry of formats: what the README promises, and each file told by its content before its name. */
class FormatsRegistryTest {

    @TempDir
    Path dir;

    @Test
    void theReadmesTableListsTheRegistry() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("<!-- formats"), readme.indexOf("<!-- /formats -->"));
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length > 2 && cells[1].strip().startsWith("`")) {
                documented.put(cells[1].strip().replace("`", ""), cells[2].strip().replace("`", ""));
            }
        }
        Map<String, String> registered = new LinkedHashMap<>();
        for (InputFormat f : Formats.ALL) {
            registered.put(f.id(), String.join(" ", f.extensions()));
        }
        assertThat(documented).containsExactlyEntriesOf(registered);
    }

    @Test
    void aFileIsToldByItsContentFirstAndItsNameSecond() throws Exception {
        Path xlsx = dir.resolve("a.xlsx");
        new TemplateWriter(Layouts.defaultLayout()).write(Identity.empty().with(IdentityField.NAME, "甲"),
                Sheets.randomInputs(Layouts.defaultLayout(), 1), xlsx, false);
        Path bare = Files.copy(xlsx, dir.resolve("没有扩展名"));
        Path renamed = Files.copy(xlsx, dir.resolve("改名.xls"));
        Path pdfAsTxt = Files.write(dir.resolve("报告.txt"), "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1));
        Path html = Files.writeString(dir.resolve("页面"), "<!DOCTYPE html><html><body><table></table></body></html>");
        Path text = Files.writeString(dir.resolve("报告"), "某某局2023年政府信息公开工作年度报告\n");
        Path csv = Files.writeString(dir.resolve("名单.csv"), "单位名称\n甲\n");
        Path empty = Files.write(dir.resolve("空.xlsx"), new byte[0]);
        assertThat(Formats.of(bare).id()).isEqualTo("xlsx");
        assertThat(Formats.of(renamed).id()).as("an .xlsx named .xls").isEqualTo("xlsx");
        assertThat(Formats.of(pdfAsTxt).id()).isEqualTo("pdf");
        assertThat(Formats.of(html).id()).isEqualTo("html");
        assertThat(Formats.of(text).id()).isEqualTo("text");
        assertThat(Formats.of(csv)).as("another format's ending: not ours").isNull();
        assertThat(Formats.of(empty).id()).as("nothing to tell by: the name").isEqualTo("xlsx");
        // An OLE2 file is told by its streams whatever its name: a BIFF workbook saved as .wps or .doc.
        Path xls = Path.of("src/test/resources/writers/gnumeric-hand.xls");
        assertThat(Formats.of(Files.copy(xls, dir.resolve("报告.wps"))).id()).isEqualTo("xls");
        assertThat(Formats.of(Files.copy(xls, dir.resolve("某局.et"))).id()).isEqualTo("xls");
        assertThat(Formats.of(Files.copy(xls, dir.resolve("某局"))).id()).isEqualTo("xls");
        assertThat(Formats.takes(csv)).isFalse();
        assertThat(Formats.takes(bare)).isTrue();
    }
}
