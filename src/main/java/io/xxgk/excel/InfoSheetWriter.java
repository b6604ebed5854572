package io.xxgk.excel;

import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sheet 基本信息: one row per identity field (label, value, hint), the value cells named
 * {@code info.<field>} and validated where Excel can express the rule.
 */
final class InfoSheetWriter {

    private static final Map<IdentityField, String> HINTS = Map.ofEntries(
            Map.entry(IdentityField.NAME, "必填。单位全称，与公章一致。"),
            Map.entry(IdentityField.CREDIT_CODE, "18 位统一社会信用代码（GB 32100-2015），字母大写。"),
            Map.entry(IdentityField.REGION_CODE, "6 位行政区划代码（GB/T 2260），如 350112。"),
            Map.entry(IdentityField.PARENT, "汇总时所属的上级单位或地区。"),
            Map.entry(IdentityField.YEAR, "必填。4 位年份，如 2024。"),
            Map.entry(IdentityField.FILLER, "填表人姓名。"),
            Map.entry(IdentityField.PHONE, "固定电话或手机号码。"),
            Map.entry(IdentityField.EMAIL, "如 gkb@example.gov.cn。"),
            Map.entry(IdentityField.WEBSITE, "政府信息公开专栏或门户网站地址。"),
            Map.entry(IdentityField.ADDRESS, "通讯地址。"),
            Map.entry(IdentityField.POSTCODE, "6 位数字邮政编码。"));

    private InfoSheetWriter() {
    }

    static void write(XSSFWorkbook wb, XSSFSheet sheet, Styles styles, Identity identity) {
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 48 * 256);
        sheet.setColumnWidth(2, 50 * 256);
        StatsSheetWriter.cell(sheet, 0, 0, "基本信息", Styles.Kind.TITLE, styles);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
        StatsSheetWriter.row(sheet, 0).setHeightInPoints(30f);
        String[] head = {"项目", "内容", "填写要求"};
        for (int c = 0; c < head.length; c++) {
            StatsSheetWriter.cell(sheet, 1, c, head[c], Styles.Kind.INFO_LABEL, styles);
        }
        int r = 2;
        for (IdentityField field : IdentityField.values()) {
            String label = field.label() + (field.required() ? "（必填）" : "");
            StatsSheetWriter.cell(sheet, r, 0, label, Styles.Kind.INFO_LABEL, styles);
            boolean number = field == IdentityField.YEAR;
            Cell value = StatsSheetWriter.cell(sheet, r, 1, null,
                    number ? Styles.Kind.INFO_INPUT_NUMBER : Styles.Kind.INFO_INPUT_TEXT, styles);
            identity.get(field).ifPresent(v -> {
                if (number && v.matches("\\d{4}")) {
                    value.setCellValue(Integer.parseInt(v));
                } else {
                    value.setCellValue(v);
                }
            });
            StatsSheetWriter.cell(sheet, r, 2, HINTS.get(field), Styles.Kind.INFO_HINT, styles);
            StatsSheetWriter.row(sheet, r).setHeightInPoints(22f);
            XSSFName name = wb.createName();
            name.setNameName(field.definedName());
            name.setRefersToFormula("'" + sheet.getSheetName() + "'!" + Refs.abs(r, 1));
            validate(sheet, field, r);
            r++;
        }
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private static void validate(XSSFSheet sheet, IdentityField field, int row) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        String ref = Refs.a1(row, 1);
        DataValidationConstraint constraint;
        String message;
        switch (field) {
            case YEAR -> {
                constraint = helper.createIntegerConstraint(OperatorType.BETWEEN, "1000", "9999");
                message = "报告年度应为 4 位年份，如 2024。";
            }
            case REGION_CODE -> {
                constraint = helper.createCustomConstraint("AND(LEN(" + ref + ")=6,ISNUMBER(VALUE(" + ref + ")))");
                message = "行政区划代码应为 6 位数字。";
            }
            case POSTCODE -> {
                constraint = helper.createCustomConstraint("AND(LEN(" + ref + ")=6,ISNUMBER(VALUE(" + ref + ")))");
                message = "邮政编码应为 6 位数字。";
            }
            case CREDIT_CODE -> {
                constraint = helper.createTextLengthConstraint(OperatorType.EQUAL, "18", null);
                message = "统一社会信用代码应为 18 位。";
            }
            default -> {
                return;
            }
        }
        DataValidation dv = helper.createValidation(constraint, new CellRangeAddressList(row, row, 1, 1));
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.setEmptyCellAllowed(true);
        dv.setShowErrorBox(true);
        dv.createErrorBox("格式不正确", message);
        sheet.addValidationData(dv);
    }
}
