package io.xxgk.excel;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of our workbooks, each created once per workbook (POI caps the number of styles a
 * workbook may hold, and Excel slows down with many).
 */
final class Styles {

    static final String SONG = "宋体";
    static final String FANGSONG = "仿宋";

    /** What a cell is for; each kind has one style. */
    enum Kind {
        TITLE, SECTION, BLOCK, HEADER, ROW_LABEL, NOTE,
        INPUT_COUNT, INPUT_AMOUNT, FORMULA,
        INFO_LABEL, INFO_INPUT_TEXT, INFO_INPUT_NUMBER, INFO_HINT,
        TEXT, TEXT_BOLD, CHECK_HEADER, CHECK_TEXT, CHECK_NUMBER
    }

    private final Workbook wb;
    private final Map<Kind, CellStyle> cache = new EnumMap<>(Kind.class);

    Styles(Workbook wb) {
        this.wb = wb;
    }

    CellStyle get(Kind kind) {
        return cache.computeIfAbsent(kind, this::create);
    }

    private CellStyle create(Kind kind) {
        CellStyle s = wb.createCellStyle();
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        switch (kind) {
            case TITLE -> {
                s.setFont(font(SONG, 16, true));
                s.setAlignment(HorizontalAlignment.CENTER);
            }
            case SECTION -> s.setFont(font(FANGSONG, 14, true));
            case BLOCK, HEADER -> {
                bordered(s);
                s.setFont(font(SONG, 10, true));
                s.setAlignment(HorizontalAlignment.CENTER);
            }
            case ROW_LABEL -> {
                bordered(s);
                s.setFont(font(SONG, 10, false));
                s.setAlignment(HorizontalAlignment.LEFT);
            }
            case NOTE -> {
                bordered(s);
                s.setFont(font(SONG, 9, false));
                s.setAlignment(HorizontalAlignment.CENTER);
            }
            case INPUT_COUNT, INPUT_AMOUNT -> {
                bordered(s);
                s.setFont(font(SONG, 10, false));
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setLocked(false);
                s.setDataFormat(wb.createDataFormat().getFormat(kind == Kind.INPUT_COUNT ? "0" : "0.00###"));
            }
            case FORMULA -> {
                bordered(s);
                s.setFont(font(SONG, 10, true));
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setDataFormat(wb.createDataFormat().getFormat("0"));
                s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            case INFO_LABEL -> {
                bordered(s);
                s.setFont(font(SONG, 11, true));
            }
            case INFO_INPUT_TEXT, INFO_INPUT_NUMBER -> {
                bordered(s);
                s.setFont(font(SONG, 11, false));
                s.setLocked(false);
                s.setDataFormat(wb.createDataFormat().getFormat(kind == Kind.INFO_INPUT_TEXT ? "@" : "0"));
                s.setAlignment(HorizontalAlignment.LEFT);
            }
            case INFO_HINT -> {
                bordered(s);
                s.setFont(font(SONG, 9, false));
            }
            case TEXT -> s.setFont(font(FANGSONG, 12, false));
            case TEXT_BOLD -> s.setFont(font(FANGSONG, 12, true));
            case CHECK_HEADER -> {
                s.setFont(font(SONG, 9, true));
                s.setAlignment(HorizontalAlignment.CENTER);
            }
            case CHECK_TEXT -> s.setFont(font(SONG, 9, false));
            case CHECK_NUMBER -> {
                s.setFont(font(SONG, 9, false));
                s.setAlignment(HorizontalAlignment.CENTER);
            }
            default -> throw new IllegalStateException("no style for " + kind);
        }
        return s;
    }

    private static void bordered(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }

    private Font font(String name, int points, boolean bold) {
        Font f = wb.createFont();
        f.setFontName(name);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        return f;
    }
}
