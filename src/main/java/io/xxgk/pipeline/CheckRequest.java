package io.xxgk.pipeline;

import io.xxgk.schema.Layout;
import java.nio.file.Path;

/**
 * A check: the inputs, the layout to read them in, the user's identity overrides (null: as read),
 * last year's reports (a file or folder, or null), the folder for annotated copies (or null), and
 * whether every blank cell is said on its own ({@code strictBlank}; else one line per file).
 */
public record CheckRequest(Inputs inputs, Layout layout, String agency, String year, Path previous, Path annotate,
                           boolean strictBlank) {
}
