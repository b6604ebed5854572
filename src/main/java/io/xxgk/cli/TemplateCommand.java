package io.xxgk.cli;

import io.xxgk.ingest.excel.OutputMark;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.CreditCode;
import io.xxgk.check.PreviousYear;
import io.xxgk.check.RegionCode;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.i18n.Messages;
import io.xxgk.roster.Roster;
import io.xxgk.roster.RosterEntry;
import io.xxgk.roster.RosterProblem;
import io.xxgk.roster.RosterReader;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.CarryDef;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.SafeFileNames;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xxgk template}: the fill-in workbook, alone or one per agency of a roster. */
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class TemplateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.xlsx", descriptionKey = "template.output")
    Path output;

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "template.year")
    String year;

    @Option(names = "--agency", paramLabel = "NAME", descriptionKey = "template.agency")
    String agency;

    @Option(names = "--credit-code", paramLabel = "CODE", descriptionKey = "template.creditCode")
    String creditCode;

    @Option(names = "--region-code", paramLabel = "CODE", descriptionKey = "template.regionCode")
    String regionCode;

    @Option(names = "--parent", paramLabel = "NAME", descriptionKey = "template.parent")
    String parent;

    @Option(names = "--roster", paramLabel = "ROSTER", descriptionKey = "template.roster")
    Path roster;

    @Option(names = "--out-dir", paramLabel = "DIR", descriptionKey = "template.outDir")
    Path outDir;

    @Option(names = "--previous", paramLabel = "FILE|DIR", descriptionKey = "template.previous")
    Path previous;

    @Mixin
    LayoutOption layoutOption;

    @Option(names = "--force", descriptionKey = "force")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validateOptions();
        Layout layout = layoutOption.resolve();
        TemplateWriter writer = new TemplateWriter(layout);
        PrintWriter err = spec.commandLine().getErr();
        PreviousYear last = previous == null ? null : PreviousYear.load(previous, new CheckRunner(layout, null, null));
        if (roster != null) {
            return writeRoster(layout, writer, last, err);
        }
        CheckResult lastYear = last == null ? null : last.find(Identity.empty());
        if (lastYear != null && lastYear.unreadable()) {
            throw new UserException(ExitCodes.UNREADABLE, "error.unreadable", previous,
                    lastYear.findings().get(0).message());
        }
        Identity base = lastYear == null ? Identity.empty() : carriedIdentity(lastYear);
        checkYear(base);
        io.xxgk.pipeline.OutputGuard.check(output, force, OutputMark.Kind.TEMPLATE, lastYearFiles(), layout);
        write(writer, lastYear, layout, identity(base), output);
        err.println(Messages.get("template.written", output));
        return ExitCodes.OK;
    }

    private void validateOptions() throws UserException {
        if ((output == null) == (roster == null)) {
            throw new UserException(ExitCodes.USAGE, "option.outputOrRoster");
        }
        if (roster != null && outDir == null) {
            throw new UserException(ExitCodes.USAGE, "option.rosterNeedsOutDir");
        }
        if (output != null && !output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UserException(ExitCodes.USAGE, "option.notXlsx", output);
        }
        ReportOverrides.checkYear(year);
        if (creditCode != null && !CreditCode.isValid18(creditCode.strip())) {
            throw new UserException(ExitCodes.USAGE, "option.badCredit", creditCode);
        }
        if (regionCode != null && !RegionCode.isValid(regionCode.strip())) {
            throw new UserException(ExitCodes.USAGE, "option.badRegion", regionCode);
        }
    }

    /** The files of --previous: never replaced by a template. */
    private List<Path> lastYearFiles() throws UserException {
        return previous == null ? List.of() : io.xxgk.util.InputFiles.expand(List.of(previous));
    }

    /** Last year's identity with the year advanced by one. */
    private static Identity carriedIdentity(CheckResult last) {
        Identity id = last.identity();
        String y = id.get(IdentityField.YEAR).orElse(null);
        return id.with(IdentityField.YEAR, y != null && y.matches("\\d{4}") ? String.valueOf(Integer.parseInt(y) + 1) : null);
    }

    /** With --previous, an explicit --year must be the year after last year's. */
    private void checkYear(Identity carried) throws UserException {
        String next = carried.get(IdentityField.YEAR).orElse(null);
        if (year != null && next != null && !year.strip().equals(next)) {
            throw new UserException(ExitCodes.USAGE, "option.yearNotNext", next);
        }
    }

    /** This year's values from last year's report: what carries over (二、上年结转). */
    private static Map<String, BigDecimal> carried(Layout layout, CheckResult last) {
        Map<String, BigDecimal> v = new java.util.HashMap<>();
        if (last == null) {
            return v;
        }
        for (CarryDef c : layout.carries()) {
            BigDecimal value = last.values().get(c.lastYear());
            v.put(c.thisYear(), value == null ? BigDecimal.ZERO : value);
        }
        return v;
    }

    /** The identity from the options, on top of {@code base} (a roster row). */
    private Identity identity(Identity base) {
        Identity id = base;
        Map<IdentityField, String> given = new java.util.EnumMap<>(IdentityField.class);
        if (agency != null) {
            given.put(IdentityField.NAME, agency);
        }
        if (creditCode != null) {
            given.put(IdentityField.CREDIT_CODE, creditCode);
        }
        if (regionCode != null) {
            given.put(IdentityField.REGION_CODE, regionCode);
        }
        if (parent != null) {
            given.put(IdentityField.PARENT, parent);
        }
        if (year != null) {
            given.put(IdentityField.YEAR, year);
        }
        for (Map.Entry<IdentityField, String> e : given.entrySet()) {
            if (base.get(e.getKey()).isEmpty() || e.getKey() == IdentityField.YEAR) {
                id = id.with(e.getKey(), e.getValue());
            }
        }
        return id;
    }

    private void write(TemplateWriter writer, CheckResult last, Layout layout, Identity identity, Path target)
            throws UserException {
        try {
            TemplateWriter w = last == null ? writer : writer.withLastYear(nonNull(last.values()));
            w.write(identity, carried(layout, last), target, force);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, "error.exists", target);
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", target, io.xxgk.util.IoProblems.writing(e));
        }
    }

    private void copy(io.xxgk.excel.TemplateCopies copies, Identity identity, Path target) throws UserException {
        try {
            copies.write(identity, target, force);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, "error.exists", target);
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", target, io.xxgk.util.IoProblems.writing(e));
        }
    }

    private static Map<String, BigDecimal> nonNull(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Runs the writes on every core, in order of completion checks; the first failure stops the rest. */
    private static int writeAll(List<java.util.concurrent.Callable<Void>> jobs, PrintWriter err) throws UserException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "xxgk-template");
                    t.setDaemon(true);
                    return t;
                });
        Progress progress = Progress.onTerminal(err, jobs.size());
        int written = 0;
        try {
            List<java.util.concurrent.Future<Void>> done = new ArrayList<>();
            for (java.util.concurrent.Callable<Void> job : jobs) {
                done.add(pool.submit(job));
            }
            for (java.util.concurrent.Future<Void> f : done) {
                f.get();
                written++;
                progress.step();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException(ExitCodes.INTERNAL, e, "error.internal", "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UserException u) {
                throw u;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            progress.done();
        }
        return written;
    }

    private int writeRoster(Layout layout, TemplateWriter writer, PreviousYear last, PrintWriter err)
            throws UserException {
        Roster list = RosterReader.read(roster);
        int failed = 0;
        for (RosterProblem p : list.problems()) {
            err.println(Messages.get("roster.problem", roster, p.row(), p.message()));
            failed++;
        }
        SafeFileNames names = new SafeFileNames();
        // First, in roster order, what each agency gets (names, last year, messages); then the
        // workbooks are built and written on every core.
        List<java.util.concurrent.Callable<Void>> jobs = new ArrayList<>();
        // Without last year's reports every agency's workbook differs only in its identity cells:
        // built once, copied with those cells filled in (the writer itself where a copy would differ).
        boolean copy = last == null && !"false".equals(System.getProperty("xxgk.templateCopies"));
        io.xxgk.excel.TemplateCopies copies = copy ? new io.xxgk.excel.TemplateCopies(writer, Map.of()) : null;
        List<Path> inputs = new ArrayList<>(lastYearFiles());
        inputs.add(roster);
        for (RosterEntry entry : list.entries()) {
            Path target = outDir.resolve(names.next(entry.identity().get(IdentityField.NAME).orElseThrow(), ".xlsx"));
            try {
                io.xxgk.pipeline.OutputGuard.check(target, force, OutputMark.Kind.TEMPLATE, inputs, layout);
            } catch (UserException e) {
                err.println(Messages.get("roster.problem", roster, entry.row(), e.getMessage()));
                failed++;
                continue;
            }
            CheckResult lastYear = last == null ? null : last.find(entry.identity());
            Identity base = entry.identity();
            if (last != null && lastYear == null) {
                err.println(Messages.get("template.previousNone", entry.row(), base.get(IdentityField.NAME).orElse("")));
            } else if (lastYear != null) {
                Identity carriedId = carriedIdentity(lastYear);
                for (IdentityField f : IdentityField.values()) {
                    if (base.get(f).isEmpty()) {
                        base = base.with(f, carriedId.get(f).orElse(null));
                    }
                }
            }
            Identity id = identity(base);
            jobs.add(() -> {
                if (copies != null) {
                    copy(copies, id, target);
                } else {
                    write(writer, lastYear, layout, id, target);
                }
                return null;
            });
        }
        int written = writeAll(jobs, err);
        err.println(Messages.get("roster.written", written, outDir));
        if (failed > 0) {
            err.println(Messages.get("roster.failed", failed));
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

}
