package io.xxgk.cli;

import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.UserException;
import picocli.CommandLine.Option;

/** {@code --layout NAME}, resolved against the layout registry. */
public final class LayoutOption {

    @Option(names = "--layout", paramLabel = "NAME", descriptionKey = "layout")
    String name;

    Layout resolve() throws UserException {
        String id = name == null ? Layouts.DEFAULT : name;
        return Layouts.find(id).orElseThrow(() ->
                new UserException(ExitCodes.USAGE, "layout.unknown", id, String.join(", ", Layouts.ids())));
    }

    /** True when the user named a layout (otherwise a merge follows its inputs). */
    boolean explicit() {
        return name != null;
    }

}
