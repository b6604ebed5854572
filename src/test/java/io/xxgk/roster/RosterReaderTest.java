package io.xxgk.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xxgk.schema.IdentityField;
import io.xxgk.util.UserException;
import java.io.FileOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterReaderTest {

    @TempDir
    Path dir;

    static final String CSV = """
            单位名称,统一社会信用代码,行政区划代码,上级单位
            福州市长乐区人民政府办公室,914403001922038216,350112,福州市长乐区
            ,,350112,
            坏代码局,914403001922038217,350112,
            坏区划局,,99011,
            福州市长乐区人民政府办公室,,350112,

            福州市长乐区工业和信息化局,,350112,福州市长乐区
            """;

    @Test
    void readsGoodRowsAndNamesEachBadRowWithItsNumber() throws Exception {
        Path f = dir.resolve("名单.csv");
        Files.writeString(f, "\uFEFF" + CSV, StandardCharsets.UTF_8);
        Roster r = RosterReader.read(f);
        assertThat(r.entries()).extracting(e -> e.identity().get(IdentityField.NAME).orElseThrow())
                .containsExactly("福州市长乐区人民政府办公室", "福州市长乐区工业和信息化局");
        assertThat(r.entries().get(0).identity().get(IdentityField.CREDIT_CODE)).contains("914403001922038216");
        assertThat(r.entries().get(1).row()).isEqualTo(8);
        assertThat(r.problems()).extracting(RosterProblem::row, RosterProblem::messageKey).containsExactly(
                Tuple.tuple(3, "roster.noName"),
                Tuple.tuple(4, "roster.badCredit"),
                Tuple.tuple(5, "roster.badRegion"),
                Tuple.tuple(6, "roster.duplicate"));
    }

    @Test
    void readsGb18030AsExcelOnChineseWindowsSavesIt() throws Exception {
        Path f = dir.resolve("gbk.csv");
        Files.write(f, "单位名称\n上杭县人民政府办公室\n".getBytes(Charset.forName("GB18030")));
        assertThat(RosterReader.read(f).entries()).extracting(e -> e.identity().get(IdentityField.NAME).orElseThrow())
                .containsExactly("上杭县人民政府办公室");
    }

    @Test
    void readsAnXlsxRosterWithATitleRowAndSpacedHeaders() throws Exception {
        Path f = dir.resolve("名单.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("名单");
            s.createRow(0).createCell(0).setCellValue("2024年报送名单");
            XSSFRow head = s.createRow(2);
            head.createCell(0).setCellValue("序号");
            head.createCell(1).setCellValue("单 位 名 称");
            head.createCell(2).setCellValue("行政区划代码");
            XSSFRow row = s.createRow(3);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("=HYPERLINK(\"http://x\")");
            row.createCell(2).setCellValue(350503);
            try (FileOutputStream out = new FileOutputStream(f.toFile())) {
                wb.write(out);
            }
        }
        Roster r = RosterReader.read(f);
        assertThat(r.entries()).hasSize(1);
        assertThat(r.entries().get(0).identity().get(IdentityField.NAME)).contains("=HYPERLINK(\"http://x\")");
        assertThat(r.entries().get(0).identity().get(IdentityField.REGION_CODE)).contains("350503");
        assertThat(r.entries().get(0).row()).isEqualTo(4);
    }

    @Test
    void aRosterWithoutTheNameColumnOrUnreadableIsAUserError() throws Exception {
        Path noHeader = dir.resolve("x.csv");
        Files.writeString(noHeader, "名称,代码\nA,B\n");
        assertThatThrownBy(() -> RosterReader.read(noHeader)).isInstanceOf(UserException.class)
                .satisfies(e -> assertThat(((UserException) e).exitCode()).isEqualTo(3));
        Path garbage = dir.resolve("x.xlsx");
        Files.writeString(garbage, "not a workbook");
        assertThatThrownBy(() -> RosterReader.read(garbage)).isInstanceOf(UserException.class);
        assertThatThrownBy(() -> RosterReader.read(dir.resolve("missing.csv"))).isInstanceOf(UserException.class);
    }
}
