package io.xxgk.cli;

import io.xxgk.check.CheckRunner;
import io.xxgk.i18n.Messages;
import io.xxgk.util.InputFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The inputs of check and merge: every file found gets an outcome, the ones not read a line saying why. */
final class InputScan {

    private InputScan() {
    }

    /** Files and folders as given, walked: the files to read, the rest said on {@code err}. */
    static InputFiles.Found find(List<Path> given, PrintWriter err) {
        InputFiles.Found found = InputFiles.scan(given, CheckRunner::reads);
        int system = 0;
        for (InputFiles.Skipped s : found.skipped()) {
            if (s.reasonKey().equals(InputFiles.SYSTEM)) {
                system++;
            } else {
                err.println(Messages.get("skip.line", s.path(), reason(s)));
            }
        }
        if (found.skipped().size() > system) {
            err.println(Messages.get("skip.count", found.skipped().size() - system));
        }
        if (system > 0) {
            err.println(Messages.get("skip.systemCount", system));
        }
        err.flush();
        return found;
    }

    /** Why an entry was skipped, in the user's language. */
    static String reason(InputFiles.Skipped s) {
        return switch (s.reasonKey()) {
            case "skip.notReport" -> Messages.get(s.reasonKey(), CheckRunner.FORMATS);
            case "skip.unreadable" -> Messages.get(s.reasonKey(), s.detail());
            default -> Messages.get(s.reasonKey());
        };
    }
}
