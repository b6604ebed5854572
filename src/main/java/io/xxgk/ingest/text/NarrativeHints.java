package io.xxgk.ingest.text;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.ingest.RawCell;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the figures a report's narrative states ("同意公开答复数 4 条") with its own tables and
 * gives a warning, quoting the sentence, where they differ. Only clauses about applications count
 * (the 12345 hotline's "办结" is not ours), and only numbers with a unit (件、条…), so table rows,
 * which carry none, are never read as narrative. Never an error: the tables are what is checked.
 */
final class NarrativeHints {

    /** A figure of the narrative, the table keys it adds up, and what the clause must be about. */
    private record Hint(String rule, Pattern pattern, List<String> keys, Pattern context) {
    }

    /** Applications in general (received, carried over). */
    private static final Pattern APPLICATIONS = Pattern.compile("申请");
    /** How applications were answered: 答复, 办理, 办结 (not information the agency produced). */
    private static final Pattern ANSWERS = Pattern.compile("答复|办理|办结|处理结果");
    private static final Pattern ANY = Pattern.compile("");

    private static final String GAP = "[^0-9，,。；;：:]{0,10}?";
    private static final String UNIT = "\\s*(?:件|条|个|宗|起)";

    private static final List<Hint> HINTS = List.of(
            hint("TXT-GRANTED", "(?:同意公开|予以公开)", ANSWERS, "requests.granted.total"),
            hint("TXT-PARTIAL", "(?:区分处理|部分公开)", ANSWERS, "requests.partial.total"),
            hint("TXT-DENIED", "不予公开", ANSWERS, "requests.denied_secret.total", "requests.denied_law.total",
                    "requests.denied_safety.total", "requests.denied_third_party.total",
                    "requests.denied_internal.total", "requests.denied_process.total",
                    "requests.denied_enforcement.total", "requests.denied_query.total"),
            hint("TXT-UNABLE", "无法提供", ANSWERS, "requests.unable_not_held.total", "requests.unable_to_create.total",
                    "requests.unable_unclear.total"),
            hint("TXT-REJECTED", "不予处理", ANSWERS, "requests.rejected_petition.total", "requests.rejected_repeat.total",
                    "requests.rejected_publication.total", "requests.rejected_excessive.total",
                    "requests.rejected_confirm.total"),
            hint("TXT-RECEIVED", "(?:收到|新收|受理)" + GAP + "申请", APPLICATIONS, "requests.new.total"),
            hint("TXT-CARRIED", "(?:结转下一?年|本年度?结转)", APPLICATIONS, "requests.carried_out.total"),
            hint("TXT-REVIEW", "行政复议", ANY, "appeals.review.total"),
            hint("TXT-SUIT", "行政诉讼", ANY, "appeals.suit_direct.total", "appeals.suit_after_review.total"),
            hint("TXT-NORMATIVE", "规范性文件" + GAP + "(?:制发|印发|出台)", ANY, "active.normative.issued"),
            hint("TXT-NORMATIVE", "(?:制发|印发|出台)" + GAP + "规范性文件", ANY, "active.normative.issued"),
            hint("TXT-NORMATIVE", "规范性文件(?:\\d+" + UNIT + ")?[、，,]?" + GAP + "废止", ANY, "active.normative.repealed"),
            hint("TXT-NORMATIVE", "废止" + GAP + "规范性文件", ANY, "active.normative.repealed"));

    private static Hint hint(String rule, String phrase, Pattern context, String... keys) {
        return new Hint(rule, Pattern.compile(phrase + GAP + "(\\d+)" + UNIT), List.of(keys), context);
    }

    private static final Pattern ALL_UPHELD = Pattern.compile("(?:行政复议|行政诉讼)[^。；;]{0,20}?均(?:获|被)?(?:维持|胜诉)");

    private NarrativeHints() {
    }

    /** PDF and web text wrap sentences over lines: the clauses of the text joined (no spaces between Chinese lines). */
    private static String[] clauses(List<String> lines) {
        return String.join("", lines.stream().filter(l -> l.indexOf('\t') < 0).map(String::strip).toList()).split("[。；;]");
    }

    /**
     * What the narrative states of single cells (制发规范性文件1件、废止1件): each key with every figure
     * stated for it, and the words that state it. Evidence for splitting glued digits, never a value.
     */
    static Map<String, Map<BigDecimal, String>> stated(List<String> lines) {
        Map<String, Map<BigDecimal, String>> out = new HashMap<>();
        for (String clause : clauses(lines)) {
            for (Hint h : HINTS) {
                if (h.keys().size() != 1 || !h.context().matcher(clause).find()) {
                    continue;
                }
                Matcher m = h.pattern().matcher(clause);
                while (m.find()) {
                    out.computeIfAbsent(h.keys().get(0), k -> new LinkedHashMap<>())
                            .putIfAbsent(new BigDecimal(m.group(1)), m.group());
                }
            }
        }
        return out;
    }

    static List<Finding> hints(List<String> lines, Map<String, RawCell> cells, String file) {
        List<Finding> out = new ArrayList<>();
        for (String clause : clauses(lines)) {
            for (Hint h : HINTS) {
                if (!h.context().matcher(clause).find()) {
                    continue;
                }
                Matcher m = h.pattern().matcher(clause);
                while (m.find()) {
                    BigDecimal stated = new BigDecimal(m.group(1));
                    BigDecimal table = sum(cells, h.keys());
                    if (table != null && stated.compareTo(table) != 0) {
                        out.add(Finding.of(Rule.byId(h.rule()), file, null, h.keys().get(0), table, stated,
                                "finding.txt", List.of(m.group(), table.toPlainString(), quote(clause))));
                    }
                }
            }
            Matcher upheld = ALL_UPHELD.matcher(clause);
            if (upheld.find()) {
                BigDecimal notUpheld = sum(cells, List.of("appeals.review.corrected", "appeals.review.pending",
                        "appeals.suit_direct.corrected", "appeals.suit_direct.pending",
                        "appeals.suit_after_review.corrected", "appeals.suit_after_review.pending"));
                if (notUpheld != null && notUpheld.signum() > 0) {
                    out.add(Finding.of(Rule.TXT_UPHELD, file, null, "appeals.review.corrected",
                            BigDecimal.ZERO, notUpheld, "finding.txtUpheld", List.of(notUpheld.toPlainString(), quote(clause))));
                }
            }
        }
        return out;
    }

    /** The sum of the table's values for these keys, or null when one of them was not read. */
    private static BigDecimal sum(Map<String, RawCell> cells, List<String> keys) {
        BigDecimal s = BigDecimal.ZERO;
        for (String k : keys) {
            RawCell c = cells.get(k);
            if (c == null) {
                return null;
            }
            if (c.kind() == RawCell.Kind.NUMBER) {
                s = s.add(c.number());
            }
        }
        return s;
    }

    private static String quote(String clause) {
        String s = clause.strip();
        return s.length() > 120 ? "…" + s.substring(s.length() - 120) : s;
    }
}
