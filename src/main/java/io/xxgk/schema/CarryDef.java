package io.xxgk.schema;

/**
 * A value that year Y takes over from year Y-1: {@code thisYear} (e.g. 二、上年结转 of a column) must
 * equal {@code lastYear} (四、结转下年度继续办理 of the same column) in the previous year's report.
 *
 * @param ruleId   stable rule id ({@code Y-CARRY})
 * @param thisYear key in this year's report
 * @param lastYear key in last year's report
 */
public record CarryDef(String ruleId, String thisYear, String lastYear) {
}
