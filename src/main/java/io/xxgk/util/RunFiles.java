package io.xxgk.util;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * The temporary files of one run: a private folder (only this user can enter it; POI's shared
 * /tmp/poifiles belonged to whichever user ran first) that POI's and our own temporary files go
 * into, deleted when the run ends, also on Ctrl-C; and the temporary files written beside an output
 * until they are moved into place. What a killed run left (its process gone) is cleared by the next.
 */
public final class RunFiles implements AutoCloseable {

    private static final String PREFIX = "xxgk-run-";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");
    private static final Pattern BESIDE = Pattern.compile("\\.xxgk-(\\d+)-.*\\.tmp");
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    /** Links of this run to inputs whose names are not UTF-8, and the names to show them by. */
    private static final Map<Path, String> ALIASES = new ConcurrentHashMap<>();
    private static final AtomicInteger ALIAS_COUNT = new AtomicInteger();
    private static volatile RunFiles current;
    private static volatile boolean hooked;

    private final Path dir;
    private final PrintStream err;
    private volatile String interrupted;
    /** The output whose moving into place changes what an interruption says, and what it says then. */
    private volatile Path output;
    private volatile String writtenMessage;

    private RunFiles(Path dir, PrintStream err) {
        this.dir = dir;
        this.err = err;
    }

    /** Starts a run: its private folder, POI pointed at it, the leftovers of killed runs cleared. */
    public static RunFiles start(PrintStream err) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        clearStale(tmp, OURS);
        Path dir = createPrivateFolder(tmp);
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
        RunFiles run = new RunFiles(dir, err);
        current = run;
        synchronized (RunFiles.class) {
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(RunFiles::onExit, "xxgk-cleanup"));
                hooked = true;
            }
        }
        return run;
    }

    /**
     * A new folder only this user can enter, as {@link Files#createTempDirectory} makes it but without
     * seeding a SecureRandom for its name (about 17 ms of a 0.3 s check). The name needs to be new,
     * not secret: the folder is created atomically, private, and a name taken is never reused.
     */
    static Path createPrivateFolder(Path tmp) throws IOException {
        String base = PREFIX + ProcessHandle.current().pid() + "-";
        boolean posix = tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
        long seed = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            Path p = tmp.resolve(base + Long.toUnsignedString(seed + attempt * 0x9E3779B97F4A7C15L, 36));
            try {
                return posix ? Files.createDirectory(p, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------"))) : Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** The folder for this run's temporary files (the system's temporary folder outside a run). */
    public static Path dir() {
        RunFiles run = current;
        return run != null ? run.dir : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** What to say if the run is stopped before it ends (Ctrl-C), e.g. that no summary was written. */
    public static void onInterrupt(String message) {
        RunFiles run = current;
        if (run != null) {
            run.interrupted = message;
            run.output = null;
        }
    }

    /**
     * What to say if the run is stopped before it ends: {@code notWritten} while {@code output} is not in
     * place, {@code written} once it is (a Ctrl-C just after the move said "未写出" of a summary that was there).
     */
    public static void onInterrupt(Path output, String notWritten, String written) {
        RunFiles run = current;
        if (run != null) {
            run.interrupted = notWritten;
            run.writtenMessage = written;
            run.output = output.toAbsolutePath().normalize();
        }
    }

    /**
     * A link in this run's folder to {@code file} (a path as listed, whose name is not UTF-8), with a plain
     * name and the same ending: the readers that open files by name reach it through the link. Null when
     * no link can be made here.
     */
    public static Path alias(Path file) {
        String leaf = FileNames.shown(file.getFileName());
        int dot = leaf.lastIndexOf('.');
        String ending = dot > 0 && leaf.substring(dot).matches("\\.[A-Za-z0-9]{1,5}") ? leaf.substring(dot) : "";
        Path link = dir().resolve("input-" + ALIAS_COUNT.incrementAndGet() + ending);
        try {
            Files.createSymbolicLink(link, file.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        ALIASES.put(link, FileNames.shown(file));
        return link;
    }

    /**
     * A file of this run holding {@code text} (one report of a dataset), shown by {@code shownName}: each
     * record of a CSV of reports is then an input like any file. Null when it cannot be written.
     */
    public static Path derived(String shownName, String text) {
        Path file = dir().resolve("record-" + ALIAS_COUNT.incrementAndGet() + ".txt");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        ALIASES.put(file, shownName);
        return file;
    }

    /** The name to show {@code path} by when it is a link made by {@link #alias} or a file by {@link #derived}, else null. */
    public static String shownName(Path path) {
        return ALIASES.get(path);
    }

    /** What an interruption now would say (null: nothing). */
    static String interruptMessage() {
        RunFiles run = current;
        return run == null ? null : run.interrupted;
    }

    /** Notes that {@code target} was moved into place (complete). */
    static void moved(Path target) {
        RunFiles run = current;
        if (run != null && target.toAbsolutePath().normalize().equals(run.output)) {
            run.interrupted = run.writtenMessage;
        }
    }

    /** The name for a temporary file beside an output: cleared by a later run once its process is gone. */
    static String besideName(String random) {
        return ".xxgk-" + ProcessHandle.current().pid() + "-" + random + ".tmp";
    }

    /** Notes a temporary file beside an output, deleted on Ctrl-C until {@link #written} is called. */
    static void writing(Path tmp) {
        // Once per folder and process: listing a folder of 10,000 templates for each one is quadratic.
        Path folder = tmp.getParent();
        if (folder != null && CLEARED.add(folder)) {
            clearStale(folder, BESIDE);
        }
        PENDING.add(tmp);
    }

    /** The folders whose leftovers of killed runs were cleared by this process. */
    private static final Set<Path> CLEARED = ConcurrentHashMap.newKeySet();

    static void written(Path tmp) {
        PENDING.remove(tmp);
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
            // POI back to its default: the folder it pointed at is about to go (in-process callers such as tests).
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
        // The links made by alias() are in this folder: they go with it, and so do their names.
        ALIASES.keySet().removeIf(link -> link.startsWith(dir));
        deleteTree(dir);
    }

    /** Ctrl-C or the end of the JVM: what is still there is deleted, and an interrupted run says so. */
    private static void onExit() {
        for (Path p : PENDING) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more to do at exit
            }
        }
        RunFiles run = current;
        if (run != null) {
            deleteTree(run.dir);
            if (run.interrupted != null) {
                run.err.println(run.interrupted);
                run.err.flush();
            }
        }
    }

    /**
     * Deletes entries of {@code folder} named by {@code pattern} whose process (group 1) is gone;
     * beside an output also only when an hour old (a shared folder: the process may be another computer's).
     */
    private static void clearStale(Path folder, Pattern pattern) {
        if (folder == null) {
            return;
        }
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "{xxgk-run-*,.xxgk-*.tmp}")) {
            for (Path p : entries) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches() && !alive(m.group(1)) && Files.isWritable(p)
                        && (pattern == OURS || Files.getLastModifiedTime(p).toMillis() < hourAgo)) {
                    deleteTree(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder we cannot list has nothing of ours to clear
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void deleteTree(Path root) {
        try {
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                        Files.deleteIfExists(f);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                        Files.deleteIfExists(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(root);
            }
        } catch (IOException e) {
            // best effort: a later run clears what is left
        }
    }
}
