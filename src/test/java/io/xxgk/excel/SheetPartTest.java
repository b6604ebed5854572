package io.xxgk.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SheetPartTest {

    @Test
    void markupCharactersAreEscapedAndCharactersXmlCannotHoldBecomeQuestionMarks() {
        assertThat(SheetPart.escape("a&b<c>d")).isEqualTo("a&amp;b&lt;c&gt;d");
        assertThat(SheetPart.escape("x\u0001y\u001Fz")).isEqualTo("x?y?z");
        assertThat(SheetPart.escape("tab\tline\ncr\r")).isEqualTo("tab\tline\ncr&#13;");
        assertThat(SheetPart.escape("\uD83D\uDE00 ok")).isEqualTo("\uD83D\uDE00 ok");
        assertThat(SheetPart.escape("lone\uD83D end\uDE00")).isEqualTo("lone? end?");
        assertThat(SheetPart.escape("\uFFFE\uFFFF")).isEqualTo("??");
        String plain = "福州市财政局";
        assertThat(SheetPart.escape(plain)).isSameAs(plain);
    }
}
