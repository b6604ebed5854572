package io.xxgk.ingest.text;

import io.xxgk.identity.Labels;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.CombinedRow;
import io.xxgk.schema.FormItem;
import io.xxgk.schema.Layout;
import io.xxgk.schema.TableForm;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tables whose cell separators were all lost (a crawled web page, a text copied out of a page):
 * titles, headers, row labels and each row's numbers run together into one long line
 * ({@code …现行有效件数规章000行政规范性文件1126第二十条…}). Such a run is cut into cells again by the
 * layout's own words: each table title stands alone, each run of digits is one glued value cell
 * (split later by the table's arithmetic, see {@link GluedDigits}), and the text before a run of digits
 * ends with the row label it belongs to (the longest ending that is a row label), the rest before it
 * being header words. A digit directly before {@code .} or {@code 、} and a character is a sub-row's
 * numbering ({@code …00000002.其他法律…}), not a value.
 *
 * <p>Only a word (between spaces) in which at least two row labels are followed at once by digits is
 * cut: a sentence of the narrative that names one figure ({@code 行政处罚81项}) stays as it is.
 */
final class GluedTables {

    /** Digits, with a decimal part: one glued value cell. */
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** Spaces of every width, where a crawled page kept them between paragraphs. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    /** What may stand before a title's words: 二、 附表1： 表二 */
    private static final String TITLE_NUMBER = "(?:[一二三四五六七八九十]+[、.,]|附表\\d*[:：、.]?|表[一二三四五六七八九十\\d]*[:：、.]?)?";

    private final Set<String> rowLabels = new HashSet<>();
    /** The longest row label as printed may be: the normalized one, with room for quotes and spaces it drops. */
    private int longestLabel;
    private final List<String> joins = new ArrayList<>();
    private final List<Pattern> titles = new ArrayList<>();

    GluedTables(Layout layout) {
        Set<String> labels = new LinkedHashSet<>();
        for (TableForm form : layout.forms()) {
            for (FormItem.Slot s : form.slots()) {
                layout.cell(s.key()).map(CellDef::rowLabel).ifPresent(labels::add);
            }
            for (String words : Labels.titleWords(Labels.normalize(form.title()))) {
                titles.add(Pattern.compile(TITLE_NUMBER + Arrays.stream(words.split(",", -1))
                        .map(Pattern::quote).collect(Collectors.joining("[、,]"))));
            }
        }
        for (CombinedRow group : layout.combined()) {
            group.cells().forEach(c -> labels.add(c.rowLabel()));
        }
        for (String l : labels) {
            String n = Labels.normalize(l);
            longestLabel = Math.max(longestLabel, n.length() + 16);
            rowLabels.add(n);
            joins.add(n);
            String bare = Labels.withoutNumbering(n);
            if (!bare.equals(n) && bare.length() >= 4) {
                rowLabels.add(bare);
                joins.add(bare);
            }
        }
    }

    /** Joins a run of wrapped lines must hold to be read as one glued line (a narrative names a figure or two). */
    private static final int WRAPPED_JOINS = 5;

    /**
     * The tokens, with every glued table among them cut into its cells. A glued page wrapped at a fixed
     * width (a title, a label or a digit run broken over two lines) is read as the one line it was: a run
     * of text cells on consecutive lines is joined when together they hold a glued table; each cell cut
     * from it keeps the line where it starts.
     */
    List<Token> cut(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); ) {
            Token tk = tokens.get(i);
            int j = i + 1;
            while (tk.kind() == Token.Kind.TEXT && j < tokens.size() && tokens.get(j).kind() == Token.Kind.TEXT
                    && tokens.get(j).line() - tokens.get(j - 1).line() <= 1) {
                j++;
            }
            List<Token> run = tokens.subList(i, j);
            if (run.size() > 1 && joins(concatenated(run), WRAPPED_JOINS) >= WRAPPED_JOINS) {
                cutRun(run, out);
            } else {
                for (Token t : run) {
                    if (t.kind() == Token.Kind.TEXT && isGlued(t.text())) {
                        cutRun(List.of(t), out);
                    } else {
                        out.add(t);
                    }
                }
            }
            i = j;
        }
        return out;
    }

    private static String concatenated(List<Token> run) {
        StringBuilder sb = new StringBuilder();
        run.forEach(t -> sb.append(t.text()));
        return sb.toString();
    }

    /** Cuts the text of {@code run} (one cell, or wrapped lines joined), each cell on the line where it starts. */
    private void cutRun(List<Token> run, List<Token> out) {
        StringBuilder joined = new StringBuilder();
        List<int[]> starts = new ArrayList<>(); // {offset in joined, line}
        for (Token t : run) {
            starts.add(new int[] {joined.length(), t.line()});
            joined.append(Normalizer.normalize(t.text(), Normalizer.Form.NFKC));
        }
        List<Token> cells = new ArrayList<>();
        for (String word : SPACES.split(joined.toString().strip())) {
            if (!word.isEmpty()) {
                cutWord(word, run.get(0).line(), cells);
            }
        }
        // Each cell's line: where its text starts in the joined text (cells come in order).
        String text = joined.toString();
        int cursor = 0;
        int s = 0;
        for (Token c : cells) {
            int at = text.indexOf(c.text(), cursor);
            if (at >= 0) {
                cursor = at + c.text().length();
                while (s + 1 < starts.size() && starts.get(s + 1)[0] <= at) {
                    s++;
                }
            }
            int line = starts.get(s)[1];
            out.add(line == c.line() ? c : new Token(c.kind(), c.text(), c.number(), line));
        }
    }

    /** True for text in which at least two row labels are followed at once by digits. */
    boolean isGlued(String text) {
        return text.length() >= 8 && joins(text, 2) >= 2;
    }

    /** How many times a row label is followed at once by digits in {@code text}, counted up to {@code enough}. */
    private int joins(String text, int enough) {
        String n = Labels.normalize(text);
        int found = 0;
        for (String label : joins) {
            for (int at = n.indexOf(label); at >= 0; at = n.indexOf(label, at + 1)) {
                int after = at + label.length();
                if (after < n.length() && Character.isDigit(n.charAt(after)) && ++found >= enough) {
                    return found;
                }
            }
        }
        return found;
    }

    /** One word of a glued line: its titles, its header words, its row labels and its digit runs. */
    private void cutWord(String word, int line, List<Token> out) {
        List<String> pieces = new ArrayList<>();
        pieces.add(word);
        for (Pattern title : titles) {
            List<String> next = new ArrayList<>();
            for (String p : pieces) {
                Matcher m = title.matcher(p);
                int from = 0;
                while (m.find()) {
                    if (m.start() > from) {
                        next.add(p.substring(from, m.start()));
                    }
                    next.add("\u0000" + m.group());
                    from = m.end();
                }
                if (from < p.length()) {
                    next.add(p.substring(from));
                }
            }
            pieces = next;
        }
        for (String p : pieces) {
            if (p.startsWith("\u0000")) {
                out.add(Token.text(p.substring(1), line));
            } else {
                valuesAndLabels(p, line, out);
            }
        }
    }

    /** Text and digit runs of a piece without titles; the text before digits ends with its row label. */
    private void valuesAndLabels(String piece, int line, List<Token> out) {
        Matcher m = DIGITS.matcher(piece);
        StringBuilder text = new StringBuilder();
        int from = 0;
        while (m.find()) {
            int end = m.end();
            boolean numbering = m.group().indexOf('.') < 0 && end < piece.length() - 1
                    && (piece.charAt(end) == '.' || piece.charAt(end) == '、')
                    && Character.isLetter(piece.charAt(end + 1));
            int valueEnd = numbering ? end - 1 : end;
            text.append(piece, from, m.start());
            if (valueEnd > m.start()) {
                flushText(text.toString(), line, out);
                text.setLength(0);
                out.add(Token.glued(piece.substring(m.start(), valueEnd), line));
            }
            if (numbering) {
                text.append(piece.charAt(end - 1));
            }
            from = end;
        }
        text.append(piece.substring(from));
        if (text.length() > 0) {
            out.add(Token.text(text.toString(), line));
        }
    }

    /** Header words and the row label at their end, as two cells; or one when it is all label or none. */
    private void flushText(String s, int line, List<Token> out) {
        if (s.isEmpty()) {
            return;
        }
        // Only the end can be a label: a long paragraph before a figure is not searched character by character.
        for (int i = Math.max(0, s.length() - longestLabel); i < s.length(); i++) {
            if (rowLabels.contains(Labels.normalize(s.substring(i)))) {
                if (i > 0) {
                    out.add(Token.text(s.substring(0, i), line));
                }
                out.add(Token.text(s.substring(i), line));
                return;
            }
        }
        out.add(Token.text(s, line));
    }
}
