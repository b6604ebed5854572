package io.xxgk.pipeline;

import io.xxgk.check.CheckRunner;
import io.xxgk.finding.Rule;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.schema.Layout;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * What an output may replace: never an input of the run, and with --force only a file that xxgk
 * wrote as the same kind of output (its {@link OutputMark}); a template only while no number is
 * filled in (a filled template is an agency's report). Everything else is refused before any work.
 */
public final class OutputGuard {

    private OutputGuard() {
    }

    /** Refuses {@code target} when it is one of {@code inputs}, or exists and may not be replaced. */
    public static void check(Path target, boolean force, OutputMark.Kind kind, Collection<Path> inputs, Layout layout)
            throws UserException {
        for (Path in : inputs) {
            if (same(in, target)) {
                throw new UserException(ExitCodes.USAGE, "error.outputIsInput", target);
            }
        }
        if (!Files.exists(target)) {
            return;
        }
        // What --force could not replace is said first: "add --force" is advice only where it works
        // (an agency's report named as the output was told to add --force, then refused again).
        OutputMark.Kind found = OutputMark.of(target);
        if (found != kind) {
            throw new UserException(ExitCodes.USAGE, "error.notOurs", target, Messages.get("mark." + kind.id()),
                    OutputMark.PROPERTY + "=" + kind.id());
        }
        if (kind == OutputMark.Kind.TEMPLATE && !blank(target, layout)) {
            throw new UserException(ExitCodes.USAGE, "error.filledTemplate", target);
        }
        if (!force) {
            throw new UserException(ExitCodes.USAGE, "error.exists", target);
        }
    }

    /** True when the workbook holds no number (VAL-EMPTY). */
    private static boolean blank(Path file, Layout layout) {
        return new CheckRunner(layout, null, null).run(file).findings().stream()
                .anyMatch(f -> f.rule().equals(Rule.VAL_EMPTY.id()));
    }

    public static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
