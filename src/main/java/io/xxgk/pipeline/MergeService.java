package io.xxgk.pipeline;

import io.xxgk.analysis.Analysis;
import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.PreviousYear;
import io.xxgk.excel.ReturnList;
import io.xxgk.excel.SummaryWriter;
import io.xxgk.finding.Blanks;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.ingest.excel.SavedTime;
import io.xxgk.merge.CarryLine;
import io.xxgk.merge.FindingSpool;
import io.xxgk.merge.MergeInput;
import io.xxgk.merge.MergeResult;
import io.xxgk.merge.Merger;
import io.xxgk.merge.RosterLine;
import io.xxgk.merge.YearTotals;
import io.xxgk.roster.NearMiss;
import io.xxgk.roster.Roster;
import io.xxgk.roster.RosterEntry;
import io.xxgk.roster.RosterProblem;
import io.xxgk.roster.RosterReader;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.InputFiles;
import io.xxgk.util.IoProblems;
import io.xxgk.util.Timing;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Merges inputs, the same for the command line and the web page: reads and checks every input,
 * chooses the layout and year, decides what each input becomes ({@link Merger}), reconciles the
 * roster, compares with last year's reports and a summary made elsewhere, and writes the summary.
 */
public final class MergeService {

    /** A submission not on the roster, and the missing roster line it probably means (or null). */
    public record OffRoster(MergeInput input, RosterLine meant) {
    }

    /**
     * The outcome: the merge's result, every input's findings as 问题清单 lines (the spool, open
     * until the outcome is closed), what was skipped, the submissions off the roster, and whether a
     * summary was written.
     */
    public record Outcome(MergeResult result, Analysis analysis, FindingSpool spool, List<InputFiles.Skipped> skipped,
                          List<OffRoster> offRoster, Path written, Returns returns) implements AutoCloseable {

        /** True when no input was added up: no summary is written (a summary of zeros would pass for one). */
        public boolean nothingMerged() {
            return result.merged() == 0;
        }

        public int exitCode() {
            if (nothingMerged() || result.inputs().stream().anyMatch(MergeInput::unreadable)
                    || returns != null && returns.failed() > 0) {
                return ExitCodes.UNREADABLE;
            }
            // Errors of a submission another counts instead of (older, or identical) are no errors of the run.
            boolean errors = result.inputs().stream().anyMatch(i -> i.errors() > 0 && i.supersededBy() == null)
                    || result.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
            return errors ? ExitCodes.FINDINGS : ExitCodes.OK;
        }

        @Override
        public void close() throws IOException {
            spool.close();
        }
    }

    /** The annotated copies written for sending back, with their list (null: none asked). */
    public record Returns(List<ReturnList.Entry> entries, Path list, int failed) {
    }

    private MergeService() {
    }

