package io.xxgk.excel;

import java.util.Locale;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFEvaluationWorkbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaParsingWorkbook;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Pxg;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What of an input workbook may go out again in a copy of it: no formula where a number is typed
 * (the cell keeps the value it showed), and no formula anywhere that reaches outside the workbook or
 * does more than compute — an external reference, a DDE link ({@code cmd|'/c calc'!A1}), HYPERLINK,
 * WEBSERVICE, an add-in function — nor the links and names behind them. Such a cell keeps its saved
 * result as a plain value. The template's own totals and live checks (SUM, IF, … on its own cells) stay.
 */
final class Defuse {

    /** The functions a formula may use and stay a formula: arithmetic, logic and counting on the workbook's own cells. */
    static final Set<String> SAFE_FUNCTIONS = Set.of("SUM", "IF", "AND", "OR", "NOT", "ISNUMBER", "ISBLANK", "ISTEXT",
            "ISERROR", "IFERROR", "LEN", "VALUE", "INT", "ROUND", "ROUNDUP", "ROUNDDOWN", "ABS", "MOD", "MAX", "MIN",
            "COUNT", "COUNTA", "COUNTIF", "COUNTBLANK", "SUMIF", "SUMPRODUCT", "AVERAGE", "TEXT", "TRIM", "N",
            "CONCATENATE", "TRUE", "FALSE");

    private Defuse() {
    }

    /**
     * Replaces by their saved results the formulas in {@code inputCells} ("统计表!I25": where numbers are
     * typed) and every formula that is not plainly safe; drops external references and names that reach
     * outside. Returns how many formulas were replaced.
     */
    static int values(Workbook wb, Set<String> inputCells) {
        Object parsing = wb instanceof XSSFWorkbook x ? XSSFEvaluationWorkbook.create(x)
                : wb instanceof HSSFWorkbook h ? HSSFEvaluationWorkbook.create(h) : null;
        int replaced = 0;
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            Sheet sheet = wb.getSheetAt(s);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.FORMULA) {
                        continue;
                    }
                    String at = sheet.getSheetName() + "!" + cell.getAddress().formatAsString();
                    if (inputCells.contains(at) || !safe(cell.getCellFormula(), parsing, s)) {
                        toValue(cell);
                        replaced++;
                    }
                }
            }
        }
        for (Name name : wb.getAllNames().toArray(new Name[0])) {
            if (!name.isFunctionName() && name.getRefersToFormula() != null && outside(name.getRefersToFormula())) {
                wb.removeName(name);
            }
        }
        if (wb instanceof XSSFWorkbook x && x.getCTWorkbook().isSetExternalReferences()) {
            // The links to other workbooks (and DDE) behind the formulas replaced: no prompt to update them.
            x.getCTWorkbook().unsetExternalReferences();
        }
        return replaced;
    }

    /**
     * The cell holding its formula's saved result as a plain value (POI's removeFormula is not kept by
     * HSSF when the workbook is written: the formula record stays).
     */
    private static void toValue(Cell cell) {
        switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> {
                double v = cell.getNumericCellValue();
                cell.setBlank();
                cell.setCellValue(v);
            }
            case STRING -> {
                String v = cell.getStringCellValue();
                cell.setBlank();
                cell.setCellValue(v);
            }
            case BOOLEAN -> {
                boolean v = cell.getBooleanCellValue();
                cell.setBlank();
                cell.setCellValue(v);
            }
            case ERROR -> {
                byte v = cell.getErrorCellValue();
                cell.setBlank();
                cell.setCellErrorValue(v);
            }
            default -> cell.setBlank();
        }
    }

    /** A formula computing on this workbook's cells with the safe functions only; anything unparsable is not. */
    static boolean safe(String formula, Object parsing, int sheet) {
        if (formula == null || !(parsing instanceof FormulaParsingWorkbook fp) || !(parsing instanceof EvaluationWorkbook ew)
                || outside(formula)) {
            return false;
        }
        Ptg[] ptgs;
        try {
            ptgs = FormulaParser.parse(formula, fp, FormulaType.CELL, sheet);
        } catch (RuntimeException e) {
            return false;
        }
        for (Ptg p : ptgs) {
            if (p instanceof Pxg x && x.getExternalWorkbookNumber() > 0 || p instanceof NameXPxg || p instanceof NameXPtg) {
                return false;
            }
            if (p instanceof AbstractFunctionPtg f && (f.isExternalFunction()
                    || !SAFE_FUNCTIONS.contains(f.getName().toUpperCase(Locale.ROOT)))) {
                return false;
            }
            if (p instanceof NamePtg n && !safeName(ew, n)) {
                return false;
            }
        }
        return true;
    }

    /** A defined name used in a formula: one of this workbook's cells or ranges, reaching nowhere else. */
    private static boolean safeName(EvaluationWorkbook parsing, NamePtg n) {
        try {
            EvaluationName name = parsing.getName(n);
            if (name == null || !name.hasFormula()) {
                return false;
            }
            for (Ptg q : name.getNameDefinition()) {
                if (q instanceof Pxg x && x.getExternalWorkbookNumber() > 0 || q instanceof NameXPxg || q instanceof NameXPtg
                        || q instanceof AbstractFunctionPtg || q instanceof NamePtg) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Text that names another workbook ([1]Sheet!A1, 'C:\…\[x.xlsx]') or a DDE server (cmd|…). */
    private static boolean outside(String formula) {
        return formula.indexOf('[') >= 0 || formula.indexOf('|') >= 0;
    }
}
