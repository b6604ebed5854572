package io.xxgk.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Blank cells as a person reads them: a template returned with its zeros left blank is common
 * practice, and one line per blank cell (95 of them) drowned what had to be fixed. Where findings are
 * shown to people (check's text, 问题清单, an annotated copy) a file's VAL-BLANK findings are one line
 * naming how many cells and the first of them; the JSON and {@code --strict-blank} keep every cell.
 */
public final class Blanks {

    /** Cells named in the one line; the rest are counted. */
    static final int NAMED = 8;

    private Blanks() {
    }

    /** True for a blank cell's finding (one per cell). */
    public static boolean isBlank(Finding f) {
        return f.rule().equals(Rule.VAL_BLANK.id()) && f.cell() != null;
    }

    /** Splits with no choice in them (one way only): said row by row by {@code import --show} and the JSON. */
    private static final Set<String> PLAIN_SPLITS = Set.of("finding.gluedOneEach", "finding.gluedSplit",
            "finding.glued", "finding.collapsedSplit");
    /** More plain splits than this in a file are one line. */
    static final int SPLITS_SHOWN = 3;

    /** True for a row read from digits run together (or collapsed lines) in the only way there is. */
    public static boolean isPlainSplit(Finding f) {
        return f.rule().equals(Rule.READ_SPLIT.id()) && PLAIN_SPLITS.contains(f.messageKey());
    }

    /**
     * The findings with a file's blank cells said in one line, where the first of them stood, and its
     * rows split the only way there is (a crawled page's thirty glued rows) said in one line too; as they
     * are when {@code strict} or when there are few.
     */
    public static List<Finding> collapsed(List<Finding> findings, boolean strict) {
        return blanksCollapsed(splitsCollapsed(findings, strict), strict);
    }

    private static List<Finding> splitsCollapsed(List<Finding> findings, boolean strict) {
        List<Finding> plain = findings.stream().filter(Blanks::isPlainSplit).toList();
        if (strict || plain.size() <= SPLITS_SHOWN) {
            return findings;
        }
        return inOneLine(findings, Blanks::isPlainSplit, Finding.of(Rule.READ_SPLIT, plain.get(0).file(), plain.get(0).cell(),
                null, null, null, "finding.plainSplits", List.of(plain.size(), plain.get(0).message())));
    }

    /** The findings with those {@code in} the group said by {@code one}, where the first of them stood. */
    private static List<Finding> inOneLine(List<Finding> findings, Predicate<Finding> in, Finding one) {
        List<Finding> out = new ArrayList<>();
        boolean said = false;
        for (Finding f : findings) {
            if (!in.test(f)) {
                out.add(f);
            } else if (!said) {
                out.add(one);
                said = true;
            }
        }
        return out;
    }

    private static List<Finding> blanksCollapsed(List<Finding> findings, boolean strict) {
        List<Finding> blanks = findings.stream().filter(Blanks::isBlank).toList();
        if (strict || blanks.size() <= 1) {
            return findings;
        }
        List<String> cells = new ArrayList<>();
        for (Finding f : blanks.subList(0, Math.min(NAMED, blanks.size()))) {
            cells.add(f.cell());
        }
        String named = String.join("、", cells) + (blanks.size() > NAMED ? "…" : "");
        return inOneLine(findings, Blanks::isBlank, Finding.of(Rule.VAL_BLANK, blanks.get(0).file(), null, null, null, null,
                "finding.valBlanks", List.of(blanks.size(), named)));
    }
}
