package io.xxgk.util;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Files and folders given on the command line, as the inputs to read. */
public final class InputFiles {

    /**
     * The reason of the files and folders an operating system leaves beside the reports (a folder
     * unzipped on a Mac, a USB drive, a folder viewed in Windows Explorer): never reports, said in
     * one line rather than file by file.
     */
    public static final String SYSTEM = "skip.system";

    /** The names of {@link #systemFolder} folders, in lower case (the web page skips them too). */
    public static final Set<String> SYSTEM_FOLDERS = Set.of("__macosx", "$recycle.bin", "recycler",
            "system volume information", ".trashes", ".trash", ".spotlight-v100", ".fseventsd");

    /** A folder entry that is not read, and why (a message key, with its argument). */
    public record Skipped(Path path, String reasonKey, String detail) {
    }

    /** What a walk found: the files to read (sorted within each folder given) and everything else. */
    public record Found(List<Path> files, List<Skipped> skipped) {
    }

    private InputFiles() {
    }

    /** Files as given, and the .xlsx/.xls files inside folders (sorted, lock files skipped). */
    public static List<Path> expand(List<Path> inputs) throws UserException {
        return expand(inputs, InputFiles::isWorkbook);
    }

    /** Files as given, and the files inside folders that {@code wanted} accepts, sorted. */
    public static List<Path> expand(List<Path> inputs, Predicate<Path> wanted) throws UserException {
        return scan(inputs, wanted).files();
    }

    /**
     * Files as given, and every entry inside the folders: the files {@code wanted} accepts, sorted,
     * to be read; every other entry (lock files, other formats, links to nothing, pipes, folders that
     * cannot be read, link loops) with its reason, so that each gets an outcome. Links are followed.
     */
    public static Found scan(List<Path> inputs, Predicate<Path> wanted) {
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        if (!d.equals(p) && systemFolder(d.getFileName().toString())) {
                            skipped.add(new Skipped(d, SYSTEM, ""));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                        String why = skipReason(f, attrs, wanted);
                        if (why == null) {
                            found.add(f);
                        } else {
                            skipped.add(new Skipped(f, why, extension(f)));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        if (f.getFileName() != null && systemFolder(f.getFileName().toString())) {
                            skipped.add(new Skipped(f, SYSTEM, "")); // a drive's System Volume Information
                            return FileVisitResult.CONTINUE;
                        }
                        skipped.add(e instanceof FileSystemLoopException ? new Skipped(f, "skip.loop", "")
                                : new Skipped(f, "skip.unreadable", IoProblems.whyNotRead(e)));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                skipped.add(new Skipped(p, "skip.unreadable", IoProblems.whyNotRead(e)));
            }
            found.sort(Comparator.naturalOrder());
            files.addAll(found);
        }
        skipped.sort(Comparator.comparing(Skipped::path));
        return new Found(files, skipped);
    }

    /**
     * Files dropped together (the web page's upload): taken like the files of a folder (a lock file,
     * a system file, a file of no format read is skipped with its reason), in the order given.
     */
    public static Found dropped(List<Path> given, Predicate<Path> wanted) {
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path f : given) {
            String why;
            try {
                why = skipReason(f, Files.readAttributes(f, BasicFileAttributes.class), wanted);
            } catch (IOException e) {
                why = "skip.unreadable";
            }
            if (why == null) {
                files.add(f);
            } else {
                skipped.add(new Skipped(f, why, extension(f)));
            }
        }
        return new Found(files, skipped);
    }

    /** Why a folder entry is not read, as a message key, or null when it is. */
    private static String skipReason(Path f, BasicFileAttributes attrs, Predicate<Path> wanted) {
        String n = f.getFileName().toString();
        if (n.startsWith("~$") || n.startsWith(".~lock.")) {
            return "skip.lock";
        }
        if (systemFile(n)) {
            return SYSTEM;
        }
        if (attrs.isSymbolicLink()) {
            return "skip.brokenLink"; // followed links report their target; this one has none
        }
        if (!attrs.isRegularFile()) {
            return "skip.notRegular";
        }
        return wanted.test(f) ? null : "skip.notReport";
    }

    /**
     * A file an operating system writes: a Mac's .DS_Store and its "._" companion of every file
     * (AppleDouble, which keeps the report's own name: "._单位.xlsx" is no workbook), Windows'
     * Thumbs.db and desktop.ini.
     */
    static boolean systemFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("._") || n.equals(".ds_store") || n.equals("thumbs.db") || n.equals("ehthumbs.db")
                || n.equals("desktop.ini");
    }

    /**
     * A folder an operating system keeps, whose files are no submissions: __MACOSX in a zip made on a
     * Mac (the "._" companions), a drive's recycle bin (deleted reports, under other names) and
     * System Volume Information, a Mac's .Trashes, .Spotlight-V100 and .fseventsd.
     */
    static boolean systemFolder(String name) {
        return SYSTEM_FOLDERS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static String extension(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * {@code files} without those at or inside {@code place}: a command's own output (a file, or a
     * folder of copies), which an earlier run may have left among its inputs. The same file reached
     * through another path (a link) counts too.
     */
    public static List<Path> outside(List<Path> files, Path place) {
        Path target = place.toAbsolutePath().normalize();
        boolean existingFile = Files.isRegularFile(place);
        List<Path> kept = new ArrayList<>(files.size());
        for (Path f : files) {
            Path at = f.toAbsolutePath().normalize();
            boolean ours = at.startsWith(target)
                    || existingFile && f.getFileName().equals(place.getFileName()) && sameFile(f, place);
            if (!ours) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isWorkbook(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".xlsx") || n.endsWith(".xls")) && !n.startsWith("~$") && !n.startsWith(".~");
    }
}
