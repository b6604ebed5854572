package io.xxgk.cli;

import io.xxgk.check.CreditCode;
import io.xxgk.check.RegionCode;
import io.xxgk.excel.TemplateWriter;
import io.xxgk.i18n.Messages;
import io.xxgk.roster.Roster;
import io.xxgk.roster.RosterEntry;
import io.xxgk.roster.RosterProblem;
import io.xxgk.roster.RosterReader;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.SafeFileNames;
import io.xxgk.util.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xxgk template}: the fill-in workbook, alone or one per agency of a roster. */
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class TemplateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.xlsx", descriptionKey = "template.output")
    Path output;

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "template.year")
    String year;

    @Option(names = "--agency", paramLabel = "NAME", descriptionKey = "template.agency")
    String agency;

    @Option(names = "--credit-code", paramLabel = "CODE", descriptionKey = "template.creditCode")
    String creditCode;

    @Option(names = "--region-code", paramLabel = "CODE", descriptionKey = "template.regionCode")
    String regionCode;

    @Option(names = "--parent", paramLabel = "NAME", descriptionKey = "template.parent")
    String parent;

    @Option(names = "--roster", paramLabel = "ROSTER", descriptionKey = "template.roster")
    Path roster;

    @Option(names = "--out-dir", paramLabel = "DIR", descriptionKey = "template.outDir")
    Path outDir;

    @Mixin
    LayoutOption layoutOption;

    @Option(names = "--force", descriptionKey = "force")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validateOptions();
        TemplateWriter writer = new TemplateWriter(layoutOption.resolve());
        PrintWriter err = spec.commandLine().getErr();
        if (roster != null) {
            return writeRoster(writer, err);
        }
        write(writer, identity(Identity.empty()), output);
        err.println(Messages.get("template.written", output));
        return ExitCodes.OK;
    }

    private void validateOptions() throws UserException {
        if ((output == null) == (roster == null)) {
            throw new UserException(ExitCodes.USAGE, "option.outputOrRoster");
        }
        if (roster != null && outDir == null) {
            throw new UserException(ExitCodes.USAGE, "option.rosterNeedsOutDir");
        }
        if (output != null && !output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UserException(ExitCodes.USAGE, "option.notXlsx", output);
        }
        if (year != null && !year.strip().matches("\\d{4}")) {
            throw new UserException(ExitCodes.USAGE, "option.badYear", year);
        }
        if (creditCode != null && !CreditCode.isValid18(creditCode.strip())) {
            throw new UserException(ExitCodes.USAGE, "option.badCredit", creditCode);
        }
        if (regionCode != null && !RegionCode.isValid(regionCode.strip())) {
            throw new UserException(ExitCodes.USAGE, "option.badRegion", regionCode);
        }
    }

    /** The identity from the options, on top of {@code base} (a roster row). */
    private Identity identity(Identity base) {
        Identity id = base;
        Map<IdentityField, String> given = new java.util.EnumMap<>(IdentityField.class);
        if (agency != null) {
            given.put(IdentityField.NAME, agency);
        }
        if (creditCode != null) {
            given.put(IdentityField.CREDIT_CODE, creditCode);
        }
        if (regionCode != null) {
            given.put(IdentityField.REGION_CODE, regionCode);
        }
        if (parent != null) {
            given.put(IdentityField.PARENT, parent);
        }
        if (year != null) {
            given.put(IdentityField.YEAR, year);
        }
        for (Map.Entry<IdentityField, String> e : given.entrySet()) {
            if (base.get(e.getKey()).isEmpty() || e.getKey() == IdentityField.YEAR) {
                id = id.with(e.getKey(), e.getValue());
            }
        }
        return id;
    }

    private void write(TemplateWriter writer, Identity identity, Path target) throws UserException {
        try {
            writer.write(identity, Map.of(), target, force);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, "error.exists", target);
        } catch (IOException e) {
            throw new UserException(ExitCodes.UNREADABLE, e, "error.write", target, String.valueOf(e.getMessage()));
        }
    }

    private int writeRoster(TemplateWriter writer, PrintWriter err) throws UserException {
        Roster list = RosterReader.read(roster);
        int failed = 0;
        for (RosterProblem p : list.problems()) {
            err.println(Messages.get("roster.problem", roster, p.row(), p.message()));
            failed++;
        }
        SafeFileNames names = new SafeFileNames();
        int written = 0;
        for (RosterEntry entry : list.entries()) {
            Path target = outDir.resolve(names.next(entry.identity().get(IdentityField.NAME).orElseThrow(), ".xlsx"));
            if (!force && Files.exists(target)) {
                err.println(Messages.get("roster.problem", roster, entry.row(), Messages.get("roster.exists", target)));
                failed++;
                continue;
            }
            write(writer, identity(entry.identity()), target);
            written++;
        }
        err.println(Messages.get("roster.written", written, outDir));
        if (failed > 0) {
            err.println(Messages.get("roster.failed", failed));
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

}
