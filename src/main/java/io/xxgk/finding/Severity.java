package io.xxgk.finding;

import java.util.Locale;

/** How bad a finding is: errors make a submission unacceptable, warnings and infos do not. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
