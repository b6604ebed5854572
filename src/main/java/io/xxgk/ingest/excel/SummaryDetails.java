package io.xxgk.ingest.excel;

import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The units a summary workbook adds up, from its sheet 明细 (written by {@code xxgk merge}): one row
 * per input, with the columns 单位名称 and 统一社会信用代码 and a 状态 column; only merged rows count
 * (with or without errors).
 */
public final class SummaryDetails {

    public static final String SHEET = "明细";
    public static final String STATUS_MERGED = "已汇总";
    public static final String STATUS_MERGED_INVALID = "有错误，已汇总";

    private SummaryDetails() {
    }

    static List<Identity> units(Workbook wb) {
        Sheet sheet = wb.getSheet(SHEET);
        List<Identity> out = new ArrayList<>();
        if (sheet == null) {
            return out;
        }
        Row head = sheet.getRow(0);
        if (head == null) {
            return out;
        }
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        Map<String, Integer> cols = new HashMap<>();
        for (Cell c : head) {
            cols.put(fmt.formatCellValue(c).strip(), c.getColumnIndex());
        }
        Integer name = cols.get(IdentityField.NAME.label());
        Integer code = cols.get(IdentityField.CREDIT_CODE.label());
        Integer status = cols.get("状态");
        if (name == null || status == null) {
            return out;
        }
        for (Row row : sheet) {
            if (row.getRowNum() < 2) {
                continue;
            }
            String st = text(row, status, fmt);
            if (!STATUS_MERGED.equals(st) && !STATUS_MERGED_INVALID.equals(st)) {
                continue;
            }
            Identity id = Identity.empty().with(IdentityField.NAME, text(row, name, fmt));
            if (code != null) {
                id = id.with(IdentityField.CREDIT_CODE, text(row, code, fmt));
            }
            out.add(id);
        }
        return out;
    }

    private static String text(Row row, int col, DataFormatter fmt) {
        Cell c = row.getCell(col);
        return c == null ? "" : fmt.formatCellValue(c).strip();
    }
}
