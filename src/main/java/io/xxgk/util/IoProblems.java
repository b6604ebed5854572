package io.xxgk.util;

import io.xxgk.i18n.Messages;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Plain words for why a file could not be read or written, for a clerk rather than a programmer;
 * the technical detail follows in brackets.
 */
public final class IoProblems {

    private IoProblems() {
    }

    /** Why reading failed when the cause is the file system (missing, no permission, a folder), else null. */
    public static String reading(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = lower(t);
            if (t instanceof AccessDeniedException || m.contains("permission denied")) {
                return Messages.get("io.denied");
            }
            if (m.contains("is a directory")) {
                return Messages.get("io.isFolder");
            }
            if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
                return Messages.get("io.missing");
            }
        }
        return null;
    }

    /** Whether {@code e} or a cause of it is a file system out of space. */
    public static boolean noSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (lower(t).contains("no space left") || lower(t).contains("not enough space")
                    || lower(t).contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** Less free space than this where the temporary files go, after a failed save, is a full disk. */
    static final long LOW_SPACE = 64L << 20;

    /**
     * Whether {@code e} is a workbook that could not be saved ("Failed to save", POI's words, which drop
     * the cause) while the temporary folder {@code tmp} is (nearly) full: the disk filled up.
     */
    public static boolean savingWithoutSpace(Throwable e, Path tmp) {
        boolean saving = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            saving |= lower(t).contains("failed to save") || lower(t).contains("fail to save");
        }
        try {
            return saving && Files.getFileStore(tmp).getUsableSpace() < LOW_SPACE;
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }

    /** Why reading failed, in plain words where they are known, with the detail after them. */
    public static String whyNotRead(Throwable e) {
        String plain = reading(e);
        return plain == null ? detail(e) : plain + " (" + detail(e) + ")";
    }

    /** Why writing failed, in plain words where they are known, with the detail after them. */
    public static String writing(IOException e) {
        String m = lower(e);
        String plain;
        if (e instanceof AccessDeniedException || m.contains("permission denied") || m.contains("read-only file system")) {
            plain = Messages.get("io.denied");
        } else if (e instanceof NoSuchFileException) {
            plain = Messages.get("io.cannotCreate");
        } else if (m.contains("is a directory")) {
            plain = Messages.get("io.isFolder");
        } else if (m.contains("no space left")) {
            plain = Messages.get("io.noSpace", System.getProperty("java.io.tmpdir"));
        } else {
            return detail(e);
        }
        return plain + " (" + detail(e) + ")";
    }

    /** The first line of the exception's message, or its kind when it has none. */
    public static String detail(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private static String lower(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }
}
