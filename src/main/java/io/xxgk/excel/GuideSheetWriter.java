package io.xxgk.excel;

import io.xxgk.util.DisplayWidth;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Writes the sheet 填报说明: how to fill in, and the checks in plain Chinese. */
final class GuideSheetWriter {

    private static final List<String> LINES = load();

    private GuideSheetWriter() {
    }

    /** Characters a line: the column fits an A4 page at full size (LibreOffice printed a wider one cut off). */
    static final int WIDTH = 70;

    static void write(XSSFSheet sheet, Styles styles) {
        sheet.setColumnWidth(0, WIDTH * 256);
        int r = 0;
        for (String line : LINES) {
            boolean heading = line.startsWith("## ");
            String text = heading ? line.substring(3) : line;
            StatsSheetWriter.cell(sheet, r, 0, text, heading ? Styles.Kind.TEXT_BOLD : Styles.Kind.TEXT, styles);
            int lines = Math.max(1, (int) Math.ceil(DisplayWidth.of(text) * 1.2 / (WIDTH - 2)));
            StatsSheetWriter.row(sheet, r).setHeightInPoints(lines * 17f + 3f);
            r++;
        }
        sheet.enableLocking();
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        // One page: at full size only a few lines ran over onto a second.
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 1);
    }

    private static List<String> load() {
        try (InputStream in = GuideSheetWriter.class.getResourceAsStream("guide.txt")) {
            if (in == null) {
                throw new IllegalStateException("guide.txt missing from the jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("# "))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
