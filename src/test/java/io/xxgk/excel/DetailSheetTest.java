package io.xxgk.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DetailSheetTest {

    @Test
    void markupCharactersAreEscapedAndCharactersXmlCannotHoldBecomeQuestionMarks() {
        assertThat(DetailSheet.escape("a&b<c>d")).isEqualTo("a&amp;b&lt;c&gt;d");
        assertThat(DetailSheet.escape("x\u0001y\u001Fz")).isEqualTo("x?y?z");
        assertThat(DetailSheet.escape("tab\tline\ncr\r")).isEqualTo("tab\tline\ncr&#13;");
        assertThat(DetailSheet.escape("\uD83D\uDE00 ok")).isEqualTo("\uD83D\uDE00 ok");
        assertThat(DetailSheet.escape("lone\uD83D end\uDE00")).isEqualTo("lone? end?");
        assertThat(DetailSheet.escape("\uFFFE\uFFFF")).isEqualTo("??");
        String plain = "福州市财政局";
        assertThat(DetailSheet.escape(plain)).isSameAs(plain);
    }
}
