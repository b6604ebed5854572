package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.schema.IdentityField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agency and year of a published report, from every title shape PUBLISHED.md lists, the body, the file name. */
class ReportIdentityTest {

    private static ReportIdentity of(String text, String file) {
        return ReportIdentity.of(Tokenizer.lines(text), file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "淮安市洪泽区人民政府\\n2024 年政府信息公开工作年度报告 | 淮安市洪泽区人民政府 | 2024",
        "2024 年上海市科委政府信息公开工作\\n年度报告 | 上海市科委 | 2024",
        "2022年上海市政府信息公开工作年度报告 | 上海市 | 2022",
        "福州市某某局2019年度政府信息公开工作年度报告 | 福州市某某局 | 2019",
        "福州市某某局2020年政府信息公开年度报告 | 福州市某某局 | 2020",
        "沐阳县人民政府 2021 年政府信息公开工作年度报告 | 沐阳县人民政府 | 2021",
        "索引号：123\\n发布机构：泉州市丰泽区人民政府办公室\\n来源：本网 时间：2024-01-20\\n2023 年政府信息公开工作年度报告 | 泉州市丰泽区人民政府办公室 | 2023",
        "福州市仓山区财政局政府信息公开工作年度报告（2023年度） | 福州市仓山区财政局 | 2023",
        "某某市生态环境局政府信息公开工作年度报告(2022年) | 某某市生态环境局 | 2022",
        "# **泉州市某某局2023年政府信息公开工作年度报告** | 泉州市某某局 | 2023",
        "关于转发鲤城区 2023年政府信息公开工作年度报告的通知 | 鲤城区 | 2023",
        "福州市仓山区财政局关于2023年政府信息公开工作年度报告 | 福州市仓山区财政局 | 2023",
        "福州市仓山区财政局 2023年政务公开工作年度报告 | 福州市仓山区财政局 | 2023",
        "福州市仓山区财政局2023年政府信息公开年报 | 福州市仓山区财政局 | 2023",
        "福州市仓山区财政局\\n2023年度政府信息公开工作\\n年度报告\\n一、总体情况 | 福州市仓山区财政局 | 2023",
        "上杭县人民政府办公室2023年政府信息公开工作年度报告_上杭县人民政府 | 上杭县人民政府办公室 | 2023",
        "上杭县人民政府办公室2023年政府信息公开工作年度报告 发布时间：2024-01-20 | 上杭县人民政府办公室 | 2023",
        "当前位置：首页 > 政务公开 > 上杭县人民政府办公室2023年政府信息公开工作年度报告 | 上杭县人民政府办公室 | 2023",
        "关于上杭县人民政府办公室2023年政府信息公开工作年度报告的通知 | 上杭县人民政府办公室 | 2023",
        "福州市仓山区财政局\\n\\n政府信息公开工作年度报告\\n（2023年度） | 福州市仓山区财政局 | 2023",
    })
    void titleShapes(String text, String agency, String year) {
        ReportIdentity id = of(text.replace("\\n", "\n"), "报告.pdf");
        assertThat(id.identity().get(IdentityField.NAME)).contains(agency);
        assertThat(id.identity().get(IdentityField.YEAR)).contains(year);
        assertThat(id.problems()).isEmpty();
    }

    @Test
    void theBodySaysWhoWroteItAndForWhichPeriodWhenTheTitleDoesNot() {
        String text = "一、总体情况\n本报告由淮安市洪泽区人民政府办公室根据《中华人民共和\n国政府信息公开条例》要求编制此报告。报告中所列数据统计期限自 2024 年 1 月 1 日\n起至 2024 年 12 月 31 日止。";
        ReportIdentity id = of(text, "x.pdf");
        assertThat(id.identity().get(IdentityField.NAME)).contains("淮安市洪泽区人民政府办公室");
        assertThat(id.identity().get(IdentityField.YEAR)).contains("2024");
        assertThat(id.cells().get(IdentityField.YEAR.id()).a1()).isEqualTo("第3行");
    }

    /**
     * A narrative sentence that mentions a report (举办上杭县2023年度…年度报告编制工作会议) names no
     * agency: the words before it were taken as one ("举办上杭县"), silently. The period of the
     * statistics (统计时限, as seed 002 says) gives the year.
     */
    @Test
    void aSentenceAboutTheReportNamesNoAgency() {
        String text = "一、总体情况\n二是安排部署年度报告编制培训工作。举办上杭县2023年度政府信息公开工作年度报告编制工作会议。\n"
                + "所列数据的统计时限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日。";
        ReportIdentity id = of(text, "x.txt");
        assertThat(id.identity().get(IdentityField.NAME)).isEmpty();
        assertThat(id.identity().get(IdentityField.YEAR)).contains("2023");
        String notice = "一、总体情况\n按照市里印发《关于做好2023年度政府信息公开工作年度报告编制工作的通知》要求编制。";
        assertThat(of(notice, "x.txt").identity().get(IdentityField.NAME)).isEmpty();
    }

    @Test
    void aYearWithoutAnAgencyInATitleLineIsNoAgencyCalled政府() {
        ReportIdentity id = of("2024 年政府信息公开工作年度报告\n一、总体情况", "x.txt");
        assertThat(id.identity().get(IdentityField.NAME)).isEmpty();
    }

    @Test
    void theFileNameIsTheLastResortAndSaysSo() {
        ReportIdentity id = of("一、总体情况\n无标题。", "/报告/淮安市洪泽区人民政府-2024.pdf");
        assertThat(id.identity().get(IdentityField.NAME)).contains("淮安市洪泽区人民政府");
        assertThat(id.identity().get(IdentityField.YEAR)).contains("2024");
        assertThat(id.problems()).singleElement().satisfies(f ->
                assertThat(f.messageKey()).isEqualTo("finding.identityFromFileName"));
        // A file name that names no agency gives nothing.
        for (String name : List.of("报告.txt", "000_66c965fdd7d35467.txt", "年报2024.pdf")) {
            assertThat(of("一、总体情况", name).identity().get(IdentityField.NAME)).as(name).isEmpty();
        }
    }
}