    /** Runs the merge; the caller closes the outcome. */
    public static Outcome run(MergeRequest req, RunListener listener)
            throws UserException, IOException, InterruptedException, ExecutionException {
        Layout layout = req.layout() != null ? req.layout() : Layouts.defaultLayout();
        AnnotatedCopies.refuseAsInput(req.annotate(), req.inputs());
        if (req.output() != null && Files.isDirectory(req.output())) {
            throw new UserException(ExitCodes.USAGE, "error.write", req.output(), Messages.get("io.isFolder"));
        }
        if (req.output() != null) {
            // Before anything is read: the summary never replaces an input or a file that is not one.
            OutputGuard.check(req.output(), req.force(), OutputMark.Kind.SUMMARY, givenFiles(req), layout);
        }
        Roster roster = req.roster() == null ? null : RosterReader.read(req.roster());
        if (roster != null) {
            for (RosterProblem p : roster.problems()) {
                listener.note(Messages.get("roster.problem", req.inputs().name(req.roster()), p.row(), p.message()));
            }
            for (RosterProblem p : roster.doubts()) {
                listener.note(Messages.get("roster.doubt", req.inputs().name(req.roster()), p.row(), p.message()));
            }
        }
        InputFiles.Found found = req.inputs().scan(listener);
        List<Path> files = withoutOutput(found.files(), req, listener);
        if (files.isEmpty()) {
            throw new UserException(ExitCodes.UNREADABLE, "check.noInputs", req.inputs().given(), CheckRunner.FORMATS);
        }
        FindingSpool spool = new FindingSpool();
        try {
            Map<String, Path> paths = new HashMap<>();
            Map<String, Copy> copies = new HashMap<>();
            AnnotatedCopies annotator = req.annotate() == null ? null : new AnnotatedCopies(req.annotate(), req.strictBlank());
            // Last year's reports first: evidence for a published report's rows left open, then the cross-year checks.
            PreviousYear early = req.previous() == null ? null
                    : PreviousYear.load(req.previous(), new CheckRunner(layout, null, null), req.inputs()::name);
            List<MergeInput> read = readAll(layout, files, req, early, spool, listener, paths, annotator, copies);
            Timing.phase("read+check");
            Layout chosen = req.layout() != null ? req.layout() : mostCommon(layout, read);
            CheckResult expected = req.expect() == null ? null
                    : new CheckRunner(chosen, null, null).run(req.expect()).named(req.inputs().name(req.expect()));
            PreviousYear lastYear = req.previous() == null || chosen.id().equals(layout.id()) ? early
                    : PreviousYear.load(req.previous(), new CheckRunner(chosen, null, null), req.inputs()::name);
            List<YearTotals> past = new ArrayList<>();
            if (lastYear != null) {
                past.add(totals(chosen, lastYear, req.previous()));
            }
            for (Path earlier : req.earlier()) {
                past.add(totals(chosen, PreviousYear.load(earlier, new CheckRunner(chosen, null, null), req.inputs()::name), earlier));
            }
            MergeResult result = Merger.merge(chosen, read, new Merger.Options(req.includeInvalid(), req.year(),
                    roster, req.roster() == null ? null : req.inputs().name(req.roster()), expected, lastYear,
                    in -> paths.containsKey(in.file()) ? SavedTime.of(paths.get(in.file())) : new SavedTime.Times(null, null),
                    picked(req, roster, paths, listener), past));
            Timing.phase("merge");
            if (annotator != null) {
                annotateCrossYear(layout, result, annotator, paths, copies);
            }
            Analysis analysis = req.analysis() ? Analysis.of(result) : null;
            Timing.phase("analysis");
            Path written = null;
            if (req.output() != null && result.merged() > 0) {
                write(result, analysis, spool, req);
                written = req.output();
                listener.written(written);
                Timing.phase("write");
            }
            return new Outcome(result, analysis, spool, found.skipped(), offRoster(result), written, returns(req, result, copies));
        } catch (UserException | InterruptedException | ExecutionException | RuntimeException | Error e) {
            spool.close();
            throw e;
        }
    }

    /**
     * A past year's reports added up for the trend: those of {@code layout} that were read, the year most of
     * them state (else the folder's name).
     */
    private static YearTotals totals(Layout layout, PreviousYear year, Path given) {
        Map<String, BigDecimal> sums = new HashMap<>();
        Map<String, Integer> years = new HashMap<>();
        int reports = 0;
        for (CheckResult r : year.all()) {
            if (r.unreadable() || r.layout() == null || !r.layout().id().equals(layout.id())) {
                continue;
            }
            reports++;
            r.values().forEach((k, v) -> {
                if (v != null) {
                    sums.merge(k, v, BigDecimal::add);
                }
            });
            r.identity().get(IdentityField.YEAR).ifPresent(y -> years.merge(y, 1, Integer::sum));
        }
        String label = years.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(given.getFileName() == null ? given.toString() : given.getFileName().toString());
        return new YearTotals(label, reports, sums);
    }

    /**
     * The inputs (as shown) the coordinator picked to count, by {@code --pick} or the roster's 采用文件 column
     * (a file name, or its path's end); a pick that is no input is said.
     */
    private static Set<String> picked(MergeRequest req, Roster roster, Map<String, Path> paths, RunListener listener) {
        Set<String> out = new HashSet<>();
        if (roster != null) {
            for (RosterEntry e : roster.entries()) {
                if (e.pick() == null) {
                    continue;
                }
                String wanted = e.pick().replace('\\', '/');
                boolean found = false;
                for (String shown : paths.keySet()) {
                    String s = shown.replace('\\', '/');
                    if (s.equals(wanted) || s.endsWith("/" + wanted)) {
                        out.add(shown);
                        found = true;
                    }
                }
                if (!found) {
                    listener.note(Messages.get("merge.rosterPickNotInput", req.inputs().name(req.roster()), e.row(), e.pick()));
                }
            }
        }
        for (Path p : req.picks()) {
            Path wanted = p.toAbsolutePath().normalize();
            boolean found = false;
            for (Map.Entry<String, Path> in : paths.entrySet()) {
                if (in.getValue().toAbsolutePath().normalize().equals(wanted)) {
                    out.add(in.getKey());
                    found = true;
                }
            }
            if (!found) {
                listener.note(Messages.get("merge.pickNotInput", req.inputs().name(p)));
            }
        }
        return out;
    }

