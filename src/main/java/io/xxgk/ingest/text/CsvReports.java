package io.xxgk.ingest.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.Grid;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.util.Texts;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.util.CellReference;

/**
 * CSV files, read with Apache Commons CSV (UTF-8 with or without BOM, else GB18030; quoted fields
 * with line breaks; CR, LF or CRLF). Two kinds are ours:
 * <ul>
 * <li>a <b>dataset</b> of published reports, as crawlers and researchers keep them: one record per
 * report, the whole text in one field (标题, 时间, 内容, 来源…, with or without a header line). Each
 * record is a report of its own, its title field giving the agency and year;</li>
 * <li>a <b>grid</b>: the statistical tables saved as CSV from a spreadsheet, read like a sheet
 * (cells named by their column letter and row, as a spreadsheet opening the file shows them).</li>
 * </ul>
 */
public final class CsvReports {

    /** A crawled dataset of several hundred reports is tens of megabytes. */
    static final long MAX_BYTES = 200L << 20;
    /** A field this long that speaks of 政府信息公开 is a report's text. */
    private static final int REPORT_CHARS = 200;
    private static final Pattern REPORT_WORDS = Pattern.compile("政府信息公开");
    private static final Pattern DATE = Pattern.compile("\\d{4}\\s*[-/.年]\\s*\\d{1,2}.*");

    /** One report of a dataset: its record's number (1 = the first record), title, time and text. */
    public record Record(int number, String title, String time, String content) {

        /** The report as text: its title line (the agency and year are read there), then its text. */
        public String text() {
            return (title == null ? "" : title + "\n\n") + content;
        }
    }

    private CsvReports() {
    }

    /** The records of a CSV file as lists of fields. */
    static List<List<String>> rows(Path file) throws UnreadableException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableException(Messages.get("reason.tooLarge"), null);
            }
            String text = Texts.decode(Files.readAllBytes(file));
            if (jsonLines(file)) {
                return jsonRows(text);
            }
            List<List<String>> out = new ArrayList<>();
            try (CSVParser p = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).build()
                    .parse(new StringReader(text))) {
                for (CSVRecord r : p) {
                    out.add(r.toList());
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException(UnreadableException.reason(e), e);
        }
    }

    /** True for JSON lines (.jsonl, .ndjson): one object per line, read as a CSV with a header of its fields. */
    static boolean jsonLines(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * JSON lines as rows: a header of every field name met (in order), then each object's fields as
     * text (numbers and booleans as written; nested values as their JSON). A line that is no object is
     * an error naming its line.
     */
    private static List<List<String>> jsonRows(String text) throws UnreadableException {
        List<String> names = new ArrayList<>();
        List<JsonNode> objects = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines[i]);
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                throw new UnreadableException(Messages.get("reason.jsonLine", i + 1), null);
            }
            node.fieldNames().forEachRemaining(f -> {
                if (!names.contains(f)) {
                    names.add(f);
                }
            });
            objects.add(node);
        }
        List<List<String>> out = new ArrayList<>();
        out.add(names);
        for (JsonNode o : objects) {
            List<String> row = new ArrayList<>();
            for (String f : names) {
                JsonNode v = o.get(f);
                row.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
            }
            out.add(row);
        }
        return out;
    }

    /** A comma, or a tab where the first line has tabs and no comma (a "CSV" saved as tab-separated text). */
    private static char delimiter(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        return first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
    }

    /** The reports of a dataset, one per record holding a report's text; empty for any other CSV. */
    public static List<Record> records(Path file) throws UnreadableException {
        return records(rows(file));
    }

    static List<Record> records(List<List<String>> rows) {
        List<String> header = null;
        List<Record> out = new ArrayList<>();
        int number = 0;
        for (List<String> row : rows) {
            int content = contentField(row);
            if (content < 0) {
                if (out.isEmpty() && header == null && isHeader(row)) {
                    header = row;
                }
                continue;
            }
            number++;
            out.add(new Record(number, field(row, header, content, true), field(row, header, content, false),
                    row.get(content)));
        }
        return out;
    }

    /** The field holding a report's text: the longest, when it is long and about 政府信息公开; else -1. */
    private static int contentField(List<String> row) {
        int best = -1;
        for (int i = 0; i < row.size(); i++) {
            if (best < 0 || row.get(i).length() > row.get(best).length()) {
                best = i;
            }
        }
        return best >= 0 && row.get(best).length() >= REPORT_CHARS && REPORT_WORDS.matcher(row.get(best)).find() ? best : -1;
    }

    private static boolean isHeader(List<String> row) {
        return row.stream().map(CsvReports::headerName).anyMatch(h -> h.equals("title") || h.equals("content"));
    }

    /** What a header cell names: title, time, content, or "". */
    private static String headerName(String cell) {
        String s = cell.strip().toLowerCase(Locale.ROOT);
        if (s.equals("标题") || s.equals("题目") || s.equals("title") || s.equals("名称") || s.equals("name")) {
            return "title";
        }
        if (s.equals("时间") || s.equals("发布时间") || s.equals("日期") || s.equals("发布日期") || s.equals("date")
                || s.equals("time")) {
            return "time";
        }
        if (s.equals("内容") || s.equals("正文") || s.equals("content") || s.equals("text") || s.equals("body")) {
            return "content";
        }
        return "";
    }

    /**
     * A record's title (or time): the field its header names so; without a header, the first short
     * field that reads like a report's title (…报告) or like a date.
     */
    private static String field(List<String> row, List<String> header, int content, boolean title) {
        String want = title ? "title" : "time";
        if (header != null) {
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                if (i != content && headerName(header.get(i)).equals(want) && !row.get(i).isBlank()) {
                    return row.get(i).strip();
                }
            }
            return null;
        }
        for (int i = 0; i < row.size(); i++) {
            String f = row.get(i).strip();
            if (i == content || f.isEmpty() || f.length() > 120) {
                continue;
            }
            if (title ? f.contains("报告") : DATE.matcher(f).matches()) {
                return f;
            }
        }
        return null;
    }

    /** A CSV as the report reader takes it: a dataset's one report as text, else the cells as a grid. */
    static ReportText.Extracted extracted(Path file) throws UnreadableException {
        List<List<String>> rows = rows(file);
        List<Record> records = records(rows);
        if (records.size() > 1) {
            throw new UnreadableException(Messages.get("reason.dataset", records.size()), null);
        }
        if (records.size() == 1) {
            return new ReportText.Extracted(records.get(0).text(), null);
        }
        Grid grid = new Grid("CSV");
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String s = row.get(c).strip();
                if (!s.isEmpty()) {
                    String a1 = new CellReference(r, c).formatAsString();
                    BigDecimal n = Tokenizer.number(s);
                    grid.put(r, c, n != null ? new RawCell(RawCell.Kind.NUMBER, n, null, false, "CSV", a1)
                            : new RawCell(RawCell.Kind.TEXT, null, s, false, "CSV", a1));
                }
            }
            int last = row.size();
            while (last > 0 && row.get(last - 1).isBlank()) {
                last--;
            }
            text.append(String.join("\t", row.subList(0, last).stream().map(f -> f.replaceAll("[\\t\\r\\n]+", " ")).toList()))
                    .append('\n');
        }
        return new ReportText.Extracted(text.toString(), grid);
    }
}
