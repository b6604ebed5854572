package io.xxgk.schema;

/**
 * A stock that rolls forward: {@code inForce} (Y) = {@code inForce} (Y-1) + {@code issued} (Y) −
 * {@code repealed} (Y), e.g. 现行有效 行政规范性文件. Clean-ups make it differ legitimately, so the
 * rule is a warning.
 */
public record StockDef(String ruleId, String inForce, String issued, String repealed) {
}
