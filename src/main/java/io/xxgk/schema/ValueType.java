package io.xxgk.schema;

/** What kind of number a cell holds. Counts are whole numbers, amounts are decimals in 万元. */
public enum ValueType {
    /** A non-negative whole number (件, 个). */
    COUNT,
    /** A non-negative decimal amount in 万元 (up to 5 decimals in real reports). */
    AMOUNT,
    /** A signed whole number, the 本年增/减 of the 2019 layout ("增3", "减4", "+2", "-4", "0"). */
    SIGNED
}
