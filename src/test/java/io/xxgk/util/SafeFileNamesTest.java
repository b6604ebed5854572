package io.xxgk.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

    @Test
    void removesWhatFileSystemsRefuse() {
        SafeFileNames names = new SafeFileNames();
        assertThat(names.next("福州市/长乐区:办公室*?", ".xlsx")).isEqualTo("福州市_长乐区_办公室__.xlsx");
        assertThat(names.next("..\\..\\etc", ".xlsx")).doesNotContain("/", "\\").doesNotStartWith(".");
        assertThat(names.next("CON", ".xlsx")).isEqualTo("_CON.xlsx");
        assertThat(names.next("名称。 . ", ".xlsx")).isEqualTo("名称。.xlsx");
        assertThat(names.next("   ", ".xlsx")).isEqualTo("单位.xlsx");
    }

    @Test
    void neverHandsOutTheSameNameTwiceIgnoringCase() {
        SafeFileNames names = new SafeFileNames();
        assertThat(names.next("A局", ".xlsx")).isEqualTo("A局.xlsx");
        assertThat(names.next("a局", ".xlsx")).isEqualTo("a局-2.xlsx");
        assertThat(names.next("A局", ".xlsx")).isEqualTo("A局-3.xlsx");
        assertThat(names.next("A/局", ".xlsx")).isEqualTo("A_局.xlsx");
        assertThat(names.next("A:局", ".xlsx")).isEqualTo("A_局-2.xlsx");
    }

    @Test
    void limitsTheLength() {
        String name = new SafeFileNames().next("局".repeat(300), ".xlsx");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(SafeFileNames.MAX_LENGTH + 5);
    }

    @Test
    void displayWidthCountsChineseTwice() {
        assertThat(DisplayWidth.of("ab统计")).isEqualTo(6);
        assertThat(DisplayWidth.padRight("统计", 6)).isEqualTo("统计  ");
    }
}
