package io.xxgk.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Files and folders given on the command line, as the workbooks to read. */
public final class InputFiles {

    private InputFiles() {
    }

    /** Files as given, and the .xlsx/.xls files inside folders (sorted, Excel lock files skipped). */
    public static List<Path> expand(List<Path> inputs) throws UserException {
        return expand(inputs, InputFiles::isWorkbook);
    }

    /** Files as given, and the files inside folders that {@code wanted} accepts, sorted. */
    public static List<Path> expand(List<Path> inputs, java.util.function.Predicate<Path> wanted) throws UserException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(wanted).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UserException(ExitCodes.UNREADABLE, e, "error.unreadable", p, IoProblems.whyNotRead(e));
                }
            } else {
                out.add(p);
            }
        }
        return out;
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
