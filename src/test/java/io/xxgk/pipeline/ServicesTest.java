package io.xxgk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xxgk.excel.SummaryWriter;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.merge.InputStatus;
import io.xxgk.merge.MergeInput;
import io.xxgk.merge.RosterLine;
import io.xxgk.report.MergeReport;
import io.xxgk.schema.Layouts;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.UserException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services as every entry point calls them: typed requests in, typed outcomes out. */
class ServicesTest {

    @TempDir
    Path dir;

    @Test
    void aMergeOfTheExamplesDecidesEveryInputAndWritesTheSummary() throws Exception {
        Path summary = dir.resolve("汇总.xlsx");
        List<String> notes = new ArrayList<>();
        MergeRequest request = new MergeRequest(Inputs.of(List.of(Path.of("examples/2023"))), summary,
                Path.of("examples/roster.csv"), null, Path.of("examples/2022"), false, null, null, null, null, false, List.of(), null, false);
        try (MergeService.Outcome o = MergeService.run(request, new RunListener() {
            @Override
            public void note(String line) {
                notes.add(line);
            }
        })) {
            Map<String, InputStatus> status = new TreeMap<>();
            for (MergeInput in : o.result().inputs()) {
                status.put(Path.of(in.file()).getFileName().toString(), in.status());
            }
            assertThat(status).containsEntry("福州市长乐区财政局.xlsx", InputStatus.REJECTED)
                    .containsEntry("上杭县人民政府办公室.xlsx", InputStatus.MERGED).hasSize(5);
            assertThat(o.result().merged()).isEqualTo(4);
            assertThat(o.result().roster()).filteredOn(l -> l.status() == RosterLine.Status.MISSING)
                    .extracting(l -> l.entry().row()).containsExactly(6);
            assertThat(o.result().findings()).extracting(f -> f.rule()).contains("Y-CARRY", "Y-STOCK", "M-MISSING");
            assertThat(o.written()).isEqualTo(summary);
            assertThat(summary).exists();
            assertThat(o.exitCode()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(o.skipped()).isEmpty();
            assertThat(o.spool().count()).isPositive();
            // A refused file's line names its first error: what to fix, and where.
            StringWriter text = new StringWriter();
            MergeReport.text(o, summary.toString(), new PrintWriter(text));
            assertThat(text.toString()).contains("有错误，未汇总：examples/2023/福州市长乐区财政局.xlsx（福州市长乐区财政局，错误 1 个）\n"
                    + "  错误  T3-BAL  统计表!I47  “自然人”列 一+二 = 7，（七）+四 = 9，相差 2\n");
        }
        // Every row of 问题清单 names its agency, the merge's own rows too (they were blank: filtering by
        // agency missed the Y-CARRY error).
        try (Workbook wb = WorkbookFactory.create(summary.toFile(), null, true)) {
            Sheet issues = wb.getSheet(SummaryWriter.ISSUES);
            Map<String, String> agencyByRule = new TreeMap<>();
            for (int r = 1; r <= issues.getLastRowNum(); r++) {
                Row row = issues.getRow(r);
                String agency = row.getCell(0).getStringCellValue();
                assertThat(agency).as("row %d (%s)", r + 1, row.getCell(5).getStringCellValue()).isNotBlank();
                agencyByRule.putIfAbsent(row.getCell(5).getStringCellValue(), agency);
            }
            assertThat(agencyByRule).containsEntry("M-MISSING", "福州市长乐区教育局")
                    .containsEntry("Y-CARRY", "泉州市鲤城区人民政府").containsEntry("T3-BAL", "福州市长乐区财政局");
        }
    }

    /**
     * merge --annotate: the copies to send back written in the same run, and 退回清单 beside them (it
     * took a second run of check, and nothing listed what to fix per agency).
     */
    @Test
    void aMergeWritesTheCopiesToSendBackAndTheirList() throws Exception {
        Path back = dir.resolve("退回");
        MergeRequest request = new MergeRequest(Inputs.of(List.of(Path.of("examples/2023"))), null, null, null, null,
                false, null, null, null, null, false, List.of(), back, false);
        try (MergeService.Outcome o = MergeService.run(request, RunListener.NONE)) {
            MergeService.Returns returns = o.returns();
            assertThat(returns.list()).isEqualTo(back.resolve("退回清单.xlsx"));
            assertThat(returns.entries()).isNotEmpty();
            var bad = returns.entries().stream().filter(e -> e.agency().equals("福州市长乐区财政局")).findFirst().orElseThrow();
            assertThat(bad.status()).isEqualTo("有错误，未汇总");
            assertThat(bad.firstProblem()).isEqualTo("统计表!I47：“自然人”列 一+二 = 7，（七）+四 = 9，相差 2");
            assertThat(bad.errors()).isEqualTo(1);
            assertThat(back.resolve(bad.copy())).exists();
            assertThat(OutputMark.of(back.resolve(bad.copy()))).isEqualTo(OutputMark.Kind.ANNOTATED);
            assertThat(OutputMark.of(returns.list())).isEqualTo(OutputMark.Kind.RETURN_LIST);
            try (Workbook wb = WorkbookFactory.create(returns.list().toFile(), null, true)) {
                Sheet list = wb.getSheetAt(0);
                assertThat(list.getLastRowNum()).isEqualTo(returns.entries().size());
                List<String> agencies = new ArrayList<>();
                for (int r = 1; r <= list.getLastRowNum(); r++) {
                    agencies.add(list.getRow(r).getCell(0).getStringCellValue());
                }
                assertThat(agencies).contains("福州市长乐区财政局");
            }
        }
        // The copies' folder given as the inputs is refused: the copies would be read as submissions.
        assertThatThrownBy(() -> MergeService.run(new MergeRequest(Inputs.of(List.of(back)), null, null, null, null, false,
                null, null, null, null, false, List.of(), back, false), RunListener.NONE))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE));
    }

    @Test
    void nothingMergedWritesNoSummary() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("in"));
        Files.write(empty.resolve("坏.xlsx"), new byte[] {1, 2, 3});
        Path summary = dir.resolve("汇总.xlsx");
        MergeRequest request = new MergeRequest(Inputs.of(List.of(empty)), summary, null, null, null, false, null, null,
                null, null, false, List.of(), null, false);
        try (MergeService.Outcome o = MergeService.run(request, RunListener.NONE)) {
            assertThat(o.nothingMerged()).isTrue();
            assertThat(o.written()).isNull();
            assertThat(summary).doesNotExist();
            assertThat(o.exitCode()).isEqualTo(ExitCodes.UNREADABLE);
        }
    }

    /**
     * Two requests in two languages at once (the web page's): each input's reason is rendered in its
     * own request's language, on the reading threads too. The language was one global: the page ran
     * one request at a time.
     */
    @Test
    void twoRequestsInTwoLanguagesRunSideBySide() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            files.add(Files.write(dir.resolve("空" + i + ".xlsx"), new byte[0]));
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<List<String>> english = () -> messages(files, Locale.ENGLISH);
            Callable<List<String>> chinese = () -> messages(files, Messages.CHINESE);
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                runs.add(two.submit(english));
                runs.add(two.submit(chinese));
            }
            for (int i = 0; i < runs.size(); i++) {
                List<String> got = runs.get(i).get();
                assertThat(got).hasSize(40);
                if (i % 2 == 0) {
                    assertThat(got).allSatisfy(m -> assertThat(m).contains("empty").doesNotContain("文件是空的"));
                } else {
                    assertThat(got).allSatisfy(m -> assertThat(m).contains("文件是空的"));
                }
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(Messages.locale()).isEqualTo(Messages.CHINESE);
    }

    private static List<String> messages(List<Path> files, Locale language) throws Exception {
        List<String> out = new ArrayList<>();
        Messages.in(language, () -> CheckService.run(new CheckRequest(Inputs.of(files), Layouts.defaultLayout(), null, null,
                null, null, false), RunListener.NONE, c -> out.add(c.result().findings().get(0).message())));
        return out;
    }
}
