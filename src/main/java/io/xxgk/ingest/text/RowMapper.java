package io.xxgk.ingest.text;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.identity.Labels;
import io.xxgk.ingest.OpenRow;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.TableLocator;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.CombinedRow;
import io.xxgk.schema.FormItem;
import io.xxgk.schema.Layout;
import io.xxgk.schema.SumDef;
import io.xxgk.schema.TableForm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Places the cells of a report's text into the layout's keys, row by row: each table's section is
 * found by its title, each row by its official label (also when broken over several lines), and
 * the row's values are the cells that follow it. A row with more or fewer values than its columns
 * is a finding and keeps no value, unless every way of lining the values up gives the same numbers
 * (e.g. eight zeros where seven belong), which is a warning. Nothing is guessed.
 */
final class RowMapper {

    static final String SHEET = "文本";
    private static final int MAX_LABEL_PARTS = 8;

    private final Layout layout;
    private final String file;
    private final boolean lineBound;
    final Map<String, RawCell> cells = new LinkedHashMap<>();
    final List<Finding> problems = new ArrayList<>();
    /** The rows left open, with their ways: evidence found after reading may decide them. */
    final List<OpenRow> open = new ArrayList<>();

    /** What the narrative states of single cells: evidence where the arithmetic leaves a split open. */
    private final Map<String, Map<BigDecimal, String>> stated;

    RowMapper(Layout layout, String file, boolean lineBound) {
        this(layout, file, lineBound, Map.of());
    }

    RowMapper(Layout layout, String file, boolean lineBound, Map<String, Map<BigDecimal, String>> stated) {
        this.layout = layout;
        this.file = file;
        this.lineBound = lineBound;
        this.stated = stated;
        this.oneCellLines = !lineBound;
    }

    /** True where a row's numbers may stand one per line (not tab or pipe rows): a collapsed run can be told. */
    private final boolean oneCellLines;
    /** How many cells each line holds. */
    private final Map<Integer, Integer> perLine = new HashMap<>();

    /** A label with digits run into it: 行政许可9487, 一、本年新收政府信息公开申请数量801000081. */
    private static final Pattern GLUED = Pattern.compile(
            "^(.*[\\p{IsHan}）)”])(\\d{1," + GluedDigits.MAX_DIGITS + "}(?:\\.\\d{1,8})?)$");
    /** Where a group label runs into its first sub-row's label: （三）不予公开|1.属于国家秘密, 三、本年度办理结果|（一）予以公开. */
    private static final Pattern LABEL_JOINT = Pattern.compile(
            "(?<=[\\p{IsHan}）)])(?=\\d{1,2}[.．、]\\p{IsHan}|（[一二三四五六七]）\\p{IsHan})");

    void map(List<Token> read) {
        List<Token> input = new GluedTables(layout).cut(read);
        List<Token> tokens = new ArrayList<>(input.size());
        Map<Integer, Integer> valuesPerLine = new HashMap<>();
        Map<Integer, Token> lastOfLine = new HashMap<>();
        for (Token tk : input) {
            if (tk.kind() != Token.Kind.EMPTY) {
                perLine.merge(tk.line(), 1, Integer::sum);
                lastOfLine.put(tk.line(), tk);
                if (tk.isValue()) {
                    valuesPerLine.merge(tk.line(), 1, Integer::sum);
                }
            }
        }
        for (Token tk : input) {
            // Digits run into the last word of a line of words (cell separators lost): in a line of
            // tab or pipe cells only when the line is that one cell (not a converter's header 数据3).
            boolean last = lastOfLine.get(tk.line()) == tk && !valuesPerLine.containsKey(tk.line())
                    && (!lineBound || perLine.getOrDefault(tk.line(), 0) == 1);
            Matcher m = last && tk.kind() == Token.Kind.TEXT ? GLUED.matcher(tk.text().strip()) : null;
            if (m != null && m.matches()) {
                for (String part : LABEL_JOINT.split(m.group(1))) {
                    tokens.add(Token.text(part, tk.line()));
                }
                tokens.add(Token.glued(m.group(2), tk.line()));
            } else {
                tokens.add(tk);
            }
        }
        List<int[]> sections = sections(tokens);
        for (int t = 0; t < layout.forms().size(); t++) {
            TableForm form = layout.forms().get(t);
            int[] range = sections.get(t);
            if (range == null) {
                problems.add(problem(null, null, TableLocator.TABLE_MISSING, form.title()));
                continue;
            }
            List<Token> section = tokens.subList(range[0], range[1]);
            if (hasRowLabels(form)) {
                rows(form, section);
            } else {
                block(form, section);
            }
        }
        resolvePending();
    }

