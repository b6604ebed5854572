package io.xxgk.roster;

import io.xxgk.i18n.Messages;
import io.xxgk.identity.CreditCode;
import io.xxgk.identity.Divisions;
import io.xxgk.identity.RegionCode;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.IoProblems;
import io.xxgk.util.Texts;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a roster of agencies from .csv (UTF-8 or GB18030, as Excel on Chinese Windows saves it),
 * .xlsx or .xls. The header row is found by its 单位名称 column within the first rows; the other
 * columns are optional. Each row is checked on its own, so one bad row costs only that agency.
 */
public final class RosterReader {

    static final int HEADER_SEARCH_ROWS = 10;
    static final int MAX_NAME_LENGTH = 100;
    private static final Map<String, IdentityField> COLUMNS = Map.of(
            "单位名称", IdentityField.NAME,
            "统一社会信用代码", IdentityField.CREDIT_CODE,
            "行政区划代码", IdentityField.REGION_CODE,
            "上级单位", IdentityField.PARENT);
    /** The column naming the file to count when an agency sent several (a name or a path inside the inputs). */
    static final List<String> PICK_COLUMNS = List.of("采用文件", "以此文件为准");

    private RosterReader() {
    }

    public static Roster read(Path file) throws UserException {
        List<List<String>> rows = readRows(file);
        int header = findHeader(rows);
        if (header < 0) {
            throw new UserException(ExitCodes.UNREADABLE, "roster.noHeader", file);
        }
        Map<Integer, IdentityField> columns = new HashMap<>();
        int pick = -1;
        List<String> head = rows.get(header);
        for (int c = 0; c < head.size(); c++) {
            IdentityField f = COLUMNS.get(normalize(head.get(c)));
            if (f != null) {
                columns.putIfAbsent(c, f);
            } else if (pick < 0 && PICK_COLUMNS.contains(normalize(head.get(c)))) {
                pick = c;
            }
        }
        Roster roster = parseRows(rows, header, columns, pick);
        if (roster.entries().isEmpty() && roster.problems().isEmpty()) {
            throw new UserException(ExitCodes.UNREADABLE, "roster.empty", file);
        }
        return roster;
    }

    private static Roster parseRows(List<List<String>> rows, int header, Map<Integer, IdentityField> columns,
                                    int pickColumn) {
        List<RosterEntry> entries = new ArrayList<>();
        List<RosterProblem> problems = new ArrayList<>();
        List<RosterProblem> doubts = new ArrayList<>();
        Map<String, Integer> seenNames = new HashMap<>();
        Map<String, Integer> seenCodes = new HashMap<>();
        for (int i = header + 1; i < rows.size(); i++) {
            int rowNumber = i + 1;
            Identity id = Identity.empty();
            for (Map.Entry<Integer, IdentityField> col : columns.entrySet()) {
                List<String> row = rows.get(i);
                String v = col.getKey() < row.size() ? row.get(col.getKey()) : "";
                id = id.with(col.getValue(), v == null ? null : v.strip());
            }
            if (id.asMap().isEmpty()) {
                continue;
            }
            RosterProblem problem = problem(rowNumber, id, seenNames, seenCodes);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            seenNames.put(id.get(IdentityField.NAME).orElseThrow(), rowNumber);
            id.get(IdentityField.CREDIT_CODE).ifPresent(c -> seenCodes.put(c, rowNumber));
            List<String> row = rows.get(i);
            String pick = pickColumn >= 0 && pickColumn < row.size() && row.get(pickColumn) != null
                    && !row.get(pickColumn).isBlank() ? row.get(pickColumn).strip() : null;
            entries.add(new RosterEntry(rowNumber, id, pick));
            // Usable, but checked against the list of divisions as check does (沐阳县, a code of another place).
            for (Divisions.Doubt d : Divisions.doubts(id.get(IdentityField.NAME).orElse(null),
                    id.get(IdentityField.REGION_CODE).orElse(null))) {
                doubts.add(new RosterProblem(rowNumber, d.messageKey(), d.args()));
            }
        }
        return new Roster(entries, problems, doubts);
    }

    private static RosterProblem problem(int row, Identity id, Map<String, Integer> names, Map<String, Integer> codes) {
        String name = id.get(IdentityField.NAME).orElse(null);
        if (name == null) {
            return new RosterProblem(row, "roster.noName", List.of());
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return new RosterProblem(row, "roster.tooLong", List.of(MAX_NAME_LENGTH));
        }
        String code = id.get(IdentityField.CREDIT_CODE).orElse(null);
        if (code != null && !CreditCode.isValid18(code)) {
            return new RosterProblem(row, "roster.badCredit", List.of(code));
        }
        String region = id.get(IdentityField.REGION_CODE).orElse(null);
        if (region != null && !RegionCode.isValid(region)) {
            return new RosterProblem(row, "roster.badRegion", List.of(region));
        }
        if (code != null && codes.containsKey(code)) {
            return new RosterProblem(row, "roster.duplicate", List.of(codes.get(code), code));
        }
        if (names.containsKey(name)) {
            return new RosterProblem(row, "roster.duplicate", List.of(names.get(name), name));
        }
        return null;
    }

    private static int findHeader(List<List<String>> rows) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
            for (String cell : rows.get(i)) {
                if ("单位名称".equals(normalize(cell))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Header text without spaces of any width, so 单 位 名 称 still matches. */
    static String normalize(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u3000\\u00A0\\uFEFF]+", "");
    }

    private static List<List<String>> readRows(Path file) throws UserException {
        if (Files.isDirectory(file)) {
            // A folder given for the roster: said as such (it was "文件不存在").
            throw new UserException(ExitCodes.USAGE, "error.unreadable", file, Messages.get("io.isFolder"));
        }
        if (!Files.isRegularFile(file)) {
            throw new UserException(ExitCodes.UNREADABLE, "error.unreadable", file, Messages.get("io.missing"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return readCsv(file);
            }
            return readWorkbook(file);
        } catch (IOException | RuntimeException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.unreadable", file, IoProblems.whyNotRead(e));
        }
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        String text = Texts.decode(Files.readAllBytes(file));
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build()
                .parse(new StringReader(text))) {
            for (CSVRecord rec : parser) {
                rows.add(rec.toList());
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter fmt) {
        if (cell.getCellType() != CellType.FORMULA) {
            return fmt.formatCellValue(cell);
        }
        return switch (cell.getCachedFormulaResultType()) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> fmt.formatRawCellContents(cell.getNumericCellValue(),
                    cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
            default -> "";
        };
    }

    private static List<List<String>> readWorkbook(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        // Formula cells give their cached result as text: a roster never runs formulas.
                        cells.add(cell == null ? "" : text(cell, fmt));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
