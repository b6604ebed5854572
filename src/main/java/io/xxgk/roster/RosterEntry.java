package io.xxgk.roster;

import io.xxgk.schema.Identity;

/**
 * One agency of a roster, with the row number (1-based, as a spreadsheet shows it) it came from, and the
 * file the coordinator chose to count for it when it sent several ({@code pick}, the 采用文件 column; null: none).
 */
public record RosterEntry(int row, Identity identity, String pick) {

    public RosterEntry(int row, Identity identity) {
        this(row, identity, null);
    }
}
