package io.xxgk.check;

import io.xxgk.i18n.Messages;
import io.xxgk.identity.AgencyKey;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.InputFiles;
import io.xxgk.util.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Last year's reports, given as one file or a folder, found for an agency by its credit code, else
 * its name (as for duplicates in a merge).
 */
public final class PreviousYear {

    private final CheckResult single;
    private final Map<String, CheckResult> byKey = new HashMap<>();

    private PreviousYear(CheckResult single) {
        this.single = single;
    }

    /** Reads {@code path}: one workbook (used for whatever is checked), or every workbook of a folder. */
    public static PreviousYear load(Path path, CheckRunner runner)
            throws UserException, InterruptedException, ExecutionException {
        return load(path, runner, Path::toString);
    }

    /** As {@link #load(Path, CheckRunner)}, last year's files named as {@code names} shows them. */
    public static PreviousYear load(Path path, CheckRunner runner, Function<Path, String> names)
            throws UserException, InterruptedException, ExecutionException {
        if (!Files.exists(path)) {
            throw new UserException(ExitCodes.UNREADABLE, "error.unreadable", path, Messages.get("io.missing"));
        }
        if (!Files.isDirectory(path)) {
            return new PreviousYear(slim(runner.run(path).named(names.apply(path))));
        }
        PreviousYear p = new PreviousYear(null);
        runner.runAll(InputFiles.expand(List.of(path), CheckRunner::reads), full -> {
            CheckResult r = slim(full.named(names.apply(Path.of(full.file()))));
            if (!r.unreadable()) {
                for (String k : AgencyKey.all(r.identity())) {
                    p.byKey.putIfAbsent(k, r);
                }
            }
        });
        return p;
    }

    /** Only what the cross-year checks and a next year's template use: a province holds thousands. */
    private static CheckResult slim(CheckResult r) {
        return r.layout() == null ? r : r.only(r.layout().lastYearKeys());
    }

    /** Every report read (each once; one file's report when a single file was given). */
    public List<CheckResult> all() {
        if (single != null) {
            return List.of(single);
        }
        return byKey.values().stream().distinct().toList();
    }

    /** The report of last year for this agency, or null when there is none. */
    public CheckResult find(Identity agency) {
        if (single != null) {
            return single;
        }
        List<String> keys = AgencyKey.all(agency);
        for (String k : keys) {
            if (k.startsWith("code:") && byKey.containsKey(k)) {
                return byKey.get(k);
            }
        }
        for (String k : keys) {
            if (k.startsWith("name:") && byKey.containsKey(k)) {
                CheckResult r = byKey.get(k);
                boolean codesDiffer = agency.get(IdentityField.CREDIT_CODE).isPresent()
                        && r.identity().get(IdentityField.CREDIT_CODE).isPresent();
                if (!codesDiffer) {
                    return r;
                }
            }
        }
        return null;
    }
}
