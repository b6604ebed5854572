package io.xxgk.identity;

import java.util.Set;

/** 行政区划代码 (GB/T 2260): six digits, the first two a province-level code. */
public final class RegionCode {

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private RegionCode() {
    }

    public static boolean isValid(String code) {
        return code != null && code.matches("\\d{6}") && PROVINCES.contains(code.substring(0, 2));
    }
}
