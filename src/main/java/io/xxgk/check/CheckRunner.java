package io.xxgk.check;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.i18n.Messages;
import io.xxgk.ingest.RawCell;
import io.xxgk.ingest.SourceReport;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.excel.OutputMark;
import io.xxgk.ingest.format.Formats;
import io.xxgk.ingest.format.InputFormat;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import io.xxgk.schema.SumDef;
import io.xxgk.util.FileNames;
import io.xxgk.util.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Reads and checks one input, with the user's identity overrides; used by check and merge. */
public final class CheckRunner {

    private final Layout layout;
    private final String agency;
    private final String year;

    /** How {@link #runAll} reads one input: {@link #run}, or in a test a reader that takes its time. */
    private final Function<Path, CheckResult> reader;

    /** Last year's reports as evidence for a published report's rows left open (none given: nothing). */
    private final UnaryOperator<SourceReport> evidence;

    public CheckRunner(Layout layout, String agency, String year) {
        this(layout, agency, year, null);
    }

    /**
     * A runner that, where a published report's numbers ran together and stay open, asks the agency's
     * report of last year ({@code lastYear}, or null) whether 现行有效's roll-forward decides them.
     */
    public CheckRunner(Layout layout, String agency, String year, PreviousYear lastYear) {
        this.layout = layout;
        this.agency = agency;
        this.year = year;
        this.evidence = LastYearEvidence.from(lastYear);
        this.reader = this::run;
    }

    /** A runner reading each input with {@code reader} (tests of the scheduling: a reader that never ends). */
    CheckRunner(Layout layout, Function<Path, CheckResult> reader) {
        this.layout = layout;
        this.agency = null;
        this.year = null;
        this.evidence = LastYearEvidence.from(null);
        this.reader = reader;
    }

    /** Inputs checked ahead of the one being handed over: bounds memory, keeps every core busy. */
    static final int WINDOW = 64;

    /**
     * Checks {@code files} on several threads and hands each result to {@code each}, in file order,
     * on the calling thread. One thread more than cores (while the caller handles a result, or a
     * reader waits on a file, the cores stay busy: on 2 cores 3 readers finish ~10% sooner than 2),
     * or {@code -Dxxgk.threads=N}.
     */
    public void runAll(List<Path> files, Consumer<CheckResult> each) throws InterruptedException, ExecutionException {
        runAll(files, Function.identity(), each);
    }

