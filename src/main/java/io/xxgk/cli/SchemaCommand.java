package io.xxgk.cli;

import io.xxgk.i18n.Messages;
import io.xxgk.schema.CellDef;
import io.xxgk.schema.Layout;
import io.xxgk.schema.SumDef;
import io.xxgk.util.DisplayWidth;
import io.xxgk.util.ExitCodes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xxgk schema}: the cell keys of a layout with their labels, as text or JSON. */
@Command(name = "schema", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class SchemaCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    LayoutOption layoutOption;

    @Option(names = "--format", paramLabel = "text|json", descriptionKey = "format")
    OutputFormat format = OutputFormat.text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Layout layout = layoutOption.resolve();
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(toJson(layout)));
        } else {
            printText(layout, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Map<String, Object> toJson(Layout layout) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("layout", layout.id());
        root.put("document", layout.document());
        List<Object> cells = new ArrayList<>();
        for (CellDef c : layout.cells()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", c.key());
            m.put("table", c.table());
            m.put("row", c.rowKey());
            m.put("column", c.colKey());
            m.put("row_labels", c.rowPath());
            m.put("column_labels", c.colPath());
            m.put("type", c.type().name().toLowerCase(Locale.ROOT));
            SumDef f = layout.formulas().get(c.key());
            m.put("sum_of", f == null ? null : f.right());
            cells.add(m);
        }
        root.put("cells", cells);
        List<Object> relations = new ArrayList<>();
        for (SumDef r : layout.relations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.ruleId());
            m.put("scope", r.scope());
            m.put("left", r.left());
            m.put("right", r.right());
            relations.add(m);
        }
        root.put("relations", relations);
        return root;
    }

    private static void printText(Layout layout, PrintWriter out) {
        out.println(Messages.get("schema.header", layout.id(), layout.document(), layout.cells().size()));
        int keyWidth = layout.cells().stream().mapToInt(c -> c.key().length()).max().orElse(10) + 2;
        int typeWidth = 8;
        out.println(DisplayWidth.padRight(Messages.get("schema.key"), keyWidth)
                + DisplayWidth.padRight(Messages.get("schema.type"), typeWidth) + Messages.get("schema.label"));
        String table = "";
        for (CellDef c : layout.cells()) {
            if (!c.table().equals(table)) {
                table = c.table();
                out.println();
                String title = layout.forms().stream().filter(f -> f.table().equals(c.table()))
                        .findFirst().map(f -> f.title()).orElse(c.table());
                out.println(title);
            }
            String type = Messages.get("type." + c.type().name().toLowerCase(Locale.ROOT));
            out.println(DisplayWidth.padRight(c.key(), keyWidth) + DisplayWidth.padRight(type, typeWidth)
                    + c.displayLabel());
        }
    }
}
