package io.xxgk.ingest.text;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns report text into cells, by the shape the extraction left: tab-separated rows (Word),
 * pipe rows (web pages copied as Markdown), one cell per line with blank lines between (web
 * pages), or labels and space-separated numbers on a line (PDF). Empty cells that the shape shows
 * become {@link Token.Kind#EMPTY} so no number can slide into their place.
 */
public final class Tokenizer {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    /**
     * A value with a sign word or a unit, read by the value parser: 增3, 减4, 251000元, 25.1万元; or a
     * dash or slash printed in a cell for nothing (—, /), which the value parser says is blank, as it
     * does in a table read as a grid. (无 and 空 are not: 无 is also the first half of a broken label.)
     */
    private static final Pattern VALUE_TEXT = Pattern.compile(
            "([增减]\\d+|\\d+(\\.\\d+)?\\s*(元|万元)|\\d[\\d,]*(\\.\\d+)?\\s*[(（][^()（）\\s]{1,60}[)）]|[-—–/\\\\]|——)");

    /** Page furniture PDF extraction leaves between rows: "- 3 -", "第 3 页", "第3页，共8页", "3 / 8". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–]\\s*\\d+\\s*[-—–]|第\\s*\\d+\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d+\\s*页)?|\\d+\\s*/\\s*\\d+)$");

    /** A Markdown row of invented column headers only: | 数据1 | 数据2 |, | 列1 | 列2 |, | Column 1 | … |. */
    private static final Pattern INVENTED_HEADER = Pattern.compile(
            "\\|(\\s*(?:数据|列|字段|Column|Col|col|column)\\s*\\d{1,2}\\s*\\|)+");

    /** How the text was laid out. */
    enum Mode { TABS, CELL_PER_LINE, PLAIN }

    private Tokenizer() {
    }

    static List<String> lines(String text) {
        return List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }

    static Mode mode(List<String> lines) {
        long tabs = lines.stream().filter(l -> l.indexOf('\t') >= 0 || l.strip().startsWith("|")).count();
        long empty = lines.stream().filter(String::isEmpty).count();
        if (tabs >= 10) {
            return Mode.TABS;
        }
        return empty * 10 >= lines.size() * 3 ? Mode.CELL_PER_LINE : Mode.PLAIN;
    }

    static List<Token> tokens(List<String> lines, Mode mode) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            String stripped = line.strip();
            if (PAGE_NUMBER.matcher(stripped).matches()) {
                continue;
            }
            if (stripped.startsWith("|") && stripped.matches("\\|(\\s*:?-{3,}:?\\s*\\|)+")) {
                // A Markdown table's separator row (|---|:---:|), repeated inside tables by converters.
                continue;
            }
            if (stripped.startsWith("|") && INVENTED_HEADER.matcher(stripped).matches()) {
                // A converter's invented column headers (| 数据1 | 数据2 | …): they name no column.
                continue;
            }
            if (stripped.startsWith("|") && stripped.endsWith("|") && stripped.length() > 1) {
                fields(stripped.substring(1, stripped.length() - 1).split("\\|", -1), n, out);
            } else if (line.indexOf('\t') >= 0) {
                fields(line.split("\t", -1), n, out);
            } else if (mode == Mode.CELL_PER_LINE) {
                if (line.isEmpty()) {
                    continue;
                }
                if (stripped.isEmpty() || stripped.equals("&nbsp;")) {
                    out.add(Token.empty(n));
                } else {
                    words(stripped, n, out);
                }
            } else if (!stripped.isEmpty()) {
                words(stripped, n, out);
            }
        }
        return out;
    }

    /** Fields of a tab or pipe row: each is one cell, empty ones included. */
    private static void fields(String[] fields, int line, List<Token> out) {
        for (String f : fields) {
            String s = plain(f.replace("&nbsp;", " "));
            if (s.isEmpty()) {
                out.add(Token.empty(line));
            } else {
                out.add(cell(s, line));
            }
        }
    }

    /**
     * A plain line: each word its own cell (PDF lines put a group label and a row label side by
     * side; labels split into words are joined again when they are looked up).
     */
    private static void words(String line, int n, List<Token> out) {
        for (String w : line.split("\\s+")) {
            String s = plain(w);
            if (!s.isEmpty() && !HEADING.matcher(s).matches()) {
                out.add(cell(s, n));
            }
        }
    }

    /** Markdown emphasis a converter wraps around titles, labels and totals: **…**, __…__, *…*. */
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");
    private static final Pattern ITALIC = Pattern.compile("^\\*([^*]+)\\*$");

    /** A Markdown heading's marks (## 二、主动公开…), a word of their own. */
    private static final Pattern HEADING = Pattern.compile("#{1,6}");

    private static final Pattern HEADING_LINE = Pattern.compile("^\\s*#{1,6}\\s+");

    /** A line without Markdown's heading marks and emphasis (# 标题, **…**), for reading titles. */
    static String withoutMarkup(String line) {
        return HEADING_LINE.matcher(EMPHASIS.matcher(line).replaceAll("")).replaceFirst("");
    }

    /** The cell's text without Markdown emphasis; empty when it was nothing else. */
    private static String plain(String raw) {
        return ITALIC.matcher(EMPHASIS.matcher(raw).replaceAll("")).replaceFirst("$1").strip();
    }

    private static Token cell(String s, int line) {
        BigDecimal v = number(s);
        if (v != null) {
            return Token.number(v, s, line);
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        return VALUE_TEXT.matcher(n).matches() ? Token.valueText(s, line) : Token.text(s, line);
    }

    /** The number a cell holds (full-width digits and thousands separators allowed), or null. */
    public static BigDecimal number(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        if (!NUMBER.matcher(n).matches()) {
            return null;
        }
        return new BigDecimal(n.replace(",", ""));
    }
}
