package io.xxgk.roster;

import java.util.List;

/**
 * The agencies of a roster that can be used, the rows that cannot (each with its reason), and the
 * usable rows to look at again (a place name or region code the list of divisions doubts).
 */
public record Roster(List<RosterEntry> entries, List<RosterProblem> problems, List<RosterProblem> doubts) {

    public Roster {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        doubts = List.copyOf(doubts);
    }

    public Roster(List<RosterEntry> entries, List<RosterProblem> problems) {
        this(entries, problems, List.of());
    }
}
