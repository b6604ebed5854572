package io.xxgk.pipeline;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.LastYearEvidence;
import io.xxgk.check.PreviousYear;
import io.xxgk.excel.Annotator;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.finding.Severity;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.ingest.format.Formats;
import io.xxgk.ingest.text.ReportView;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.CombinedRow;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.InputFiles;
import io.xxgk.util.IoProblems;
import io.xxgk.util.RunFiles;
import io.xxgk.util.SafeFileNames;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Reads published reports (text, web page, Word, PDF) and writes each as our workbook, filled, so it
 * can be checked, annotated, merged and carried over like any submission: the same for every entry
 * point. {@code output}: one .xlsx for one report, a folder for several, or null (the results only).
 */
public final class ImportService {

    /**
     * An import: the reports (files and folders), where to write, the layout, the identity overrides, and
     * last year's reports (a file or folder, or null) for the rows left open and the cross-year checks.
     */
    public record Request(List<Path> reports, Path output, Layout layout, String agency, String year, boolean force,
                          Path previous) {

        /** An import without last year's reports. */
        public Request(List<Path> reports, Path output, Layout layout, String agency, String year, boolean force) {
            this(reports, output, layout, agency, year, force, null);
        }

        /** True when the output is one workbook (for one report), not a folder. */
        boolean oneFile() {
            return output != null && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        }
    }

    /** One report read: its result, and the workbook written for it (or null). */
    public record Imported(CheckResult result, Path written) {
    }

    /** What one imported report is handed to, in file order. */
    @FunctionalInterface
    public interface Each {
        void accept(Imported imported) throws UserException, IOException;
    }

    private ImportService() {
    }