    /**
     * As {@link #runAll(List, Consumer)}, with {@code onReader} applied to each result on the thread
     * that checked it (work that need not wait its turn), and {@code each} given its outcome in order.
     */
    public <T> void runAll(List<Path> files, Function<CheckResult, T> onReader, Consumer<T> each)
            throws InterruptedException, ExecutionException {
        int threads = Math.max(1, Integer.getInteger("xxgk.threads", Runtime.getRuntime().availableProcessors() + 1));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "xxgk-read");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Reading<T>> window = new ArrayDeque<>();
            // The readers render messages in the language of the caller (a web request's, or the run's).
            Locale language = Messages.locale();
            boolean page = Messages.onPage();
            for (Path f : files) {
                Reading<T> r = new Reading<>(f);
                r.future = pool.submit(() -> {
                    r.started = System.nanoTime();
                    return Messages.in(language, page, () -> onReader.apply(reader.apply(f)));
                });
                window.add(r);
                if (window.size() >= WINDOW) {
                    each.accept(next(window, onReader, pool));
                }
            }
            while (!window.isEmpty()) {
                each.accept(next(window, onReader, pool));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One input being read: its result to come, and when its reading began (0: not yet, it waits its turn). */
    private static final class Reading<T> {
        final Path file;
        volatile long started;
        Future<T> future;

        Reading(Path file) {
            this.file = file;
        }
    }

    /** The endings of the formats read: workbooks and published reports. */
    public static final String FORMATS = Formats.readableEndings();

    /** True for a file in a format that is read (by its name, else by its content): a workbook or a published report. */
    public static boolean reads(Path file) {
        return Formats.takes(file);
    }

    /** Seconds one input may take (-Dxxgk.inputSeconds, default 300); a hostile file must not hold up every other. */
    static long inputSeconds() {
        return Long.getLong("xxgk.inputSeconds", 300);
    }

    /**
     * The next result in file order. Each input has its own {@link #inputSeconds()} from when its reading
     * began (an input waiting behind slow ones is never given up for their time); one still not read then
     * is given up, its reader interrupted, and the pool given a thread in its place, so a reader stuck in
     * a library that does not stop costs no other input its turn.
     */
    private static <T> T next(Deque<Reading<T>> window, Function<CheckResult, T> onReader, ThreadPoolExecutor pool)
            throws InterruptedException, ExecutionException {
        Reading<T> r = window.poll();
        long budget = TimeUnit.SECONDS.toNanos(inputSeconds());
        while (true) {
            long started = r.started;
            long wait = started == 0 ? TimeUnit.SECONDS.toNanos(1) : started + budget - System.nanoTime();
            try {
                if (wait > 0) {
                    return r.future.get(wait, TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException e) {
                continue;
            }
            if (r.future.isDone()) {
                return r.future.get();
            }
            r.future.cancel(true);
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
            pool.setCorePoolSize(pool.getCorePoolSize() + 1);
            return onReader.apply(unreadable(r.file, Messages.get("reason.timeout", inputSeconds())));
        }
    }

    public CheckResult run(Path file) {
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)
                    && !Files.isDirectory(file)) {
                // A pipe, a device (a link to /dev/zero): reading it could block forever or never end.
                throw new UnreadableException(Messages.get("reason.notRegular"), null);
            }
            if (FileNames.notUtf8(file)) {
                // A name whose bytes are not UTF-8 (a zip made on Chinese Windows, unpacked here): the readers
                // that open files by name cannot open it, so they read it through a link with a plain name
                // (shown by its own name, decoded). It was "文件是空的（0 字节）".
                Path link = Files.exists(file) ? RunFiles.alias(file) : null;
                if (link == null) {
                    throw new UnreadableException(Messages.get("reason.nameNotUtf8"), null);
                }
                file = link;
            }
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            if (name.startsWith("~$") || name.startsWith(".~lock.")) {
                throw new UnreadableException(Messages.get("reason.lockFile"), null);
            }
            if (Files.isRegularFile(file) && size(file) == 0) {
                throw new UnreadableException(Messages.get("reason.empty"), null);
            }
            InputFormat format = Formats.of(file);
            if (format == null) {
                // A .csv is read only when it holds our tables or reports (a roster given as an input is not).
                throw new UnreadableException(name.toLowerCase(Locale.ROOT).endsWith(".csv") ? Messages.get("skip.csvNotOurs")
                        : Messages.get("reason.notOurs", FORMATS), null);
            }
            // A report of another layout we know comes back read in that layout, never in this one.
            SourceReport src = format.read(file, layout);
            if (src.mark() == OutputMark.Kind.IMPORTED) {
                src = unreadOnImport(src, file);
            }
            Identity id = src.identity();
            if (agency != null) {
                id = id.with(IdentityField.NAME, agency);
            }
            if (year != null) {
                id = id.with(IdentityField.YEAR, year.strip());
            }
            return Checker.check(evidence.apply(src.withIdentity(id)));
        } catch (UnreadableException e) {
            return unreadable(file, e.getMessage());
        } catch (StackOverflowError e) {
            // One input never ends the run: whatever reading it does, the others still get their results.
            return unreadable(file, Messages.get("reason.tooDeep"));
        } catch (OutOfMemoryError e) {
            return unreadable(file, Messages.get("reason.tooMuchMemory"));
        } catch (RuntimeException e) {
            return unreadable(file, UnreadableException.reason(e));
        }
    }

    /** The file's size by its path (a java.io.File of a name that is not UTF-8 said 0 bytes); -1 unknown. */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * A workbook {@code import} wrote from a report some of whose values it could not read: those
     * cells are blank there, not zero. Each is said (READ, "导入时未读取") and left out of the sums it
     * feeds, rather than making them look wrong.
     */
    private static SourceReport unreadOnImport(SourceReport src, Path file) {
        String unread = OutputMark.value(file, OutputMark.IMPORT_UNREAD);
        if (unread == null || unread.isBlank()) {
            return src;
        }
        Map<String, RawCell> cells = new LinkedHashMap<>(src.cells());
        List<Finding> problems = new ArrayList<>(src.problems());
        Set<String> keys = new LinkedHashSet<>();
        for (String key : unread.split(",")) {
            keys.add(key.strip());
        }
        for (String key : keys) {
            RawCell raw = cells.remove(key);
            if (raw != null) {
                problems.add(Finding.of(Rule.READ, src.file(), raw.location(), key, null, null,
                        "finding.importUnread", List.of(src.layout().cell(key).map(CellDef::displayLabel).orElse(key))));
            }
        }
        // The totals our template computes from them are as incomplete: out of the sums too, unsaid.
        for (boolean more = true; more; ) {
            more = false;
            for (Map.Entry<String, SumDef> total : src.layout().formulas().entrySet()) {
                SumDef def = total.getValue();
                boolean fed = def.left().stream().anyMatch(keys::contains) || def.right().stream().anyMatch(keys::contains);
                if (fed && keys.add(total.getKey())) {
                    cells.remove(total.getKey());
                    more = true;
                }
            }
        }
        return new SourceReport(src.file(), src.layout(), src.identity(), src.identityCells(), cells, problems,
                src.contains(), src.mark(), src.otherLayout());
    }

    private static CheckResult unreadable(Path file, String reason) {
        return CheckResult.unreadable(file.toString(), Finding.of(Rule.READ_FILE, file.toString(), null,
                null, null, null, "finding.unreadable", List.of(reason)));
    }

}
