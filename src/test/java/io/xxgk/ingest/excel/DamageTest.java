package io.xxgk.ingest.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Reports;
import io.xxgk.testing.ZipEdit;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: damaged workbooks passed as clean (a flipped digit read as another number, two parts of one name). */
class DamageTest {

    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    /** Our template holding 987654 in one typed cell, every part stored (not deflated), so its bytes can be patched. */
    private byte[] stored(String renameSheet) throws Exception {
        return stored(renameSheet, 0);
    }

    /** As {@link #stored(String)}, with {@code padding} spaces after the sheet's rows (a sheet read by StAX past 4 MiB). */
    private byte[] stored(String renameSheet, int padding) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 808));
        layout.formulas().keySet().forEach(v::remove);
        String key = layout.cells().stream().map(c -> c.key()).filter(k -> !layout.formulas().containsKey(k))
                .findFirst().orElseThrow();
        v.put(key, new BigDecimal("987654"));
        Path f = dir.resolve("deflated.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "甲局").with(IdentityField.YEAR, "2023"),
                v, f, true);
        Path out = dir.resolve("stored.xlsx");
        try (ZipFile in = new ZipFile(f.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (padding > 0 && e.getName().equals("xl/worksheets/sheet3.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("</sheetData>", " ".repeat(padding) + "</sheetData>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                ZipEdit.putStored(z, e.getName(), bytes);
                if (renameSheet != null && e.getName().equals("xl/worksheets/sheet3.xml")) {
                    ZipEdit.putStored(z, renameSheet, bytes);
                }
            }
        }
        return Files.readAllBytes(out);
    }

    private static byte[] replaceAll(byte[] in, String from, String to) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private void assertDamaged(Path f) {
        CheckResult r = new CheckRunner(layout, null, null).run(f);
        assertThat(r.unreadable()).as("%s", r.findings()).isTrue();
        assertThat(r.findings().get(0).message()).contains("损坏");
        Assertions.assertThatThrownBy(() -> new WorkbookReader(layout).readFully(f))
                .isInstanceOf(UnreadableException.class).hasMessageContaining("损坏");
    }

    @Test
    void theStoredFileReadsCleanBeforeItIsDamaged() throws Exception {
        Path f = Files.write(dir.resolve("ok.xlsx"), stored(null));
        CheckResult r = new CheckRunner(layout, null, null).run(f);
        assertThat(r.unreadable()).isFalse();
        assertThat(r.values()).containsValue(new BigDecimal("987654"));
    }

    @Test
    void aPartWhoseBytesAreNotThoseWrittenIsDamageNotAnotherNumber() throws Exception {
        byte[] bytes = replaceAll(stored(null), "987654", "987659");
        assertDamaged(Files.write(dir.resolve("flipped.xlsx"), bytes));
    }

    @Test
    void aLargeSheetReadByStaxIsCheckedToItsEndToo() throws Exception {
        byte[] ok = stored(null, 5 << 20);
        Path clean = Files.write(dir.resolve("large-ok.xlsx"), ok);
        assertThat(new CheckRunner(layout, null, null).run(clean).values()).containsValue(new BigDecimal("987654"));
        assertDamaged(Files.write(dir.resolve("large-flipped.xlsx"), replaceAll(ok, "987654", "987659")));
    }

    @Test
    void twoPartsOfOneNameAreDamage() throws Exception {
        // A twin part sheet9.xml, renamed in the zip's headers to sheet3.xml: two parts of one name.
        byte[] bytes = replaceAll(stored("xl/worksheets/sheet9.xml"), "xl/worksheets/sheet9.xml", "xl/worksheets/sheet3.xml");
        assertDamaged(Files.write(dir.resolve("twins.xlsx"), bytes));
    }

    @Test
    void aCellPointingPastTheSharedStringsIsDamageNotABlank() throws Exception {
        Path f = Files.write(dir.resolve("ok.xlsx"), stored(null));
        // B3 of 基本信息 holds the agency name as a shared string.
        Path broken = ZipEdit.rewrite(f, dir.resolve("past.xlsx"), "xl/worksheets/sheet2.xml",
                xml -> xml.replaceFirst("(<c r=\"B3\"[^>]*t=\"s\"[^>]*><v>)\\d+(</v>)", "$199999$2"));
        assertThat(ZipEdit.read(broken, "xl/worksheets/sheet2.xml")).contains("<v>99999</v>");
        assertDamaged(broken);
    }

    /** Regression: bombs whose zip directory states a small size passed the ratio check. */
    @Test
    void aPartThatInflatesFarPastTheSizeItStatesIsABomb() throws Exception {
        Path base = Files.write(dir.resolve("ok.xlsx"), stored(null));
        Path bomb = dir.resolve("bomb.xlsx");
        String sheet = "xl/worksheets/sheet3.xml";
        try (ZipFile in = new ZipFile(base.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                z.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(sheet)) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    z.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 160; i++) { // 160 MiB of spaces inside sheetData
                        z.write(spaces);
                    }
                    z.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    z.write(bytes);
                }
                z.closeEntry();
            }
        }
        // The central directory now states 4,096 bytes for the sheet.
        byte[] zip = Files.readAllBytes(bomb);
        byte[] name = sheet.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        boolean patched = false;
        for (int at = 0; at + 46 < zip.length; at++) {
            if (b.getInt(at) == 0x02014b50 && b.getShort(at + 28) == name.length
                    && Arrays.equals(zip, at + 46, at + 46 + name.length, name, 0, name.length)) {
                b.putInt(at + 24, 4096);
                patched = true;
            }
        }
        assertThat(patched).isTrue();
        Files.write(bomb, zip);
        try (ZipFile z = new ZipFile(bomb.toFile())) {
            assertThat(z.getEntry(sheet).getSize()).isEqualTo(4096);
        }
        CheckResult r = new CheckRunner(layout, null, null).run(bomb);
        assertThat(r.unreadable()).isTrue();
        Assertions.assertThatThrownBy(() -> new WorkbookReader(layout).readFully(bomb))
                .isInstanceOf(UnreadableException.class);
    }
}
