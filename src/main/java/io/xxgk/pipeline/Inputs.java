package io.xxgk.pipeline;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.format.Formats;
import io.xxgk.util.InputFiles;
import io.xxgk.util.RunFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The inputs of a run as given (files and folders) and the names to show them by: the path as
 * typed on the command line, the name the browser gave on the web page (the files are saved there
 * under names of ours). Every entry of a folder gets an outcome: read, or skipped with its reason.
 */
public record Inputs(List<Path> given, Function<Path, String> names, boolean dropped) {

    /** Inputs shown by their paths: files taken as given, folders walked (the command line). */
    public static Inputs of(List<Path> given) {
        return new Inputs(given, Path::toString, false);
    }

    /**
     * Files dropped together (the web page): each taken like a folder's file, in the order given,
     * shown by the name given.
     */
    public static Inputs dropped(List<Path> files, Function<Path, String> names) {
        return new Inputs(files, names, true);
    }

    /** Folders' files or a drop's, shown by the names given. */
    public static Inputs of(List<Path> given, Function<Path, String> names) {
        return new Inputs(given, names, false);
    }

    public String name(Path file) {
        // A file read through a link because its name is not UTF-8: shown by its own name.
        String alias = RunFiles.shownName(file);
        if (alias != null) {
            return alias;
        }
        String n = names.apply(file);
        return n == null ? file.toString() : n;
    }

    /** The folders walked: the files to read, and the rest with their reasons said to {@code listener}. */
    InputFiles.Found scan(RunListener listener) {
        InputFiles.Found found = dropped ? InputFiles.dropped(given, Formats::takes) : InputFiles.scan(given, Formats::takes);
        int system = 0;
        for (InputFiles.Skipped s : found.skipped()) {
            if (s.reasonKey().equals(InputFiles.SYSTEM)) {
                system++;
            } else {
                listener.note(Messages.get("skip.line", name(s.path()), reason(s)));
            }
        }
        if (found.skipped().size() > system) {
            listener.note(Messages.get("skip.count", found.skipped().size() - system));
        }
        if (system > 0) {
            listener.note(Messages.get("skip.systemCount", system));
        }
        // A dataset of reports (a crawler's CSV): each record an input of its own.
        return new InputFiles.Found(Datasets.expand(found.files(), this::name), found.skipped());
    }

    /** Why an entry was skipped, in the user's language. */
    public static String reason(InputFiles.Skipped s) {
        return switch (s.reasonKey()) {
            case "skip.notReport" -> s.path().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? Messages.get("skip.csvNotOurs") : Messages.get(s.reasonKey(), Formats.readableEndings());
            case "skip.unreadable" -> Messages.get(s.reasonKey(), s.detail());
            default -> Messages.get(s.reasonKey());
        };
    }
}