    /** The files named (not folders): inputs, roster, --expect, last year's: none may be the output. */
    private static List<Path> givenFiles(MergeRequest req) throws UserException {
        List<Path> given = new ArrayList<>();
        for (Path p : req.inputs().given()) {
            if (!Files.isDirectory(p)) {
                given.add(p);
            }
        }
        for (Path p : new Path[] {req.roster(), req.expect()}) {
            if (p != null) {
                given.add(p);
            }
        }
        if (req.previous() != null) {
            given.addAll(InputFiles.expand(List.of(req.previous())));
        }
        return given;
    }

    /**
     * The inputs without the summary this merge writes (by then known to be a summary xxgk wrote): a
     * summary left in the input folder by the last run would otherwise stand in for its units, and
     * their corrected files would not count.
     */
    private static List<Path> withoutOutput(List<Path> files, MergeRequest req, RunListener listener) {
        files = AnnotatedCopies.outside(files, req.annotate(), listener);
        if (req.output() == null) {
            return files;
        }
        List<Path> kept = InputFiles.outside(files, req.output());
        if (kept.size() < files.size()) {
            Set<Path> merged = new HashSet<>(kept);
            files.stream().filter(f -> !merged.contains(f))
                    .forEach(f -> listener.note(Messages.get("merge.skipOutput", req.inputs().name(f))));
        }
        return kept;
    }

    /** What a merge keeps of one checked input: its values and its findings as 问题清单 lines. */
    private record Read(MergeInput input, List<FindingSpool.Line> lines, Path path, CheckResult result) {
    }

    /**
     * An input's annotated copy (or why none), the first thing to fix in it, and the errors and warnings
     * the summary found about it besides its own (last year's carry-over).
     */
    private record Copy(AnnotatedCopies.Copy copy, String firstProblem, long moreErrors, long moreWarnings) {
    }

    /**
     * The summary's own findings about an input counted (Y-CARRY, Y-STOCK, Y-YEAR: its carry-in against
     * last year's report) are problems the agency fixes: its copy is written again, or for the first time,
     * with them marked. Only those inputs are read a second time.
     */
    private static void annotateCrossYear(Layout layout, MergeResult result, AnnotatedCopies annotator,
                                          Map<String, Path> paths, Map<String, Copy> copies) throws UserException {
        if (result.carry() == null) {
            return;
        }
        for (CarryLine l : result.carry()) {
            List<Finding> more = l.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
            Path path = paths.get(l.input().file());
            if (more.isEmpty() || path == null) {
                continue;
            }
            CheckResult r = new CheckRunner(layout, null, null).run(path).named(l.input().file()).withFindings(more);
            Copy before = copies.get(l.input().file());
            Path replacing = before == null || before.copy() == null ? null : before.copy().file();
            copies.put(l.input().file(), new Copy(annotator.write(path, l.input().file(), r, replacing), firstProblem(r),
                    more.stream().filter(f -> f.severity() == Severity.ERROR).count(),
                    more.stream().filter(f -> f.severity() == Severity.WARNING).count()));
        }
    }

    /** Reads and checks every input in parallel, consuming results in input order. */
    private static List<MergeInput> readAll(Layout layout, List<Path> files, MergeRequest req, PreviousYear lastYear,
                                            FindingSpool spool,
                                            RunListener listener, Map<String, Path> paths, AnnotatedCopies annotator,
                                            Map<String, Copy> copies)
            throws InterruptedException, ExecutionException, UserException, IOException {
        List<MergeInput> out = new ArrayList<>(files.size());
        // Rendering each finding's message and keeping the values are done by the reader threads (a
        // merge's hot path); the appends and the annotated copies here, in input order.
        InOrder.run(new CheckRunner(layout, null, null, lastYear), files, listener,
                r -> read(r.named(req.inputs().name(Path.of(r.file()))), Path.of(r.file()), layout,
                        req.previous() != null, annotator != null, req.strictBlank()), read -> {
            read.lines().forEach(spool::add);
            paths.putIfAbsent(read.input().file(), read.path());
            out.add(read.input());
            if (annotator != null && !read.result().findings().isEmpty()) {
                copies.put(read.input().file(), new Copy(annotator.write(read.path(), read.input().file(), read.result()),
                        firstProblem(read.result()), 0, 0));
            }
        });
        return out;
    }

    /** What to fix first in a file: its first error, else its first warning, with the cell it is in. */
    private static String firstProblem(CheckResult r) {
        Finding f = r.findings().stream().filter(x -> x.severity() == Severity.ERROR).findFirst()
                .orElse(r.findings().get(0));
        return (f.cell() == null ? "" : f.cell() + "：") + f.message();
    }

