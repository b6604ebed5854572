package io.xxgk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    /** A real, published code (华为技术有限公司). */
    static final String REAL = "914403001922038216";

    @Test
    void acceptsARealCode() {
        assertThat(CreditCode.isValid18(REAL)).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacterAWrongLengthAndForbiddenLetters() {
        assertThat(CreditCode.isValid18("914403001922038217")).isFalse();
        assertThat(CreditCode.isValid18("91440300192203821")).isFalse();
        assertThat(CreditCode.isValid18("91440300192203821I")).isFalse();
        assertThat(CreditCode.isValid18(null)).isFalse();
    }

    @Test
    void computesTheCheckCharacter() throws Exception {
        assertThat(CreditCode.checkCharFor(REAL.substring(0, 17))).isEqualTo('6');
    }

    @Test
    void regionCodesNeedSixDigitsAndAProvince() {
        assertThat(RegionCode.isValid("350112")).isTrue();
        assertThat(RegionCode.isValid("990112")).isFalse();
        assertThat(RegionCode.isValid("35011")).isFalse();
        assertThat(RegionCode.isValid("35011a")).isFalse();
    }
}
