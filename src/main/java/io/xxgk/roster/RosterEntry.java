package io.xxgk.roster;

import io.xxgk.schema.Identity;

/** One agency of a roster, with the row number (1-based, as a spreadsheet shows it) it came from. */
public record RosterEntry(int row, Identity identity) {
}
