package io.xxgk.cli;

import picocli.CommandLine.Option;

/**
 * Options every command takes. {@code --lang} is read by {@link Main} before parsing (the help text
 * depends on it); it is declared here so that it is listed and accepted everywhere.
 */
public final class CommonOptions {

    @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "lang")
    String lang;

    @Option(names = "--debug", descriptionKey = "debug")
    boolean debug;
}
