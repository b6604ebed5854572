package io.xxgk.cli;

import io.xxgk.finding.Rule;
import io.xxgk.i18n.Messages;
import io.xxgk.util.DisplayWidth;
import io.xxgk.util.ExitCodes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xxgk rules}: the catalogue of checks. */
@Command(name = "rules", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class RulesCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--format", paramLabel = "text|json", descriptionKey = "format")
    OutputFormat format = OutputFormat.text;

    @Spec
    CommandSpec spec;

    /** The longest rule id and a space: every id stands apart from its severity. */
    private static final int ID_WIDTH = Rule.longestId() + 1;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            List<Object> list = new ArrayList<>();
            for (Rule r : Rule.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("severity", r.severity().id());
                m.put("description", Messages.get(r.descriptionKey()));
                list.add(m);
            }
            out.println(Json.write(list));
        } else {
            for (Rule r : Rule.values()) {
                out.println(DisplayWidth.padRight(r.id(), ID_WIDTH)
                        + DisplayWidth.padRight(Messages.get("severity." + r.severity().id()), 9)
                        + Messages.get(r.descriptionKey()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