    /**
     * The token range of each table's section, from its title to the next section's title. A title is
     * the official one (二、主动公开政府信息情况) or the same words under another number (附表1、一、), as
     * reports print them that put the tables after their narrative; such reports may also head their
     * narrative sections with the official titles. Where a table's title stands more than once, the
     * one followed by most of the table's labels (before the next title) starts it; on a tie the
     * official title, then the first.
     */
    private List<int[]> sections(List<Token> tokens) {
        String[] normalized = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            normalized[i] = tokens.get(i).kind() == Token.Kind.TEXT ? Labels.normalize(tokens.get(i).text()) : null;
        }
        List<Map<Integer, Labels.TitleMatch>> candidates = new ArrayList<>();
        TreeSet<Integer> all = new TreeSet<>();
        for (TableForm form : layout.forms()) {
            String official = Labels.normalize(form.title());
            Map<Integer, Labels.TitleMatch> found = new LinkedHashMap<>();
            for (int i = 0; i < tokens.size(); i++) {
                Labels.TitleMatch m = normalized[i] == null ? Labels.TitleMatch.NONE : Labels.title(normalized[i], official);
                if (m != Labels.TitleMatch.NONE) {
                    found.put(i, m);
                }
            }
            candidates.add(found);
            all.addAll(found.keySet());
        }
        List<Integer> starts = new ArrayList<>();
        for (int t = 0; t < layout.forms().size(); t++) {
            TableForm form = layout.forms().get(t);
            int best = -1;
            int bestScore = -1;
            boolean bestOfficial = false;
            for (Map.Entry<Integer, Labels.TitleMatch> e : candidates.get(t).entrySet()) {
                int c = e.getKey();
                Integer next = all.higher(c);
                int score = candidates.get(t).size() == 1 ? 0 : labelsIn(tokens, c + 1, next == null ? tokens.size() : next, form);
                boolean isOfficial = e.getValue() == Labels.TitleMatch.OFFICIAL;
                if (score > bestScore || score == bestScore && isOfficial && !bestOfficial) {
                    best = c;
                    bestScore = score;
                    bestOfficial = isOfficial;
                }
            }
            starts.add(best);
        }
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < starts.size(); t++) {
            int s = starts.get(t);
            if (s < 0) {
                out.add(null);
                continue;
            }
            int end = tokens.size();
            for (int u = 0; u < starts.size(); u++) {
                if (starts.get(u) > s && starts.get(u) < end) {
                    end = starts.get(u);
                }
            }
            // The last table ends where the next numbered section (五、…) begins.
            for (int i = s + 1; i < end; i++) {
                Token tk = tokens.get(i);
                if (tk.kind() == Token.Kind.TEXT && Labels.normalize(tk.text()).matches("^[五六七八九十]+,.*")) {
                    end = i;
                    break;
                }
            }
            out.add(new int[] {s + 1, end});
        }
        return out;
    }

    /**
     * A cell's text that is digits with something else after them (72件, 5 个), not a sub-row's
     * numbering (1.属于国家秘密, 2、重复申请).
     */
    private static final Pattern UNIT_AFTER_NUMBER =
            Pattern.compile("[+-]?[0-9０-９][0-9０-９,，]*\\s*[^0-9０-９.．、,，\\s].*");

    /** How many text tokens in [from, to) are labels of {@code form}. */
    private static int labelsIn(List<Token> tokens, int from, int to, TableForm form) {
        int n = 0;
        for (int i = from; i < to; i++) {
            Token tk = tokens.get(i);
            if (tk.kind() == Token.Kind.TEXT) {
                for (FormItem.Label l : form.labels()) {
                    if (Labels.matches(tk.text(), l.text())) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    private static boolean hasRowLabels(TableForm form) {
        return form.labels().stream().anyMatch(l -> l.role() == FormItem.Role.ROW);
    }

    /** A table with row labels: each form row, its label, then its values. */
    private void rows(TableForm form, List<Token> section) {
        Map<Integer, List<FormItem.Slot>> byRow = new TreeMap<>();
        for (FormItem.Slot s : form.slots()) {
            byRow.computeIfAbsent(s.row(), r -> new ArrayList<>()).add(s);
        }
        // Each row's label first; then the rows, those whose labels stand stacked over their numbers together.
        Map<List<FormItem.Slot>, int[]> labelled = new LinkedHashMap<>();
        for (List<FormItem.Slot> slots : byRow.values()) {
            slots.sort(Comparator.comparingInt(FormItem.Slot::col));
            CellDef first = layout.cell(slots.get(0).key()).orElseThrow();
            List<int[]> matches = findLabel(section, first.rowLabel(), rowLabels(form));
            if (matches.isEmpty()) {
                matches = nearly(section, first.rowLabel(), rowLabels(form));
            }
            if (matches.isEmpty()) {
                problems.add(problem(first.key(), null, "finding.rowMissing", first.rowLabel(), form.title()));
                continue;
            }
            if (matches.size() > 1) {
                problems.add(problem(first.key(), null, "finding.rowAmbiguous", first.rowLabel(), matches.size()));
                continue;
            }
            labelled.put(slots, matches.get(0));
        }
        Set<List<FormItem.Slot>> stacked = lineBound ? stacks(section, labelled) : Set.of();
        for (Map.Entry<List<FormItem.Slot>, int[]> e : labelled.entrySet()) {
            if (stacked.contains(e.getKey())) {
                continue;
            }
            List<FormItem.Slot> slots = e.getKey();
            CellDef first = layout.cell(slots.get(0).key()).orElseThrow();
            int from = e.getValue()[1];
            List<Token> values = valuesAfter(section, from);
            Token stop = from + values.size() < section.size() ? section.get(from + values.size()) : null;
            if (values.size() < slots.size() && stop != null && stop.line() == section.get(from - 1).line()
                    && UNIT_AFTER_NUMBER.matcher(stop.text().strip()).matches()) {
                // A number with something after it in a cell ("7件"): the row is not read, and the
                // finding names what stopped it (it is no row with too few numbers).
                problems.add(problem(first.key(), at(stop.line()), "finding.rowNotNumber", label(first.key()),
                        stop.text().strip()));
                continue;
            }
            assign(slots, values, section.get(from - 1).line());
        }
        for (CombinedRow group : layout.combined()) {
            combined(form, section, group);
        }
    }

    /**
     * Labels stacked over their numbers, as converters split a table ({@code 1.本机关不掌握…} /
     * {@code 2.没有现成信息…} / {@code 3.补正后…} on their own lines, then three rows of numbers without
     * labels). Which row of numbers is whose the text does not say, and the table's sums cannot tell
     * (they add the same whichever way the rows are placed): a cell is read only where every row of the
     * block has the same number in that column (all 0, say), the rest is said with the rows printed.
     * Taking the first row of numbers for the label next to it put 32 where 0 belongs. Returns the rows
     * dealt with here.
     */
    private Set<List<FormItem.Slot>> stacks(List<Token> section, Map<List<FormItem.Slot>, int[]> labelled) {
        Map<Integer, List<FormItem.Slot>> byStart = new HashMap<>();
        labelled.forEach((slots, at) -> byStart.put(at[0], slots));
        Set<List<FormItem.Slot>> done = new HashSet<>();
        for (Map.Entry<List<FormItem.Slot>, int[]> e : labelled.entrySet()) {
            if (done.contains(e.getKey()) || !valuesAfter(section, e.getValue()[1]).isEmpty()) {
                continue;
            }
            List<List<FormItem.Slot>> stack = new ArrayList<>();
            int end = e.getValue()[1];
            stack.add(e.getKey());
            while (byStart.containsKey(end) && valuesAfter(section, end).isEmpty()) {
                List<FormItem.Slot> next = byStart.get(end);
                stack.add(next);
                end = labelled.get(next)[1];
            }
            if (byStart.containsKey(end)) {
                // The chain ends on a label whose own numbers follow it: it is the stack's last label.
                List<FormItem.Slot> last = byStart.get(end);
                stack.add(last);
                end = labelled.get(last)[1];
            }
            if (stack.size() < 2) {
                continue;
            }
            // The rows of numbers after the stack: one per line, up to the next label.
            List<List<Token>> rowsOfNumbers = new ArrayList<>();
            int i = end;
            while (i < section.size() && section.get(i).kind() != Token.Kind.TEXT) {
                int line = section.get(i).line();
                List<Token> row = new ArrayList<>();
                while (i < section.size() && section.get(i).kind() != Token.Kind.TEXT && section.get(i).line() == line) {
                    row.add(section.get(i++));
                }
                rowsOfNumbers.add(row.stream().filter(t -> t.kind() != Token.Kind.EMPTY).toList());
            }
            int n = stack.get(0).size();
            boolean shaped = rowsOfNumbers.size() == stack.size() && stack.stream().allMatch(s -> s.size() == n)
                    && rowsOfNumbers.stream().allMatch(r -> r.size() == n && r.stream().allMatch(t -> t.kind() == Token.Kind.NUMBER));
            int line = section.get(labelled.get(stack.get(0))[0]).line();
            List<String> printed = rowsOfNumbers.stream()
                    .map(r -> r.stream().map(Token::text).collect(Collectors.joining(" | "))).toList();
            String labels = stack.stream().map(s -> label(s.get(0).key())).collect(Collectors.joining("、"));
            done.addAll(stack);
            if (!shaped) {
                problems.add(problem(stack.get(0).get(0).key(), at(line), "finding.stackedUnread", labels,
                        stack.size(), rowsOfNumbers.size()));
                continue;
            }
            List<String> same = new ArrayList<>();
            String firstSame = null;
            boolean open = false;
            for (int c = 0; c < n; c++) {
                BigDecimal v = rowsOfNumbers.get(0).get(c).number();
                int col = c;
                if (rowsOfNumbers.stream().allMatch(r -> r.get(col).number().compareTo(v) == 0)) {
                    for (List<FormItem.Slot> slots : stack) {
                        cells.put(slots.get(c).key(), new RawCell(RawCell.Kind.NUMBER, v, null, false, SHEET, line(line)));
                    }
                    same.add(layout.cell(stack.get(0).get(c).key()).map(CellDef::colLabel).orElse("") + " " + v.toPlainString());
                    firstSame = firstSame == null ? stack.get(0).get(c).key() : firstSame;
                } else {
                    open = true;
                }
            }
            if (!same.isEmpty()) {
                problems.add(Finding.of(Rule.READ_SPLIT, file, at(line), firstSame, null, null,
                        "finding.stackedSame", List.of(labels, String.join("、", same))));
            }
            if (open) {
                String firstOpen = null;
                for (FormItem.Slot slot : stack.get(0)) {
                    if (!cells.containsKey(slot.key())) {
                        firstOpen = slot.key();
                        break;
                    }
                }
                problems.add(problem(firstOpen, at(line), "finding.stackedOpen", labels, String.join("；", printed)));
            }
        }
        return done;
    }

    /**
     * The 2019 （六）其他处理 row in a 2021 table: when none of the group's sub-rows is there but the
     * group's label is, with its values, they are kept under the group's keys (see CombinedRow).
     */
    private void combined(TableForm form, List<Token> section, CombinedRow group) {
        Set<String> partKeys = group.partKeys();
        if (form.slots().stream().noneMatch(s -> partKeys.contains(s.key())) || cells.keySet().stream().anyMatch(partKeys::contains)) {
            return;
        }
        List<int[]> at = findLabel(section, group.cells().get(0).rowLabel(), rowLabels(form));
        if (at.size() != 1) {
            return;
        }
        List<FormItem.Slot> slots = new ArrayList<>();
        for (CellDef c : group.cells()) {
            FormItem.Slot part = form.slots().stream().filter(s -> s.key().equals(group.partKey(c, group.parts().get(0))))
                    .findFirst().orElseThrow();
            slots.add(new FormItem.Slot(part.row(), part.col(), part.lastCol(), c.key()));
        }
        int before = problems.size();
        assign(slots, valuesAfter(section, at.get(0)[1]), section.get(at.get(0)[1] - 1).line());
        if (problems.size() == before) {
            problems.removeIf(f -> partKeys.contains(f.key()));
        }
    }

    /**
     * A table without row labels (四): its values are the longest run of value cells in its
     * section (the header cells around it are labels, and empty header cells come in short runs).
     */
    private void block(TableForm form, List<Token> section) {
        List<FormItem.Slot> slots = new ArrayList<>(form.slots());
        slots.sort(Comparator.comparingInt(FormItem.Slot::row).thenComparingInt(FormItem.Slot::col));
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < section.size(); ) {
            if (!section.get(i).isValue()) {
                i++;
                continue;
            }
            int j = i;
            boolean anyNumber = false;
            while (j < section.size() && section.get(j).isValue()) {
                anyNumber |= section.get(j).kind() == Token.Kind.NUMBER || section.get(j).kind() == Token.Kind.GLUED;
                j++;
            }
            if (anyNumber && j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            problems.add(problem(slots.get(0).key(), null, "finding.rowShort", form.title(), 0, slots.size()));
            return;
        }
        assign(slots, section.subList(bestStart, bestStart + bestLength), section.get(bestStart).line());
    }

    /**
     * Where a label stands: [first token, one past its last token]. Labels broken over lines are
     * joined; a numbered label cut short (its rest on a later line) matches by its start.
     */
    /** Every row label of a table, normalised: a label cut short must not be the start of another. */
    private List<String> rowLabels(TableForm form) {
        List<String> out = new ArrayList<>();
        for (FormItem.Slot s : form.slots()) {
            String l = Labels.normalize(layout.cell(s.key()).orElseThrow().rowLabel());
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<int[]> findLabel(List<Token> section, String label, List<String> allLabels) {
        String want = Labels.normalize(label);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < section.size(); i++) {
            StringBuilder joined = new StringBuilder();
            int[] cut = null;
            int[] full = null;
            boolean skipped = false;
            for (int k = i; k < section.size() && k < i + MAX_LABEL_PARTS; k++) {
                Token tk = section.get(k);
                if (tk.kind() != Token.Kind.TEXT) {
                    break;
                }
                String before = Labels.normalize(joined.toString());
                String tried = Labels.normalize(joined + tk.text());
                // In PDF text a short piece of a neighbouring label can sit inside a broken row
                // label ("2.没有现成信息需 提供 要另行制作"); step over one such piece.
                if (k > i && !skipped && !continues(want, tried) && tk.text().length() <= 4
                        && k + 1 < section.size() && section.get(k + 1).kind() == Token.Kind.TEXT
                        && continues(want, Labels.normalize(joined + section.get(k + 1).text()))
                        && !before.isEmpty()) {
                    skipped = true;
                    continue;
                }
                joined.append(tk.text());
                String have = Labels.normalize(joined.toString());
                if (Labels.matches(joined.toString(), label)) {
                    full = new int[] {i, k + 1};
                    break;
                }
                if (cutShort(have, want, allLabels)) {
                    cut = new int[] {i, k + 1};
                }
                if (!continues(want, have)) {
                    break;
                }
            }
            // The whole label when it is there (broken over lines), else a numbered label cut short.
            int[] found = full != null ? full : cut;
            if (found != null) {
                out.add(found);
                i = found[1] - 1;
            }
        }
        return out;
    }

    /**
     * A misprinted row label (2.其他法律行政止公开): the one run of up to three label cells closer to
     * {@code label} than to any other row label of the table, said in a warning that quotes both.
     */
    private List<int[]> nearly(List<Token> section, String label, List<String> allLabels) {
        String want = Labels.normalize(label);
        List<int[]> found = new ArrayList<>();
        String seen = null;
        for (int i = 0; i < section.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int k = i; k < section.size() && k < i + 3 && section.get(k).kind() == Token.Kind.TEXT; k++) {
                joined.append(section.get(k).text());
                String text = joined.toString();
                double like = Labels.likeness(text, label);
                if (like >= TableLocator.NEARLY && allLabels.stream().filter(l -> !l.equals(want))
                        .allMatch(o -> !Labels.matches(text, o) && Labels.likeness(text, o) < like)) {
                    found.add(new int[] {i, k + 1});
                    seen = text;
                    break;
                }
            }
        }
        if (found.size() != 1) {
            return List.of();
        }
        problems.add(Finding.of(Rule.READ_LABEL, file, at(section.get(found.get(0)[0]).line()), null, null,
                null, "finding.labelNearly", List.of(seen, label)));
        return found;
    }

    private static boolean continues(String want, String have) {
        return want.startsWith(have) || Labels.withoutNumbering(want).startsWith(Labels.withoutNumbering(have));
    }

    /**
     * "4.无正当理由大量反复" for "4.无正当理由大量反复申请": a numbered start of the label, long enough
     * and shared by no other row label (the rest follows the values, as Word and PDF conversions put it).
     */
    private static boolean cutShort(String have, String want, List<String> allLabels) {
        String rest = Labels.withoutNumbering(have);
        boolean numbered = !rest.equals(have);
        if (!numbered || !want.startsWith(have) || rest.length() < 4) {
            return false;
        }
        // Unambiguous: no other row label of the table starts the same way.
        return allLabels.stream().filter(l -> !l.equals(want)).noneMatch(l -> l.startsWith(have));
    }

    /** The value cells following a label: on its line (tab/pipe rows), else until the next label. */
    private List<Token> valuesAfter(List<Token> section, int from) {
        List<Token> out = new ArrayList<>();
        int line = section.get(from - 1).line();
        boolean sameLineSeen = false;
        for (int i = from; i < section.size(); i++) {
            Token tk = section.get(i);
            if (tk.kind() == Token.Kind.TEXT) {
                break;
            }
            if (lineBound && tk.line() != line) {
                if (sameLineSeen) {
                    break;
                }
                line = tk.line();
            }
            sameLineSeen = true;
            out.add(tk);
        }
        return out;
    }

    /** Puts values into slots; trims empty edges; reports a count that does not fit. */
    private void assign(List<FormItem.Slot> slots, List<Token> found, int line) {
        List<Token> filled = found.stream().filter(t -> t.kind() != Token.Kind.EMPTY).toList();
        if (slots.size() > 1 && filled.size() == 1 && filled.get(0).kind() == Token.Kind.NUMBER
                && filled.get(0).text().strip().matches("\\d{" + slots.size() + "," + GluedDigits.MAX_DIGITS + "}")) {
            // A row of digits alone where several numbers belong (table 四's fifteen run together).
            found = List.of(Token.glued(filled.get(0).text().strip(), filled.get(0).line()));
        }
        if (found.stream().anyMatch(t -> t.kind() == Token.Kind.GLUED)) {
            // Empty cells around a glued run (a trailing tab) say nothing about how to cut it.
            found = found.stream().filter(t -> t.kind() != Token.Kind.EMPTY).toList();
        }
        if (found.size() == 1 && found.get(0).kind() == Token.Kind.GLUED) {
            found = unglue(slots, found.get(0));
            if (found == null) {
                return;
            }
        } else if (found.stream().anyMatch(t -> t.kind() == Token.Kind.GLUED)) {
            problems.add(problem(slots.get(0).key(), at(line), "finding.gluedAmbiguous", label(slots.get(0).key()),
                    found.stream().map(Token::text).collect(Collectors.joining(" "))));
            return;
        }
        List<Token> values = new ArrayList<>(found);
        int n = slots.size();
        while (values.size() > n && values.get(0).kind() == Token.Kind.EMPTY) {
            values.remove(0);
        }
        while (values.size() > n && values.get(values.size() - 1).kind() == Token.Kind.EMPTY) {
            values.remove(values.size() - 1);
        }
        String firstKey = slots.get(0).key();
        if (values.size() < n && collapsed(slots, values)) {
            return;
        }
        if (values.size() < n) {
            problems.add(problem(firstKey, at(line), "finding.rowShort", label(firstKey), found.size(), n));
            return;
        }
        if (values.size() > n) {
            if (!allAlignmentsAgree(values, n)) {
                problems.add(problem(firstKey, at(line), "finding.rowLong", label(firstKey), values.size(), n));
                return;
            }
            problems.add(Finding.of(Rule.READ_SPLIT, file, at(line), firstKey, null, null,
                    "finding.rowLongSame", List.of(label(firstKey), values.size(), n)));
            values = values.subList(0, n);
        }
        for (int i = 0; i < n; i++) {
            Token tk = values.get(i);
            String key = slots.get(i).key();
            cells.put(key, switch (tk.kind()) {
                case NUMBER -> new RawCell(RawCell.Kind.NUMBER, tk.number(), null, false, SHEET, line(tk.line()));
                case EMPTY -> new RawCell(RawCell.Kind.BLANK, null, null, false, SHEET, line(tk.line()));
                case TEXT, VALUE_TEXT, GLUED -> new RawCell(RawCell.Kind.TEXT, null, tk.text(), false, SHEET, line(tk.line()));
            });
        }
    }

    /** Past this many ways of spreading a collapsed row over its cells, it is not tried. */
    private static final int MAX_SPREADS = 20_000;

    /**
     * A row printed one number per line with fewer numbers than cells, no two neighbours equal: a
     * de-duplicating extractor kept one line of each run of equal cells ({@code 1 0 0 0 0 0 1} printed
     * as {@code 1}, {@code 0}, {@code 1}). Each way of spreading the numbers back over the cells that
     * the row's totals allow is a candidate; one is read (said in a warning), several wait for the
     * totals across rows and the narrative, as glued digits do. False when the row is not of that
     * shape, or no spreading fits (then it is a short row).
     */
    private boolean collapsed(List<FormItem.Slot> slots, List<Token> values) {
        if (!oneCellLines || values.isEmpty()) {
            return false;
        }
        Set<Integer> lines = new TreeSet<>();
        for (int i = 0; i < values.size(); i++) {
            Token tk = values.get(i);
            if (tk.kind() != Token.Kind.NUMBER || perLine.getOrDefault(tk.line(), 0) != 1 || !lines.add(tk.line())
                    || i > 0 && tk.number().compareTo(values.get(i - 1).number()) == 0) {
                return false;
            }
        }
        int n = slots.size();
        List<String> keys = slots.stream().map(FormItem.Slot::key).toList();
        List<int[]> totals = GluedDigits.rowTotals(layout, keys);
        List<BigDecimal[]> fits = new ArrayList<>();
        int[] runs = new int[values.size()];
        long[] tried = {0};
        spread(values, n, 0, 0, runs, totals, fits, tried);
        if (fits.isEmpty() || tried[0] > MAX_SPREADS) {
            return false;
        }
        Token shown = Token.glued(values.stream().map(t -> t.number().toPlainString()).collect(Collectors.joining(" ")),
                values.get(0).line());
        if (fits.size() == 1) {
            assign(slots, cut(slots, shown, fits.get(0), "finding.collapsedSplit"), shown.line());
        } else if (fits.size() <= GluedDigits.MAX_CANDIDATES) {
            pending.add(new Pending(slots, fits, shown, Shape.COLLAPSED));
        } else {
            problems.add(undecided(keys.get(0), shown, fits, Shape.COLLAPSED));
        }
        return true;
    }

    /** Every way of giving value {@code i} on a run of {@code runs[i]} ≥ 1 cells, filling {@code n} cells, that the totals allow. */
    private static void spread(List<Token> values, int n, int i, int used, int[] runs, List<int[]> totals,
                               List<BigDecimal[]> out, long[] tried) {
        if (++tried[0] > MAX_SPREADS || out.size() > GluedDigits.MAX_CANDIDATES) {
            return;
        }
        int left = values.size() - i;
        if (left == 1) {
            runs[i] = n - used;
            BigDecimal[] cells = new BigDecimal[n];
            int at = 0;
            for (int k = 0; k < values.size(); k++) {
                for (int r = 0; r < runs[k]; r++) {
                    cells[at++] = values.get(k).number();
                }
            }
            if (GluedDigits.holds(cells, totals)) {
                out.add(cells);
            }
            return;
        }
        for (int run = 1; used + run <= n - (left - 1); run++) {
            runs[i] = run;
            spread(values, n, i + 1, used + run, runs, totals, out, tried);
        }
    }

    /** A glued row that more than one cut satisfies, waiting for the totals across rows to decide. */
    private record Pending(List<FormItem.Slot> slots, List<BigDecimal[]> candidates, Token glued, Shape shape) {
    }

    /**
     * How a row's numbers came to be fewer tokens than its cells: digits run together (one glued run),
     * or equal neighbouring cells kept once by a de-duplicating extractor (one line per run). The
     * findings' words are the shape's: {@code finding.glued…} or {@code finding.collapsed…}.
     */
    private enum Shape {
        GLUED("finding.glued"), COLLAPSED("finding.collapsed");

        private final String prefix;

        Shape(String prefix) {
            this.prefix = prefix;
        }

        String key(String suffix) {
            return prefix + suffix;
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    /**
     * The numbers of a row whose digits ran into its label: one number for a one-cell row; one digit
     * each when there are as many digits as cells; else the one cut that the row's totals allow.
     * When several cuts are allowed the row waits for the totals across rows ({@link #resolvePending});
     * when none is, it is an error and no value. Every cut taken is said in a warning.
     */
    private List<Token> unglue(List<FormItem.Slot> slots, Token glued) {
        String first = slots.get(0).key();
        String digits = glued.text();
        if (slots.size() == 1) {
            problems.add(Finding.of(Rule.READ_SPLIT, file, at(glued.line()), first, null, null,
                    "finding.glued", List.of(label(first), digits)));
            return List.of(Token.number(new BigDecimal(digits), digits, glued.line()));
        }
        List<String> keys = slots.stream().map(FormItem.Slot::key).toList();
        List<int[]> totals = GluedDigits.rowTotals(layout, keys);
        List<BigDecimal[]> cuts = digits.contains(".") ? List.of()
                : GluedDigits.splits(digits, keys.size(), digits.length() == keys.size() ? List.of() : totals);
        if (cuts != null && cuts.size() == 1) {
            return cut(slots, glued, cuts.get(0), digits.length() == keys.size() ? "finding.gluedOneEach" : "finding.gluedSplit");
        }
        if (cuts != null && cuts.size() > 1 && cuts.size() <= GluedDigits.MAX_CANDIDATES) {
            pending.add(new Pending(slots, cuts, glued, Shape.GLUED));
            return null;
        }
        problems.add(undecided(first, glued, cuts, Shape.GLUED));
        return null;
    }

    private List<Token> cut(List<FormItem.Slot> slots, Token glued, BigDecimal[] values, String messageKey) {
        List<Token> out = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (BigDecimal v : values) {
            out.add(Token.number(v, v.toPlainString(), glued.line()));
            shown.add(v.toPlainString());
        }
        String first = slots.get(0).key();
        problems.add(Finding.of(Rule.READ_SPLIT, file, at(glued.line()), first, null, null,
                messageKey, List.of(label(first), glued.text(), String.join(" | ", shown))));
        return out;
    }

    /**
     * Glued rows that several cuts satisfy: the cut that makes every relation across rows hold
     * (column totals, the balance), judged only on relations whose other cells are all read. One
     * row decided can decide the next; what stays undecided is an error and no value.
     */
    private void resolvePending() {
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                BigDecimal[] only = onlyConsistent(p);
                if (only != null) {
                    it.remove();
                    assign(p.slots(), cut(p.slots(), p.glued(), only, p.shape().key("SplitByTotals")), p.glued().line());
                    progress = true;
                }
            }
            if (progress) {
                continue;
            }
            // The open rows together: a row every fitting combination gives the same numbers is decided.
            TableSolver.Solution joint = solve();
            for (int i = pending.size() - 1; i >= 0; i--) {
                Pending p = pending.get(i);
                BigDecimal[] agreed = joint.agreed().get(i);
                if (Arrays.stream(agreed).allMatch(v -> v != null)) {
                    pending.remove(i);
                    assign(p.slots(), cut(p.slots(), p.glued(), agreed, p.shape().key("SplitByTotals")), p.glued().line());
                    progress = true;
                }
            }
            if (progress) {
                continue;
            }
            // Where the arithmetic leaves a row open, what the narrative states of its cells may close it.
            for (Iterator<Pending> it = pending.iterator(); it.hasNext() && !progress; ) {
                Pending p = it.next();
                List<String> said = new ArrayList<>();
                BigDecimal[] only = onlyAsStated(p, said);
                if (only != null) {
                    it.remove();
                    List<Token> values = cut(p.slots(), p.glued(), only, p.shape().key("SplitByTotals"));
                    problems.remove(problems.size() - 1);
                    problems.add(Finding.of(Rule.READ_SPLIT, file, at(p.glued().line()), p.slots().get(0).key(), null, null,
                            p.shape().key("SplitByText"), List.of(label(p.slots().get(0).key()), p.glued().text(),
                                    shown(only), String.join("；", said))));
                    assign(p.slots(), values, p.glued().line());
                    progress = true;
                }
            }
        }
        if (!pending.isEmpty()) {
            // What stays open: the cells on which every fitting combination agrees are given, the rest
            // listed with the ways of the row that fit the whole table (or its own ways, when none does).
            TableSolver.Solution joint = solve();
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                BigDecimal[] agreed = joint.agreed().get(i);
                List<BigDecimal[]> ways = joint.used().get(i).isEmpty() ? p.candidates() : joint.used().get(i);
                List<FormItem.Slot> given = new ArrayList<>();
                List<Token> values = new ArrayList<>();
                List<String> shownGiven = new ArrayList<>();
                String firstOpen = null;
                for (int k = 0; k < agreed.length; k++) {
                    String key = p.slots().get(k).key();
                    if (agreed[k] != null) {
                        given.add(p.slots().get(k));
                        values.add(Token.number(agreed[k], agreed[k].toPlainString(), p.glued().line()));
                        shownGiven.add(cellName(p.slots(), key) + " " + agreed[k].toPlainString());
                    } else if (firstOpen == null) {
                        firstOpen = key;
                    }
                }
                Finding partly = null;
                if (!given.isEmpty()) {
                    partly = Finding.of(Rule.READ_SPLIT, file, at(p.glued().line()), given.get(0).key(), null, null,
                            p.shape().key("SplitPart"), List.of(label(p.slots().get(0).key()), p.glued().text(),
                                    String.join("、", shownGiven)));
                    problems.add(partly);
                    assign(given, values, p.glued().line());
                }
                Finding unread = undecided(firstOpen == null ? p.slots().get(0).key() : firstOpen, p.glued(), ways, p.shape());
                problems.add(unread);
                open.add(new OpenRow(p.slots().stream().map(FormItem.Slot::key).toList(), ways, SHEET,
                        line(p.glued().line()), p.glued().text(), unread, partly));
            }
        }
        pending.clear();
    }

    /**
     * A cell of {@code slots} named for people: its column, or where the slots span several rows (table 四 printed
     * as one run: 行政复议's 结果维持 and 行政诉讼's), its row and column.
     */
    private String cellName(List<FormItem.Slot> slots, String key) {
        CellDef def = layout.cell(key).orElse(null);
        if (def == null) {
            return key;
        }
        boolean oneRow = slots.stream().map(s -> layout.cell(s.key()).map(CellDef::rowLabel).orElse(""))
                .distinct().count() == 1;
        return oneRow ? def.colLabel() : def.rowLabel().replace("\n", "") + "·" + def.colLabel();
    }

    /** The open rows solved together against every relation whose cells are read or open (see TableSolver). */
    private TableSolver.Solution solve() {
        Map<String, BigDecimal> known = RawCell.numbers(cells);
        List<TableSolver.Unknown> unknowns = new ArrayList<>();
        for (Pending p : pending) {
            unknowns.add(new TableSolver.Unknown(p.slots().stream().map(FormItem.Slot::key).toList(), p.candidates()));
        }
        return new TableSolver(known, layout.relations()).solve(unknowns);
    }

    /** Candidates listed in a finding: more than this many are counted, not listed. */
    private static final int LISTED = 6;

    /** A glued row left unread: the cuts that fit, listed (or how many), or that none does. */
    private Finding undecided(String first, Token glued, List<BigDecimal[]> cuts, Shape shape) {
        if (cuts == null || cuts.isEmpty()) {
            return problem(first, at(glued.line()), "finding.gluedAmbiguous", label(first), glued.text());
        }
        if (cuts.size() > LISTED) {
            return problem(first, at(glued.line()), shape.key("CandidatesMany"), label(first), glued.text(),
                    cuts.size() > GluedDigits.MAX_CANDIDATES ? GluedDigits.MAX_CANDIDATES + "+" : String.valueOf(cuts.size()));
        }
        return problem(first, at(glued.line()), shape.key("Candidates"), label(first), glued.text(),
                cuts.stream().map(RowMapper::shown).collect(Collectors.joining("；")));
    }

    private static String shown(BigDecimal[] values) {
        return Arrays.stream(values).map(BigDecimal::toPlainString).collect(Collectors.joining(" | "));
    }

    /**
     * The one candidate that agrees with every figure the narrative states (once, one figure) for the
     * row's cells, when the narrative states at least one; {@code said} gets the words relied on.
     */
    private BigDecimal[] onlyAsStated(Pending p, List<String> said) {
        List<String> keys = p.slots().stream().map(FormItem.Slot::key).toList();
        List<BigDecimal[]> left = new ArrayList<>(p.candidates());
        for (int i = 0; i < keys.size(); i++) {
            Map<BigDecimal, String> figures = stated.getOrDefault(keys.get(i), Map.of());
            if (figures.size() != 1) {
                continue;
            }
            Map.Entry<BigDecimal, String> figure = figures.entrySet().iterator().next();
            int k = i;
            left.removeIf(c -> c[k].compareTo(figure.getKey()) != 0);
            said.add(figure.getValue());
        }
        return !said.isEmpty() && left.size() == 1 ? left.get(0) : null;
    }

    private BigDecimal[] onlyConsistent(Pending p) {
        List<String> keys = p.slots().stream().map(FormItem.Slot::key).toList();
        BigDecimal[] found = null;
        Map<String, BigDecimal> read = RawCell.numbers(cells);
        for (BigDecimal[] candidate : p.candidates()) {
            Map<String, BigDecimal> v = new HashMap<>(read);
            for (int i = 0; i < keys.size(); i++) {
                v.put(keys.get(i), candidate[i]);
            }
            int judged = 0;
            boolean ok = true;
            for (SumDef rel : layout.relations()) {
                boolean touches = rel.left().stream().anyMatch(keys::contains) || rel.right().stream().anyMatch(keys::contains);
                boolean inside = keys.containsAll(rel.left()) && keys.containsAll(rel.right());
                if (!touches || inside || !v.keySet().containsAll(rel.left()) || !v.keySet().containsAll(rel.right())) {
                    continue;
                }
                judged++;
                BigDecimal l = rel.left().stream().map(v::get).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal r = rel.right().stream().map(v::get).reduce(BigDecimal.ZERO, BigDecimal::add);
                ok &= l.compareTo(r) == 0;
            }
            if (judged > 0 && ok) {
                if (found != null) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }

    private static boolean allAlignmentsAgree(List<Token> values, int n) {
        for (int shift = 1; shift <= values.size() - n; shift++) {
            for (int i = 0; i < n; i++) {
                Token a = values.get(i);
                Token b = values.get(i + shift);
                boolean same = a.kind() == b.kind()
                        && (a.kind() != Token.Kind.NUMBER || a.number().compareTo(b.number()) == 0)
                        && (a.kind() != Token.Kind.VALUE_TEXT || a.text().equals(b.text()));
                if (!same) {
                    return false;
                }
            }
        }
        return true;
    }

    private String label(String key) {
        return layout.cell(key).or(() -> layout.combined().stream().flatMap(g -> g.cells().stream())
                .filter(c -> c.key().equals(key)).findFirst()).orElseThrow().rowLabel();
    }

    private static String at(int line) {
        return SHEET + "!" + line(line);
    }

    /** A line of a report's text as a cell is named there: 第12行 (1-based). */
    static String line(int n) {
        return "第" + n + "行";
    }

    private Finding problem(String key, String cell, String messageKey, Object... args) {
        return Finding.of(Rule.READ, file, cell, key, null, null, messageKey, List.of(args));
    }
}
