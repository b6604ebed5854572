package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.testing.Cli;
import io.xxgk.testing.Sheets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    static Cli.Result run(String... args) {
        return Cli.run(args);
    }

    @Test
    void helpIsChineseByDefaultAndEnglishWithLangEn() {
        Cli.Result zh = run("--help");
        assertThat(zh.code()).isZero();
        assertThat(zh.out()).contains("用法", "退出码", "template", "schema");
        Cli.Result en = run("template", "--help", "--lang", "en");
        assertThat(en.code()).isZero();
        assertThat(en.out()).contains("Usage", "--roster").doesNotContain("用法");
        assertThat(run("--version").out()).startsWith("xxgk ");
    }

    @Test
    void writesATemplateAndRefusesToOverwriteWithoutForce() throws Exception {
        Path t = dir.resolve("统计表.xlsx");
        Cli.Result r = run("template", "-o", t.toString(), "--agency", "测试局", "--year", "2024");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("已生成模板");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(t))) {
            assertThat(Sheets.named(wb, "info.name").getStringCellValue()).isEqualTo("测试局");
        }
        Cli.Result again = run("template", "-o", t.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("错误：", "已存在", "--force").doesNotContain("Exception");
        assertThat(run("template", "-o", t.toString(), "--force").code()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").hasSize(1);
        }
    }

    @Test
    void badOptionsAreUsageErrorsWithOneLineMessages() {
        Cli.Result year = run("template", "-o", dir.resolve("a.xlsx").toString(), "--year", "24");
        assertThat(year.code()).isEqualTo(2);
        assertThat(year.err()).contains("报告年度“24”不正确");
        Cli.Result code = run("template", "-o", dir.resolve("a.xlsx").toString(), "--credit-code", "914403001922038217",
                "--lang", "en");
        assertThat(code.code()).isEqualTo(2);
        assertThat(code.err()).contains("Credit code").doesNotContain("at io.xxgk");
        assertThat(run("template").code()).isEqualTo(2);
        assertThat(run("template", "-o", "x.xls").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("--lang", "fr", "--help").code()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("a.xlsx"))).isFalse();
        Cli.Result empty = run("import", dir.toString(), "--format", "json");
        assertThat(empty.code()).isEqualTo(3);
        assertThat(empty.err()).contains(dir.toString(), ".pdf");
    }

    /** Regression: a read-me in a folder of reports gave five errors (three tables, name, year) and import wrote an empty workbook. */
    @Test
    void aFileWithoutAnyTableIsSaidToBeNoReportInOneLineAndNotImported() throws Exception {
        Path readme = dir.resolve("说明.txt");
        Files.writeString(readme, "请各单位于 1 月 31 日前报送年度报告。\n联系人：张三\n");
        Cli.Result check = run("check", readme.toString());
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("错误 1 个", "没有找到任何一张统计表").doesNotContain("ID-REQUIRED");
        Path out = dir.resolve("导入");
        Cli.Result imported = run("import", readme.toString(), "-o", out.toString());
        assertThat(imported.err()).contains("未导入");
        assertThat(out.resolve("说明.xlsx")).doesNotExist();
        // A report whose tables are found but no name is given still says what is missing.
        Cli.Result seed = run("check", "src/test/resources/seeds/000.txt");
        assertThat(seed.out()).contains("ID-REQUIRED").doesNotContain("没有找到任何一张统计表");
    }

    @Test
    void rosterWritesOneWorkbookPerAgencyAndNamesBadRows() throws Exception {
        Path roster = dir.resolve("名单.csv");
        Files.writeString(roster, """
                单位名称,统一社会信用代码,行政区划代码,上级单位
                甲局,,350112,某区
                乙/局,,350112,某区
                ,,350112,
                """);
        Path out = dir.resolve("模板");
        Cli.Result r = run("template", "--roster", roster.toString(), "--out-dir", out.toString(), "--year", "2024");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("第 4 行", "缺少单位名称", "已按名单生成 2 份模板");
        assertThat(out.resolve("甲局.xlsx")).exists();
        assertThat(out.resolve("乙_局.xlsx")).exists();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("乙_局.xlsx")))) {
            assertThat(Sheets.named(wb, "info.name").getStringCellValue()).isEqualTo("乙/局");
            assertThat(Sheets.named(wb, "info.parent").getStringCellValue()).isEqualTo("某区");
            assertThat(Sheets.named(wb, "info.year").getNumericCellValue()).isEqualTo(2024.0);
        }
        Cli.Result again = run("template", "--roster", roster.toString(), "--out-dir", out.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("已存在");
    }

    @Test
    void schemaListsEveryKeyAsTextAndJson() throws Exception {
        Cli.Result text = run("schema");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("requests.denied_third_party.nonprofit", "4.保护第三方合法权益", "共 200 个");
        Cli.Result json = run("schema", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("layout").asText()).isEqualTo("2021");
        assertThat(root.get("cells")).hasSize(200);
        assertThat(root.get("cells").get(9).get("type").asText()).isEqualTo("amount");
        assertThat(run("schema", "--layout", "1999").code()).isEqualTo(2);
    }
}
