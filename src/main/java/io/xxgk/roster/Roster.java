package io.xxgk.roster;

import java.util.List;

/** The agencies of a roster that can be used, and the rows that cannot (each with its reason). */
public record Roster(List<RosterEntry> entries, List<RosterProblem> problems) {

    public Roster {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
