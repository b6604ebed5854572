package io.xxgk.pipeline;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.PreviousYear;
import io.xxgk.excel.TemplateCopies;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.i18n.Messages;
import io.xxgk.identity.CreditCode;
import io.xxgk.identity.Divisions;
import io.xxgk.identity.RegionCode;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.roster.Roster;
import io.xxgk.roster.RosterEntry;
import io.xxgk.roster.RosterProblem;
import io.xxgk.roster.RosterReader;
import io.xxgk.schema.CarryDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.InputFiles;
import io.xxgk.util.IoProblems;
import io.xxgk.util.SafeFileNames;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the fill-in workbook, alone ({@code output}) or one per agency of a roster into
 * {@code outDir}, with last year's reports carried in where given: the same for the command line
 * and the web page.
 */
public final class TemplateService {

    /** A template request: one of output and roster (with outDir); the identity to fill in; last year's reports. */
    public record Request(Path output, Path roster, Path outDir, Path previous, String year, String agency,
                          String creditCode, String regionCode, String parent, Layout layout, boolean force) {
    }

    private final Path output;
    private final String year;
    private final String agency;
    private final String creditCode;
    private final String regionCode;
    private final String parent;
    private final Path roster;
    private final Path outDir;
    private final Path previous;
    private final Layout layout;
    private final boolean force;

    public TemplateService(Request r) {
        this.output = r.output();
        this.year = r.year();
        this.agency = r.agency();
        this.creditCode = r.creditCode();
        this.regionCode = r.regionCode();
        this.parent = r.parent();
        this.roster = r.roster();
        this.outDir = r.outDir();
        this.previous = r.previous();
        this.layout = r.layout();
        this.force = r.force();
    }

    /** Writes the template(s); the exit code: 0, or 1 when roster rows could not be used. */
    public int run(RunListener err) throws UserException, InterruptedException, ExecutionException {
        validateOptions();
        TemplateWriter writer = new TemplateWriter(layout);
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
        OutputGuard.check(output, force, OutputMark.Kind.TEMPLATE, lastYearFiles(), layout);
        Identity id = identity(base);
        write(writer, lastYear, layout, id, output);
        err.note(Messages.get("template.written", output));
        for (Divisions.Doubt d : Divisions.doubts(id.get(IdentityField.NAME).orElse(null),
                id.get(IdentityField.REGION_CODE).orElse(null))) {
            err.note(Messages.get("warning.prefix") + Messages.get(d.messageKey(), d.args().toArray()));
        }
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
        if (year != null && !year.strip().matches("\\d{4}")) {
            throw new UserException(ExitCodes.USAGE, "option.badYear", year);
        }
        if (creditCode != null && !CreditCode.isValid18(creditCode.strip())) {
            throw new UserException(ExitCodes.USAGE, "option.badCredit", creditCode);
        }
        if (regionCode != null && !RegionCode.isValid(regionCode.strip())) {
            throw new UserException(ExitCodes.USAGE, "option.badRegion", regionCode);
        }
    }

    /** The files of --previous: never replaced by a template. */
    private List<Path> lastYearFiles() throws UserException {
        return previous == null ? List.of() : InputFiles.expand(List.of(previous));
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
        Map<String, BigDecimal> v = new HashMap<>();
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
        Map<IdentityField, String> given = new EnumMap<>(IdentityField.class);
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
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", target, IoProblems.writing(e));
        }
    }

    private void copy(TemplateCopies copies, Identity identity, Path target) throws UserException {
        try {
            copies.write(identity, target, force);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, "error.exists", target);
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", target, IoProblems.writing(e));
        }
    }

    private static Map<String, BigDecimal> nonNull(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Runs the writes on every core, in order of completion checks; the first failure stops the rest. */
    private static int writeAll(List<Callable<Void>> jobs, RunListener err) throws UserException {
        ExecutorService pool = Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "xxgk-template");
                    t.setDaemon(true);
                    return t;
                });
        err.started(jobs.size());
        int written = 0;
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> job : jobs) {
                done.add(pool.submit(job));
            }
            for (Future<Void> f : done) {
                f.get();
                written++;
                err.step();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException(ExitCodes.INTERNAL, e, "error.internal", "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UserException u) {
                throw u;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            err.finished();
        }
        return written;
    }

    private int writeRoster(Layout layout, TemplateWriter writer, PreviousYear last, RunListener err)
            throws UserException {
        Roster list = RosterReader.read(roster);
        int failed = 0;
        for (RosterProblem p : list.problems()) {
            err.note(Messages.get("roster.problem", roster, p.row(), p.message()));
            failed++;
        }
        for (RosterProblem p : list.doubts()) {
            err.note(Messages.get("roster.doubt", roster, p.row(), p.message()));
        }
        SafeFileNames names = new SafeFileNames();
        // First, in roster order, what each agency gets (names, last year, messages); then the
        // workbooks are built and written on every core.
        List<Callable<Void>> jobs = new ArrayList<>();
        // Without last year's reports every agency's workbook differs only in its identity cells:
        // built once, copied with those cells filled in (the writer itself where a copy would differ).
        boolean copy = last == null && !"false".equals(System.getProperty("xxgk.templateCopies"));
        TemplateCopies copies = copy ? new TemplateCopies(writer, Map.of()) : null;
        List<Path> inputs = new ArrayList<>(lastYearFiles());
        inputs.add(roster);
        for (RosterEntry entry : list.entries()) {
            Path target = outDir.resolve(names.next(entry.identity().get(IdentityField.NAME).orElseThrow(), ".xlsx"));
            try {
                OutputGuard.check(target, force, OutputMark.Kind.TEMPLATE, inputs, layout);
            } catch (UserException e) {
                err.note(Messages.get("roster.problem", roster, entry.row(), e.getMessage()));
                failed++;
                continue;
            }
            CheckResult lastYear = last == null ? null : last.find(entry.identity());
            Identity base = entry.identity();
            if (last != null && lastYear == null) {
                err.note(Messages.get("template.previousNone", entry.row(), base.get(IdentityField.NAME).orElse("")));
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
        err.note(Messages.get("roster.written", written, outDir));
        if (failed > 0) {
            err.note(Messages.get("roster.failed", failed));
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }
}