    /** Imports every report; the exit code: 3 when one could not be read, 1 when one has errors, else 0. */
    public static int run(Request req, RunListener listener, Each each)
            throws UserException, IOException, InterruptedException, ExecutionException {
        if (req.oneFile() && req.reports().size() > 1) {
            throw new UserException(ExitCodes.USAGE, "import.oneFile");
        }
        List<Path> files = reports(req.reports());
        if (req.oneFile() && files.size() > 1) {
            throw new UserException(ExitCodes.USAGE, "import.oneFile");
        }
        SafeFileNames names = new SafeFileNames();
        boolean[] seen = new boolean[2]; // an unreadable report, a report with errors
        PreviousYear last = lastYear(req.previous(), req.layout());
        InOrder.run(new CheckRunner(req.layout(), req.agency(), req.year(), last), files, listener, checked -> {
            CheckResult r = CheckService.withLastYear(checked, last, req.layout());
            Path report = Path.of(r.file());
            // A record of a dataset is shown as such (数据.csv 第 3 条（标题）), not by the run's file of it.
            String shown = shown(report);
            Path written = null;
            if (req.output() != null && r.noTables()) {
                // Nothing to import: an empty workbook would only pass for one.
                listener.note(Messages.get("error.prefix") + Messages.get("import.noTables", shown));
            } else if (req.output() != null && !r.unreadable()) {
                written = req.oneFile() ? req.output() : req.output().resolve(names.next(baseName(r, report), ".xlsx"));
                write(req, r, written);
                listener.note(Messages.get("import.written", shown, written, r.count(Severity.ERROR),
                        r.count(Severity.WARNING)));
            } else if (r.unreadable()) {
                listener.note(Messages.get("error.prefix") + r.findings().get(0).message() + "：" + shown);
            }
            seen[0] |= r.unreadable();
            seen[1] |= r.hasErrors();
            each.accept(new Imported(r.named(shown), written));
        });
        return seen[0] ? ExitCodes.UNREADABLE : seen[1] ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** A report as shown: a record of a dataset by its record (数据.csv 第 3 条（标题）), a file by its path. */
    private static String shown(Path report) {
        String record = RunFiles.shownName(report);
        return record != null ? record : report.toString();
    }

    private static PreviousYear lastYear(Path previous, Layout layout)
            throws UserException, InterruptedException, ExecutionException {
        return previous == null ? null : PreviousYear.load(previous, new CheckRunner(layout, null, null));
    }

    /**
     * What the reader saw in each report, with the key of every value it took ({@code import --show}); with
     * last year's reports ({@code previous}, or null), the rows they decide as such.
     */
    public static int show(List<Path> reports, Layout layout, Path previous, Consumer<String> out, RunListener listener)
            throws UserException, InterruptedException, ExecutionException {
        int exit = ExitCodes.OK;
        UnaryOperator<SourceReport> evidence = LastYearEvidence.from(lastYear(previous, layout));
        for (Path f : reports(reports)) {
            String shown = shown(f);
            try {
                out.accept(ReportView.show(f, shown, layout, evidence));
            } catch (UnreadableException e) {
                listener.note(Messages.get("error.prefix") + e.getMessage() + "：" + shown);
                exit = ExitCodes.UNREADABLE;
            }
        }
        return exit;
    }

    /** The reports given and those in the folders given; none is a usage mistake said as such. */
    private static List<Path> reports(List<Path> given) throws UserException {
        List<Path> files = Datasets.expand(InputFiles.expand(given, Formats::takesReport), Path::toString);
        if (files.isEmpty()) {
            throw new UserException(ExitCodes.UNREADABLE, "check.noInputs", given, Formats.reportEndings());
        }
        return files;
    }

    private static String baseName(CheckResult r, Path report) {
        String name = r.identity().get(IdentityField.NAME).orElse(null);
        if (name != null) {
            return name + r.identity().get(IdentityField.YEAR).map(y -> "-" + y).orElse("");
        }
        String f = report.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /**
     * The values of a report as our workbook takes them: a row printed as one for its sub-rows counted
     * in its catch-all sub-row (so the sums still agree), keys of no cell of the layout left out,
     * blanks left blank.
     */
    static Map<String, BigDecimal> values(Layout layout, CheckResult r) {
        Map<String, BigDecimal> values = new HashMap<>();
        CombinedRow.asParts(layout, r.values()).forEach((k, v) -> {
            if (v != null && layout.hasKey(k)) {
                values.put(k, v);
            }
        });
        return values;
    }

    /**
     * The keys a report's values could not be read into: each READ finding's key, and the cells of its
     * row that hold no value (a row not placed is unread in every column, not blank).
     */
    static Set<String> unread(Layout layout, CheckResult r) {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : r.findings()) {
            if (!f.rule().equals(Rule.READ.id()) || f.key() == null || !layout.hasKey(f.key())) {
                continue;
            }
            out.add(f.key());
            CellDef at = layout.cell(f.key()).orElseThrow();
            for (CellDef c : layout.cells()) {
                if (c.table().equals(at.table()) && c.rowKey().equals(at.rowKey()) && r.values().get(c.key()) == null
                        && !layout.isFormula(c.key())) {
                    out.add(c.key());
                }
            }
        }
        return out;
    }

    private static void write(Request req, CheckResult r, Path target) throws UserException {
        Layout layout = req.layout();
        Map<String, BigDecimal> values = values(layout, r);
        try {
            OutputGuard.check(target, req.force(), OutputMark.Kind.IMPORTED, List.of(Path.of(r.file())), layout);
            new TemplateWriter(layout).write(r.identity(), values, target, req.force(), OutputMark.Kind.IMPORTED);
            if (!r.findings().isEmpty()) {
                // What the import found stays with the workbook: 问题清单, comments on the cells, and the
                // keys it could not read (check of the workbook says so rather than finding its sums off).
                String unread = String.join(",", unread(layout, r));
                Annotator.write(target, AnnotatedCopies.atTemplateCells(r, target), target, OutputMark.Kind.IMPORTED,
                        unread.isEmpty() ? Map.of() : Map.of(OutputMark.IMPORT_UNREAD, unread), false);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, "error.exists", target);
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", target, IoProblems.writing(e));
        }
    }
}
