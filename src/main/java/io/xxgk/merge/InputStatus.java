package io.xxgk.merge;

import io.xxgk.ingest.excel.SummaryDetails;

/** What became of one input of a merge; every input ends in exactly one of these. */
public enum InputStatus {
    /** Added into the summary. */
    MERGED("merged", SummaryDetails.STATUS_MERGED),
    /** Has error findings, added anyway because of --include-invalid. */
    MERGED_INVALID("merged_invalid", SummaryDetails.STATUS_MERGED_INVALID),
    /** Has error findings, not added. */
    REJECTED("rejected", "有错误，未汇总"),
    /** Could not be read. */
    UNREADABLE("unreadable", "无法读取"),
    /** The same agency was already given; not counted twice (M-DUP). */
    DUPLICATE("duplicate", "重复，未汇总"),
    /** Another report year (M-YEAR). */
    OTHER_YEAR("other_year", "年度不同，未汇总"),
    /**
     * An annotated copy (written by {@code --annotate}) sent back with the numbers it was annotated
     * with: its errors are still there, not added.
     */
    RETURNED_UNCHANGED("returned_unchanged", "退回后未改正，未汇总"),
    /** No number filled in (VAL-EMPTY): never merged, also not with --include-invalid. */
    EMPTY("empty", "空表，未汇总"),
    /** Another layout (M-LAYOUT). */
    OTHER_LAYOUT("other_layout", "表格版本不同，未汇总");

    private final String id;
    private final String label;

    InputStatus(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** The Chinese label used in the summary workbook (明细, 报送情况). */
    public String label() {
        return label;
    }

    public boolean merged() {
        return this == MERGED || this == MERGED_INVALID;
    }
}
