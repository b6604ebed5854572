package io.xxgk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xxgk.ingest.excel.WorkbookReader;
import io.xxgk.ingest.format.Formats;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An input given up after its time has its reading thread interrupted: the reading must stop at its
 * next read of the file's bytes or drawing operator, not run to its end (POI and PDFBox went on for
 * minutes). Read here with the interrupt already set, every reader fails instead of returning values;
 * uninterrupted, the same file reads.
 */
class InterruptedReadingTest {

    private final Layout layout = Layouts.defaultLayout();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Stopped because of the interrupt: at a read of ours, or by the file channel the read went through. */
    private static void stoppedByInterrupt(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOfAny(InterruptedIOException.class, ClosedByInterruptException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/2023/上杭县人民政府办公室.xlsx", "examples/报告/淮安市洪泽区人民政府-2024.pdf",
            "examples/手工表/长乐区政府办-手工表.xlsx"})
    void aGivenUpInputStopsReading(String name) throws Exception {
        Path file = Path.of(name);
        assertThat(Formats.of(file).read(file, layout).cells()).isNotEmpty();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Formats.of(file).read(file, layout)).satisfies(InterruptedReadingTest::stoppedByInterrupt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/2023/上杭县人民政府办公室.xlsx"})
    void poisFullReaderStopsToo(String name) throws Exception {
        Path file = Path.of(name);
        WorkbookReader reader = new WorkbookReader(layout);
        assertThat(reader.readFully(file, WorkbookReader.Container.OOXML).cells()).hasSize(200);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> reader.readFully(file, WorkbookReader.Container.OOXML))
                .satisfies(InterruptedReadingTest::stoppedByInterrupt);
    }
}