    /** The annotated copies' list, written beside them; null when no copies were asked for. */
    private static Returns returns(MergeRequest req, MergeResult result, Map<String, Copy> copies) throws UserException {
        if (req.annotate() == null) {
            return null;
        }
        List<ReturnList.Entry> entries = new ArrayList<>();
        int failed = 0;
        for (MergeInput in : result.inputs()) {
            Copy c = copies.get(in.file());
            if (c == null) {
                continue;
            }
            failed += c.copy() != null && c.copy().failed() ? 1 : 0;
            Path copy = c.copy() == null ? null : c.copy().file();
            entries.add(new ReturnList.Entry(in.name(), in.file(), Messages.get("status." + in.status().id()),
                    c.firstProblem(), in.errors() + c.moreErrors(), in.warnings() + c.moreWarnings(),
                    copy == null ? "" : copy.getFileName().toString()));
        }
        Path list = req.annotate().resolve(ReturnList.FILE);
        // A file of that name that is not a list of ours is kept: the list takes the next name.
        for (int n = 2; Files.exists(list) && OutputMark.of(list) != OutputMark.Kind.RETURN_LIST; n++) {
            list = req.annotate().resolve(ReturnList.FILE.replace(".xlsx", "-" + n + ".xlsx"));
        }
        try {
            ReturnList.write(entries, list);
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", list, IoProblems.writing(e));
        }
        return new Returns(entries, list, failed);
    }

    private static Read read(CheckResult r, Path path, Layout layout, boolean crossYear, boolean keep,
                             boolean strictBlank) {
        String name = r.identity().get(IdentityField.NAME).orElse("");
        List<FindingSpool.Line> lines = new ArrayList<>(r.findings().size());
        for (Finding f : Blanks.collapsed(r.findings(), strictBlank)) {
            lines.add(FindingSpool.line(name, f));
        }
        MergeInput in = MergeInput.of(r, r.layout() != null ? r.layout() : layout, crossYear);
        if (r.mark() == OutputMark.Kind.ANNOTATED && !r.unreadable()) {
            // An annotated copy sent back is the agency's submission; unchanged since it was annotated, it
            // is said so. (A copy of an older version holds no fingerprint: taken as changed.)
            String annotated = OutputMark.value(path, OutputMark.ANNOTATED_VALUES);
            in.returned(annotated == null || !annotated.equals(AnnotatedCopies.fingerprint(r)));
        }
        return new Read(in, lines, path, keep ? r : null);
    }

    /** The layout most readable inputs have (ties: the newer). */
    private static Layout mostCommon(Layout given, List<MergeInput> inputs) {
        Map<String, Integer> counts = new TreeMap<>();
        for (MergeInput in : inputs) {
            if (!in.unreadable() && in.layoutId() != null) {
                counts.merge(in.layoutId(), 1, Integer::sum);
            }
        }
        String best = given.id();
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return Layouts.get(best);
    }

    private static void write(MergeResult result, Analysis analysis, FindingSpool spool, MergeRequest req)
            throws UserException {
        Identity id = Identity.empty().with(IdentityField.NAME, summaryName(result, req))
                .with(IdentityField.YEAR, result.year()).with(IdentityField.REGION_CODE, req.regionCode());
        try {
            SummaryWriter.write(result, analysis, id, spool, req.output(), req.force());
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, "error.exists", req.output());
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", req.output(), IoProblems.writing(e));
        }
    }

    /** The agency asked for, else the one 上级单位 the roster names for everyone, else 汇总. */
    private static String summaryName(MergeResult result, MergeRequest req) {
        if (req.agency() != null) {
            return req.agency();
        }
        if (result.roster() != null) {
            Set<String> parents = result.roster().stream()
                    .map(l -> l.entry().identity().get(IdentityField.PARENT).orElse(""))
                    .collect(Collectors.toSet());
            if (parents.size() == 1 && !parents.contains("")) {
                return parents.iterator().next();
            }
        }
        return "汇总";
    }

    /** Each submission not on the roster, with the missing roster line it probably means. */
    private static List<OffRoster> offRoster(MergeResult r) {
        if (r.roster() == null) {
            return List.of();
        }
        List<RosterLine> missing = r.roster().stream().filter(l -> l.status() == RosterLine.Status.MISSING).toList();
        List<String> names = missing.stream().map(l -> l.entry().identity().get(IdentityField.NAME).orElse("")).toList();
        List<OffRoster> out = new ArrayList<>();
        for (MergeInput in : r.offRoster()) {
            Optional<String> meant = NearMiss.best(in.name() == null ? "" : in.name(), names);
            out.add(new OffRoster(in, meant.map(m -> missing.get(names.indexOf(m))).orElse(null)));
        }
        return out;
    }
}
