package io.xxgk.cli;

/** {@code --format}: text for people, json for programs. */
public enum OutputFormat {
    text, json
}
