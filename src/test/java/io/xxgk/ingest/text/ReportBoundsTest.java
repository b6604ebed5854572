package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.schema.Layouts;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded work for published reports (regressions: a small PDF holding 100 MB of operators took 30 s; a 19 MB .txt ran out of memory under -Xmx256m). */
class ReportBoundsTest {

    @TempDir
    Path dir;

    @Test
    void aSmallPdfWithHugePageContentIsRefusedBeforeItsTextIsExtracted() throws Exception {
        Path pdf = dir.resolve("huge.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream content = new PDStream(doc);
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] ops = "BT ET\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 100; i++) { // 39 MB of operators
                    out.write(ops);
                }
            }
            page.setContents(content);
            doc.save(pdf.toFile());
        }
        assertThat(Files.size(pdf)).isLessThan(1 << 20);
        CheckResult r = new CheckRunner(Layouts.get("2021"), null, null).run(pdf);
        assertThat(r.unreadable()).isTrue();
        assertThat(r.findings().get(0).message()).contains("过大").contains("MiB");
    }

    @Test
    void aTextOfMillionsOfCharactersIsRefusedBeforeItsTablesAreSearched() throws Exception {
        Path txt = dir.resolve("big.txt");
        Files.writeString(txt, ("一二三四五六七八九十".repeat(100) + "\n").repeat(2_500));
        CheckResult r = new CheckRunner(Layouts.get("2021"), null, null).run(txt);
        assertThat(r.unreadable()).isTrue();
        assertThat(r.findings().get(0).message()).contains("过大").contains("characters");
    }
}
