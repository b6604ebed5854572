package io.xxgk.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DetailRowsTest {

    @Test
    void markupCharactersAreEscapedAndCharactersXmlCannotHoldBecomeQuestionMarks() {
        assertThat(DetailRows.escape("a&b<c>d")).isEqualTo("a&amp;b&lt;c&gt;d");
        assertThat(DetailRows.escape("x\u0001y\u001Fz")).isEqualTo("x?y?z");
        assertThat(DetailRows.escape("tab\tline\ncr\r")).isEqualTo("tab\tline\ncr&#13;");
        assertThat(DetailRows.escape("\uD83D\uDE00 ok")).isEqualTo("\uD83D\uDE00 ok");
        assertThat(DetailRows.escape("lone\uD83D end\uDE00")).isEqualTo("lone? end?");
        assertThat(DetailRows.escape("\uFFFE\uFFFF")).isEqualTo("??");
        String plain = "福州市财政局";
        assertThat(DetailRows.escape(plain)).isSameAs(plain);
    }
}
