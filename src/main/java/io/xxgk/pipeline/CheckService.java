package io.xxgk.pipeline;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CheckRunner;
import io.xxgk.check.CrossYear;
import io.xxgk.check.PreviousYear;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.InputFiles;
import io.xxgk.util.UserException;
import io.xxgk.schema.Layout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Checks inputs, the same for the command line and the web page: finds them (every entry of a folder
 * gets an outcome), reads and checks each on several threads, compares it with last year's report
 * where asked, writes its annotated copy where asked, and hands each outcome over in input order as
 * it comes (nothing is held to the end).
 */
public final class CheckService {

    /** One checked input: its result (named as the user knows the file) and its annotated copy. */
    public record Checked(Path file, CheckResult result, Path annotated, String note) {
    }

    /** What one checked input is handed to; a user mistake it throws stops the run. */
    @FunctionalInterface
    public interface Each {
        void accept(Checked checked) throws UserException, IOException;
    }

    /** The whole run: counts, what was skipped, and the exit code it means. */
    public record Outcome(int inputs, int unreadable, int withErrors, int failedCopies, List<InputFiles.Skipped> skipped) {

        public int exitCode() {
            if (unreadable > 0 || failedCopies > 0) {
                return ExitCodes.UNREADABLE;
            }
            return withErrors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    private CheckService() {
    }

    public static Outcome run(CheckRequest req, RunListener listener, Each each)
            throws UserException, InterruptedException, ExecutionException, IOException {
        AnnotatedCopies.refuseAsInput(req.annotate(), req.inputs());
        InputFiles.Found found = req.inputs().scan(listener);
        List<Path> files = AnnotatedCopies.outside(found.files(), req.annotate(), listener);
        if (files.isEmpty()) {
            throw new UserException(ExitCodes.UNREADABLE, "check.noInputs", req.inputs().given(), CheckRunner.FORMATS);
        }
        PreviousYear last = req.previous() == null ? null
                : PreviousYear.load(req.previous(), new CheckRunner(req.layout(), null, null), req.inputs()::name);
        // Last year's reports decide what they can of a published report's rows left open (issue 24).
        CheckRunner runner = new CheckRunner(req.layout(), req.agency(), req.year(), last);
        AnnotatedCopies copies = req.annotate() == null ? null : new AnnotatedCopies(req.annotate(), req.strictBlank());
        int[] counts = new int[3]; // unreadable, with errors, failed copies
        InOrder.run(runner, files, listener, checked -> {
            Path file = Path.of(checked.file());
            CheckResult r = withLastYear(checked, last, req.layout());
            AnnotatedCopies.Copy copy = copies == null ? null : copies.write(file, req.inputs().name(file), r);
            counts[0] += r.unreadable() ? 1 : 0;
            counts[1] += r.hasErrors() ? 1 : 0;
            counts[2] += copy != null && copy.failed() ? 1 : 0;
            each.accept(new Checked(file, r.named(req.inputs().name(file)),
                    copy == null ? null : copy.file(), copy == null ? null : copy.note()));
        });
        return new Outcome(files.size(), counts[0], counts[1], counts[2], found.skipped());
    }

    /** {@code r} with the cross-year checks against its agency's report of last year (none: no last year given). */
    static CheckResult withLastYear(CheckResult r, PreviousYear last, Layout layout) {
        if (last == null || r.unreadable()) {
            return r;
        }
        CheckResult lastYear = last.find(r.identity());
        return r.withFindings(lastYear == null ? List.of(CrossYear.none(r)) : CrossYear.compare(layout, r, lastYear));
    }
}
