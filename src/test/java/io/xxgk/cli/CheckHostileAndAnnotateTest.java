package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.excel.Annotator;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Reports;
import io.xxgk.testing.Sheets;
import io.xxgk.util.Texts;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckHostileAndAnnotateTest {

    private final Layout layout = Layouts.get("2021");

    @TempDir
    Path dir;

    private Path valid(String name) throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 77L));
        layout.formulas().keySet().forEach(v::remove);
        Path f = dir.resolve(name);
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "测试局")
                .with(IdentityField.YEAR, "2024"), v, f, false);
        return f;
    }

    @Test
    void encryptedTruncatedZipBombAndNonWorkbooksAreUnreadableWithAReason() throws Exception {
        Path good = valid("good.xlsx");
        Path truncated = dir.resolve("truncated.xlsx");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path encrypted = dir.resolve("encrypted.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs); var in = Files.newInputStream(good)) {
                in.transferTo(os);
            }
            try (FileOutputStream out = new FileOutputStream(encrypted.toFile())) {
                fs.writeFilesystem(out);
            }
        }
        Path bomb = dir.resolve("bomb.xlsx");
        // Our workbook with one sheet's XML padded to 64 MiB of spaces: a tiny file that inflates 1000-fold.
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb));
             ZipInputStream src = new ZipInputStream(Files.newInputStream(good))) {
            for (ZipEntry e = src.getNextEntry(); e != null; e = src.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = src.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData");
                    zip.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
            }
        }
        Path text = dir.resolve("notes.xls");
        Files.writeString(text, "这不是工作簿");
        Cli.Result r = Cli.run("check", good.toString(), truncated.toString(), encrypted.toString(),
                bomb.toString(), text.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("✓ 通过  " + good);
        for (Path p : new Path[] {truncated, encrypted, bomb, text}) {
            assertThat(r.out()).contains("✗ 无法读取  " + p);
        }
        assertThat(r.out()).contains("文件已加密", "疑似压缩炸弹", "不是 Excel 工作簿", "文件损坏或不完整");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void annotateWritesARedCellWithItsCommentAndAListButNeverTouchesTheInput() throws Exception {
        Path f = valid("agency.xlsx");
        String cellA1;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            Cell c = Sheets.named(wb, "requests.carried_out.business");
            cellA1 = c.getAddress().formatAsString();
            c.setCellValue(c.getNumericCellValue() + 3);
            try (FileOutputStream out = new FileOutputStream(f.toFile())) {
                wb.write(out);
            }
        }
        String before = sha(f);
        Path out = dir.resolve("退回");
        Cli.Result r = Cli.run("check", f.toString(), "--annotate", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(sha(f)).as("input unchanged").isEqualTo(before);
        Path copy = out.resolve("agency-问题标注.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(copy))) {
            Cell c = wb.getSheet("统计表").getRow(Sheets.named(wb, "requests.carried_out.business").getRowIndex())
                    .getCell(Sheets.named(wb, "requests.carried_out.business").getColumnIndex());
            assertThat(c.getAddress().formatAsString()).isEqualTo(cellA1);
            assertThat(c.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(c.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
            assertThat(c.getCellComment().getString().getString()).contains("T3-BAL", "相差");
            var list = wb.getSheet(Annotator.ISSUES_SHEET);
            assertThat(list.getRow(0).getCell(3).getStringCellValue()).isEqualTo("项目");
            assertThat(list.getPaneInformation().isFreezePane()).isTrue();
            assertThat(list.getPrintSetup().getLandscape()).isTrue();
            assertThat(list.getLastRowNum()).isGreaterThanOrEqualTo(1);
            boolean linked = false;
            for (var row : list) {
                Cell where = row.getCell(2);
                if (where != null && where.getStringCellValue().equals("统计表!" + cellA1)) {
                    linked = where.getHyperlink() != null && where.getHyperlink().getAddress().contains(cellA1);
                    // The official label leads, the key comes last, as in the summary's 问题清单.
                    assertThat(row.getCell(3).getStringCellValue()).contains("四、结转下年度继续办理", "商业企业");
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo("requests.carried_out.business");
                }
            }
            assertThat(linked).as("问题清单 links to 统计表!" + cellA1).isTrue();
        }
    }

    @Test
    void aMissingInputIsSaidToBeMissingNotCorrupt() throws Exception {
        Cli.Result r = Cli.run("check", dir.resolve("没有这个文件.xlsx").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("文件不存在").doesNotContain("损坏");
    }

    @Test
    void twoInputsOfOneNameInTwoFoldersGetTwoAnnotatedCopies() throws Exception {
        Path a = Files.createDirectories(dir.resolve("甲"));
        Path b = Files.createDirectories(dir.resolve("乙"));
        Files.copy(Path.of("examples/2023/福州市长乐区财政局.xlsx"), a.resolve("财政局.xlsx"));
        Files.copy(Path.of("examples/2023/福州市长乐区财政局.xlsx"), b.resolve("财政局.xlsx"));
        Path out = dir.resolve("退回");
        Cli.Result r = Cli.run("check", a.toString(), b.toString(), "--annotate", out.toString());
        assertThat(r.code()).isEqualTo(1);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("财政局-问题标注-2.xlsx", "财政局-问题标注.xlsx");
        }
    }

    @Test
    void theCopiesOfAnEarlierRunInsideTheInputFolderAreNotCheckedAgain() throws Exception {
        Path in = Files.createDirectories(dir.resolve("报表"));
        Files.copy(Path.of("examples/2023/福州市长乐区财政局.xlsx"), in.resolve("财政局.xlsx"));
        Path out = in.resolve("退回");
        assertThat(Cli.run("check", in.toString(), "--annotate", out.toString()).code()).isEqualTo(1);
        Cli.Result again = Cli.run("check", in.toString(), "--annotate", out.toString(), "--format", "json");
        assertThat(again.err()).contains("未检查", "退回");
        assertThat(new ObjectMapper().readTree(again.out())).hasSize(1);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("财政局-问题标注.xlsx");
        }
    }

    @Test
    void annotatingAPublishedReportSaysToImportItInsteadOfFailing() throws Exception {
        Path report = dir.resolve("报告.txt");
        Files.copy(Path.of("src/test/resources/seeds/000.txt"), report);
        Path out = dir.resolve("退回");
        Cli.Result r = Cli.run("check", report.toString(), "--annotate", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("xxgk import");
        assertThat(r.out()).contains("TXT-GRANTED");
    }

    /** Regression: 4,000 nested elements overflowed the stack and ended the whole run (exit 70). */
    @Test
    void aDeeplyNestedPageDoesNotEndTheRun() throws Exception {
        Path deep = dir.resolve("deep.html");
        Files.writeString(deep, "<html><body>" + "<div>".repeat(4000) + "x" + "</div>".repeat(4000) + "</body></html>");
        Path good = valid("good.xlsx");
        Cli.Result r = Cli.run("check", deep.toString(), good.toString());
        assertThat(r.code()).as(r.err()).isIn(1, 3);
        assertThat(r.out()).contains("deep.html").contains("✓ 通过  " + good);
    }

    /** Regression: the e-mail validator took 18 s on "a@" × 20,000 (its time grows with the square). */
    @Test
    void anOverlongIdentityFieldIsAFindingWithAShortMessage() throws Exception {
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 78L));
        layout.formulas().keySet().forEach(v::remove);
        Path f = dir.resolve("long.xlsx");
        new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, "测试局").with(IdentityField.YEAR, "2024")
                .with(IdentityField.EMAIL, "a@".repeat(16_000)), v, f, false);
        Cli.Result r = Cli.run("check", f.toString());
        assertThat(r.out()).contains("ID-FORMAT").contains("电子邮箱");
        assertThat(r.out().length()).isLessThan(2000);
    }

    /** Regression: names with newlines and escape sequences were printed raw (forged lines, a cleared screen). */
    @Test
    void namesFromFilesCannotForgeLinesOrMoveTheCursor() throws Exception {
        String forged = "测试局\n已汇总 999/999 个文件\u001B[2J\u202E";
        Map<String, BigDecimal> v = new HashMap<>(Reports.valid(layout, 79L));
        layout.formulas().keySet().forEach(v::remove);
        for (String n : new String[] {"a.xlsx", "b.xlsx"}) {
            new TemplateWriter(layout).write(Identity.empty().with(IdentityField.NAME, forged)
                    .with(IdentityField.YEAR, "2024"), v, dir.resolve("in").resolve(n), false);
        }
        Cli.Result r = Cli.run("merge", dir.resolve("in").toString(), "-o", dir.resolve("s.xlsx").toString());
        assertThat(r.err()).contains("M-SAME").contains("测试局\\u000A已汇总").doesNotContain("\u001B").doesNotContain("\u202E");
        assertThat(Texts.printable("甲\u001B[2J\u200B乙\r")).isEqualTo("甲\\u001B[2J\\u200B乙\\u000D");
        assertThat(r.err().lines()).noneMatch(l -> l.startsWith("已汇总 999/999"));

        Path roster = dir.resolve("名单.csv");
        Files.writeString(roster, "单位名称\n甲\u202Exslx.exe\n");
        Path out = dir.resolve("模板");
        assertThat(Cli.run("template", "--roster", roster.toString(), "--out-dir", out.toString(), "--year", "2024").code())
                .isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("甲xslx.exe.xlsx");
        }
    }

    /** Regression: POI's English text leaked for an empty file and for a ~$ lock file named directly. */
    @Test
    void anEmptyFileAndALockFileAreSaidInPlainWords() throws Exception {
        Path empty = Files.createFile(dir.resolve("空.xlsx"));
        Path lock = Files.writeString(dir.resolve("~$甲局.xlsx"), "");
        Cli.Result r = Cli.run("check", empty.toString(), lock.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("文件是空的").contains("锁定文件").doesNotContain("supplied file");
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
