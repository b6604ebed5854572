package io.xxgk.ingest.text;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.ingest.RawCell;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agency and year of a published report, from the best evidence it has: the title in any of the
 * shapes reports print it (agency first or year first, on one line or split over two, 年度 twice,
 * 工作 missing), else a title inside a covering notice, else the web page's 发布机构 and the body
 * (本报告由…编制, 统计期限自 2024 年…), else the file name, with a warning that says so.
 *
 * @param identity the fields found
 * @param cells    where each was found (line of the text, or the file name)
 * @param problems a warning when the file name was the only source
 */
record ReportIdentity(Identity identity, Map<String, RawCell> cells, List<Finding> problems) {

    /** The title's words after the agency and year: 政府信息公开工作年度报告, and the shorter forms seen. */
    private static final String REPORT = "(?:政府信息|政务|信息)公开(?:工作)?(?:年度)?(?:报告|年报)";
    private static final String TAIL = "\\s*年\\s*(?:度\\s*)?" + REPORT + "(?:统计表)?\\s*$";
    /** Agency first: 淮安市洪泽区人民政府2024年政府信息公开工作年度报告. */
    private static final Pattern AGENCY_FIRST = Pattern.compile("^\\s*(\\S.{1,60}?)\\s*(\\d{4})" + TAIL);
    /** Year first: 2024年上海市科委政府信息公开工作年度报告. */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "^\\s*(\\d{4})\\s*年\\s*(?:度\\s*)?(\\S.{1,60}?)\\s*" + REPORT + "\\s*$");
    /** The year after the title, in brackets: 福州市仓山区财政局政府信息公开工作年度报告（2023年度）. */
    private static final Pattern YEAR_AFTER = Pattern.compile(
            "^\\s*(\\S.{1,60}?)\\s*" + REPORT + "\\s*[（(]\\s*(\\d{4})\\s*年?\\s*度?\\s*[)）]\\s*$");
    /** A title naming no agency: 2023 年政府信息公开工作年度报告. */
    private static final Pattern YEAR_ONLY = Pattern.compile("^\\s*(\\d{4})" + TAIL);
    /**
     * A title inside a line, used only when no title line exists: in a covering notice after 转发,
     * 印发 or 《 (关于转发鲤城区 2023年…年度报告的通知), or standing alone among a web page's furniture
     * (…年度报告_上杭县人民政府, 首页 > 政务公开 > …年度报告, …年度报告 发布时间：…). Not inside a
     * narrative's sentence: 举办上杭县2023年度…年度报告编制工作会议 names no agency "举办上杭县".
     */
    private static final Pattern TITLE_IN_TEXT = Pattern.compile(
            "(?:转发|印发|《)《?([^《》，。\\s]{2,40}?)\\s*(\\d{4})\\s*年\\s*(?:度\\s*)?政府信息公开工作年度报告");
    private static final Pattern TITLE_AMONG_FURNITURE = Pattern.compile(
            "(?:^|[\\s>_|｜:：])([^《》，。\\s>_|｜:：]{2,40}?)\\s*(\\d{4})\\s*年\\s*(?:度\\s*)?政府信息公开工作年度报告"
                    + "(?=$|[\\s_|｜》]|的通知)");
    private static final Pattern PUBLISHER = Pattern.compile("^\\s*发布机构\\s*[:：]\\s*(\\S{2,40})");
    private static final Pattern BODY_AGENCY = Pattern.compile(
            "本报告由\\s*([^\\s，。,（(]{2,40}?)\\s*(?:根据|依据|按照|依照|结合|负责|编制|组织)");
    private static final Pattern BODY_YEAR = Pattern.compile(
            "(?:统计期限|统计时限|统计期|时间)\\s*(?:为|是)?\\s*(?:自|从)?\\s*(\\d{4})\\s*年\\s*1\\s*月\\s*1\\s*日");
    private static final Pattern FILE_NAME = Pattern.compile(
            "^(?:(\\d{4})\\s*年?(?:度)?[-_ ]*)?(\\D{2,40}?)[-_ ]*(?:(\\d{4})\\s*年?(?:度)?)?(?:政府)?(?:信息公开)?(?:工作)?(?:年度)?(?:报告)?$");
    /** A file name names an agency when it has a word agencies' names have (not 报告, 年报…). */
    private static final Pattern AGENCY_WORD = Pattern.compile(
            "(省|市|县|区|旗|州|盟|镇|乡|街道|局|委|办|厅|府|院|署|会|中心|部|所|队|站|馆)");
    /** The title is near the top: looking further finds sentences, not titles. */
    private static final int TITLE_LINES = 60;

    static ReportIdentity of(List<String> given, String file) {
        // A converter's Markdown title (# **某某局2024年政府信息公开工作年度报告**) is read as its words.
        List<String> lines = given.stream().map(Tokenizer::withoutMarkup).toList();
        Map<String, RawCell> cells = new LinkedHashMap<>();
        Identity id = title(lines, cells);
        if (!id.get(IdentityField.NAME).isPresent() || !id.get(IdentityField.YEAR).isPresent()) {
            id = inText(lines, cells, id);
        }
        if (!id.get(IdentityField.NAME).isPresent() || !id.get(IdentityField.YEAR).isPresent()) {
            id = body(lines, cells, id);
        }
        List<Finding> problems = new ArrayList<>();
        if (!id.get(IdentityField.NAME).isPresent() || !id.get(IdentityField.YEAR).isPresent()) {
            id = fileName(file, cells, id, problems);
        }
        return new ReportIdentity(id, cells, problems);
    }

    private static Identity title(List<String> lines, Map<String, RawCell> cells) {
        // A whole title line first; only then a title split over two lines (淮安市洪泽区人民政府 /
        // 2024 年…年度报告, or 2024 年上海市科委…工作 / 年度报告), then over three (a cover page's large
        // type: 某某局 / 2023年度政府信息公开工作 / 年度报告).
        for (int parts = 1; parts <= 3; parts++) {
            int seen = 0;
            for (int i = 0; i < lines.size() && seen < TITLE_LINES; i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                seen++;
                String joined = titleParts(lines, i, parts);
                Identity id = joined == null ? null : titleLine(joined, i, cells);
                if (id != null) {
                    return id;
                }
            }
        }
        // A title without the agency (a web page names it in 发布机构): its year.
        for (int i = 0; i < Math.min(lines.size(), TITLE_LINES * 2); i++) {
            Matcher m = YEAR_ONLY.matcher(lines.get(i));
            if (m.find()) {
                cells.put(IdentityField.YEAR.id(), text(m.group(1), RowMapper.line(i + 1)));
                return Identity.empty().with(IdentityField.YEAR, m.group(1));
            }
        }
        return Identity.empty();
    }

    private static Identity titleLine(String line, int i, Map<String, RawCell> cells) {
        Matcher m = AGENCY_FIRST.matcher(line);
        if (m.find() && plausibleAgency(m.group(1))) {
            return found(cells, Identity.empty(), m.group(1), m.group(2), i);
        }
        m = YEAR_FIRST.matcher(line);
        if (m.find() && plausibleAgency(m.group(2))) {
            return found(cells, Identity.empty(), m.group(2), m.group(1), i);
        }
        m = YEAR_AFTER.matcher(line);
        if (m.find() && plausibleAgency(m.group(1))) {
            return found(cells, Identity.empty(), m.group(1), m.group(2), i);
        }
        return null;
    }

    private static boolean plausibleAgency(String s) {
        String t = s.strip();
        return t.length() >= 2 && !t.matches(".*[。；;，,：:、].*") && !t.matches("^\\d.*")
                && !t.matches("^(政府|本?机关|本?单位|本局|本委|本办|本院|我局|我委|我办)$");
    }

    /**
     * Line {@code i} and the next {@code parts - 1} non-empty lines joined, or null when one of them
     * (all but the last) is no piece of a title: longer than 40 characters, or ending a sentence.
     */
    private static String titleParts(List<String> lines, int i, int parts) {
        StringBuilder joined = new StringBuilder(lines.get(i).strip());
        int at = i;
        for (int k = 1; k < parts; k++) {
            String piece = lines.get(at).strip();
            if (piece.length() > 40 || piece.matches(".*[。；;，,：:）)]$")) {
                return null;
            }
            int next = nextNonEmptyIndex(lines, at);
            if (next < 0) {
                return null;
            }
            joined.append(lines.get(next).strip());
            at = next;
        }
        return joined.toString();
    }

    private static int nextNonEmptyIndex(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size() && j <= i + 3; j++) {
            if (!lines.get(j).isBlank()) {
                return j;
            }
        }
        return -1;
    }

    private static Identity inText(List<String> lines, Map<String, RawCell> cells, Identity id) {
        for (Pattern p : new Pattern[] {TITLE_IN_TEXT, TITLE_AMONG_FURNITURE}) {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = p.matcher(lines.get(i));
                // Words of a sentence (印发《关于做好2023年度…年度报告编制工作的通知》: "做好") are no agency.
                if (m.find() && plausibleAgency(m.group(1)) && AGENCY_WORD.matcher(m.group(1)).find()) {
                    return found(cells, id, m.group(1), m.group(2), i);
                }
            }
        }
        return id;
    }

    private static Identity body(List<String> lines, Map<String, RawCell> cells, Identity id) {
        // A body sentence wraps over lines: search the lines joined, and name the line it starts on.
        StringBuilder joined = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (String l : lines) {
            starts.add(joined.length());
            joined.append(l.strip());
        }
        String text = joined.toString();
        String agency = null;
        int agencyAt = -1;
        for (int i = 0; i < lines.size() && agency == null; i++) {
            Matcher m = PUBLISHER.matcher(lines.get(i));
            if (m.find()) {
                agency = m.group(1);
                agencyAt = i;
            }
        }
        Matcher a = BODY_AGENCY.matcher(text);
        if (agency == null && a.find()) {
            agency = a.group(1);
            agencyAt = lineAt(starts, a.start());
        }
        Matcher y = BODY_YEAR.matcher(text);
        String year = y.find() ? y.group(1) : null;
        int yearAt = year == null ? -1 : lineAt(starts, y.start());
        if (!id.get(IdentityField.NAME).isPresent() && agency != null) {
            id = id.with(IdentityField.NAME, agency.strip());
            cells.put(IdentityField.NAME.id(), text(agency, RowMapper.line(agencyAt + 1)));
        }
        if (!id.get(IdentityField.YEAR).isPresent() && year != null) {
            id = id.with(IdentityField.YEAR, year);
            cells.put(IdentityField.YEAR.id(), text(year, RowMapper.line(yearAt + 1)));
        }
        return id;
    }

    private static int lineAt(List<Integer> starts, int offset) {
        int line = 0;
        while (line + 1 < starts.size() && starts.get(line + 1) <= offset) {
            line++;
        }
        return line;
    }

    /** The file name as the last resort ("淮安市洪泽区人民政府-2024.pdf"), said in a warning. */
    private static Identity fileName(String file, Map<String, RawCell> cells, Identity id, List<Finding> problems) {
        String name = Path.of(file).getFileName().toString().replaceFirst("\\.[A-Za-z]{2,4}$", "").strip();
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            return id;
        }
        String year = m.group(1) != null ? m.group(1) : m.group(3);
        String agency = m.group(2) == null ? null : m.group(2).strip();
        List<String> taken = new ArrayList<>();
        if (!id.get(IdentityField.NAME).isPresent() && agency != null && plausibleAgency(agency)
                && AGENCY_WORD.matcher(agency).find() && agency.length() >= 4) {
            id = id.with(IdentityField.NAME, agency);
            cells.put(IdentityField.NAME.id(), new RawCell(RawCell.Kind.TEXT, null, agency, false, "文件名", name));
            taken.add(IdentityField.NAME.label() + "“" + agency + "”");
        }
        if (!id.get(IdentityField.YEAR).isPresent() && year != null) {
            id = id.with(IdentityField.YEAR, year);
            cells.put(IdentityField.YEAR.id(), new RawCell(RawCell.Kind.TEXT, null, year, false, "文件名", name));
            taken.add(IdentityField.YEAR.label() + "“" + year + "”");
        }
        if (!taken.isEmpty()) {
            problems.add(Finding.of(Rule.READ_NAME, file, null, null, null, null,
                    "finding.identityFromFileName", List.of(String.join("、", taken))));
        }
        return id;
    }

    private static Identity found(Map<String, RawCell> cells, Identity id, String named, String year, int line) {
        String where = RowMapper.line(line + 1);
        // 关于 belongs to the title (某某局关于2023年…报告), not to the agency's name.
        String agency = named.strip().replaceFirst("^关于", "").replaceFirst("关于$", "").strip();
        if (!id.get(IdentityField.NAME).isPresent() && plausibleAgency(agency)) {
            cells.put(IdentityField.NAME.id(), text(agency, where));
            id = id.with(IdentityField.NAME, agency);
        }
        if (!id.get(IdentityField.YEAR).isPresent()) {
            cells.put(IdentityField.YEAR.id(), text(year, where));
            id = id.with(IdentityField.YEAR, year);
        }
        return id;
    }

    private static RawCell text(String s, String where) {
        return new RawCell(RawCell.Kind.TEXT, null, s, false, RowMapper.SHEET, where);
    }
}
