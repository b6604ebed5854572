package io.xxgk.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.check.Checker;
import io.xxgk.finding.Finding;
import io.xxgk.schema.Layouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bare page numbers of a PDF come out when they count the pages, and only then. */
class PageNumbersTest {

    @TempDir
    Path dir;

    @Test
    void numbersThatCountThePagesAtTheBottomOrTopAreTakenOut() {
        assertThat(PageNumbers.strip(List.of("甲 1 2\n乙 3\n1", "丙 4\n  2  \n", "丁 5\n3")))
                .containsExactly("甲 1 2", "乙 3", "丙 4", "", "丁 5");
        assertThat(PageNumbers.strip(List.of("5\n甲 1", "6\n乙 2"))).containsExactly("甲 1", "乙 2");
        assertThat(PageNumbers.strip(List.of("甲 1\n- 1 -", "乙 2\n8"))).containsExactly("甲 1", "- 1 -", "乙 2", "8");
    }

    @Test
    void numbersThatDoNotCountThePagesStay() {
        assertThat(PageNumbers.strip(List.of("甲\n7", "乙\n3"))).containsExactly("甲", "7", "乙", "3");
        assertThat(PageNumbers.strip(List.of("甲\n1"))).containsExactly("甲", "1");
        assertThat(PageNumbers.strip(List.of("甲\n1", "乙", "丙\n4"))).containsExactly("甲", "1", "乙", "丙", "4");
    }

    /** Seed 000 (a PDF) cut into three pages inside its tables, each ending with its bare page number. */
    @Test
    void aRealReportWithPageNumbersInsideItsTablesReadsAsWithout() throws Exception {
        List<String> lines = Tokenizer.lines(Files.readString(Path.of("src/test/resources/seeds/000.txt")));
        List<String> pages = List.of(String.join("\n", lines.subList(0, 201)) + "\n1",
                String.join("\n", lines.subList(201, 345)) + "\n2",
                String.join("\n", lines.subList(345, lines.size())) + "\n3");
        assertThat(PageNumbers.strip(pages)).containsExactlyElementsOf(lines);

        // Without taking them out, a number slides into a row: the reader must say so.
        Path unstripped = dir.resolve("000-pages.txt");
        Files.writeString(unstripped, String.join("\n", pages));
        List<Finding> findings = Checker.check(new TextReportReader(Layouts.get("2021")).read(unstripped)).findings();
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> rules.add(f.rule()));
        assertThat(rules).contains("READ");
    }
}
