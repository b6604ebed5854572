package io.xxgk.pipeline;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.excel.Annotator;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.finding.Finding;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.ingest.format.Formats;
import io.xxgk.ingest.format.InputFormat;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.InputFiles;
import io.xxgk.util.IoProblems;
import io.xxgk.util.SafeFileNames;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annotated copies of one run, written into one folder: for a workbook POI can rewrite, a copy of
 * the file itself; for one it cannot (.ods), the values read written into the official template as an
 * .xlsx and marked there; for a published report none ({@code import} makes a workbook of it). Each
 * copy is named after its input (unique within the run) and never replaces a file that is not an
 * annotated copy of ours, nor the input itself.
 */
final class AnnotatedCopies {

    /** What became of one input's copy: the file written, or why there is none (null: nothing to mark). */
    record Copy(Path file, String note, boolean failed) {
    }

    private final Path folder;
    private final boolean strictBlank;
    private final SafeFileNames names = new SafeFileNames();

    AnnotatedCopies(Path folder, boolean strictBlank) {
        this.folder = folder;
        this.strictBlank = strictBlank;
    }

    /** The copies' folder given as an input folder is refused: the copies would lie among the submissions. */
    static void refuseAsInput(Path folder, Inputs inputs) throws UserException {
        if (folder == null) {
            return;
        }
        Path copies = folder.toAbsolutePath().normalize();
        for (Path in : inputs.given()) {
            if (Files.isDirectory(in) && in.toAbsolutePath().normalize().equals(copies)) {
                throw new UserException(ExitCodes.USAGE, "check.annotateSameFolder", inputs.name(in));
            }
        }
    }

    /** The inputs without the copies of an earlier run (the copies' folder inside an input folder), said. */
    static List<Path> outside(List<Path> files, Path folder, RunListener listener) {
        if (folder == null) {
            return files;
        }
        List<Path> kept = InputFiles.outside(files, folder);
        if (kept.size() < files.size()) {
            listener.note(Messages.get("check.skipAnnotated", files.size() - kept.size(), folder));
        }
        return kept;
    }

    Copy write(Path input, String shown, CheckResult r) throws UserException {
        return write(input, shown, r, null);
    }

    /** The copy of {@code input} marked with {@code r}'s findings, written over {@code replacing} when given. */
    Copy write(Path input, String shown, CheckResult r, Path replacing) throws UserException {
        if (r.unreadable() || r.findings().isEmpty()) {
            return null;
        }
        InputFormat format = Formats.of(input);
        if (format == null || format.annotation() == InputFormat.Annotation.NONE) {
            // A published report is not a workbook to mark up; import it to get one.
            return new Copy(null, Messages.get("check.annotateReport", shown), false);
        }
        boolean asXlsx = format.annotation() == InputFormat.Annotation.AS_XLSX;
        String ext = asXlsx ? ".xlsx" : ending(input, format);
        Path target = replacing != null ? replacing : next(shown, ext);
        if (target.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
            throw new UserException(ExitCodes.USAGE, "check.annotateSelf", shown);
        }
        try {
            if (asXlsx) {
                inTemplate(r, target, strictBlank);
            } else {
                Annotator.write(input, r, target, fingerprint(r), strictBlank);
            }
            return new Copy(target, asXlsx ? Messages.get("check.annotatedAsXlsx", shown, target.getFileName()) : null, false);
        } catch (IOException e) {
            return failed(target, IoProblems.writing(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A workbook POI cannot rewrite (garbled styles…): this copy is missing, the others are written.
            return failed(target, UnreadableException.reason(e));
        }
    }

    private static Copy failed(Path target, String why) {
        return new Copy(null, Messages.get("error.prefix") + Messages.get("error.write", target, why), true);
    }

    /**
     * The fingerprint of what a report says: its identity and every number as the workbook of ours
     * takes them. Recorded in an annotated copy; a copy sent back whose fingerprint differs was changed.
     */
    static String fingerprint(CheckResult r) {
        StringBuilder text = new StringBuilder();
        for (IdentityField f : IdentityField.values()) {
            text.append(f.id()).append('=').append(r.identity().get(f).orElse("")).append('\n');
        }
        new TreeMap<>(ImportService.values(r.layout(), r)).forEach((k, v) ->
                text.append(k).append('=').append(v.stripTrailingZeros().toPlainString()).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
    }

    /** The result with its findings at the cells of their keys in {@code template} (our workbook of its values). */
    static CheckResult atTemplateCells(CheckResult r, Path template) {
        CheckResult written = new CheckRunner(r.layout(), null, null).run(template);
        List<Finding> moved = new ArrayList<>();
        for (Finding f : r.findings()) {
            moved.add(f.atCell(f.key() == null ? null : written.location(f.key())));
        }
        return new CheckResult(r.file(), r.layout(), r.identity(), r.values(), r.cells(), moved, false, r.contains(),
                r.mark());
    }

    /** The input's own ending where it has one of its format's, else the format's (a file without one). */
    private static String ending(Path input, InputFormat format) {
        String n = input.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String e : format.extensions()) {
            if (n.endsWith(e)) {
                return input.getFileName().toString().substring(n.length() - e.length());
            }
        }
        return format.extensions().get(0);
    }

    /** The next free name for the copy of {@code shown}; a file there that is not an annotated copy of ours is kept. */
    private Path next(String shown, String ext) {
        String leaf = shown.replace('\\', '/');
        leaf = leaf.substring(leaf.lastIndexOf('/') + 1);
        String stem = leaf.lastIndexOf('.') > 0 ? leaf.substring(0, leaf.lastIndexOf('.')) : leaf;
        Path target;
        do {
            target = folder.resolve(names.next((stem.isBlank() ? "文件" : stem) + "-问题标注", ext));
        } while (Files.exists(target) && OutputMark.of(target) != OutputMark.Kind.ANNOTATED);
        return target;
    }

    /**
     * The values read written into the official template, and the findings marked at the template's
     * cells of their keys (a finding of no key is listed in 问题清单 only).
     */
    private static void inTemplate(CheckResult r, Path target, boolean strictBlank) throws IOException {
        Layout layout = r.layout();
        Map<String, BigDecimal> values = ImportService.values(layout, r);
        Path filled = Files.createTempFile(Files.createDirectories(target.toAbsolutePath().getParent()), ".xxgk-", ".xlsx");
        try {
            new TemplateWriter(layout).write(r.identity(), values, filled, true, OutputMark.Kind.ANNOTATED);
            Annotator.write(filled, atTemplateCells(r, filled), target, fingerprint(r), strictBlank);
        } finally {
            Files.deleteIfExists(filled);
        }
    }
}
