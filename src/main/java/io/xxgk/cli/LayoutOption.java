package io.xxgk.cli;

import io.xxgk.schema.Layout;
import io.xxgk.schema.Layouts;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.UserException;
import picocli.CommandLine.Option;

/** {@code --layout NAME}, resolved against the layout registry. */
public final class LayoutOption {

    @Option(names = "--layout", paramLabel = "NAME", descriptionKey = "layout")
    String name = Layouts.DEFAULT;

    Layout resolve() throws UserException {
        return Layouts.find(name).orElseThrow(() ->
                new UserException(ExitCodes.USAGE, "layout.unknown", name, String.join(", ", Layouts.ids())));
    }

}
