package io.xxgk.merge;

import io.xxgk.check.CheckResult;
import io.xxgk.check.CrossYear;
import io.xxgk.check.PreviousYear;
import io.xxgk.finding.Finding;
import io.xxgk.finding.Rule;
import io.xxgk.i18n.Messages;
import io.xxgk.identity.AgencyKey;
import io.xxgk.identity.Labels;
import io.xxgk.ingest.excel.SavedTime;
import io.xxgk.roster.Roster;
import io.xxgk.roster.RosterEntry;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decides what each input becomes and adds up the merged ones. Deterministic: the outcome does not
 * depend on the order the inputs were given in.
 */
public final class Merger {

    /**
     * How to merge: --include-invalid, --year, --roster (may be null), --expect (may be null), last
     * year's reports (may be null); {@code times}: when each input was saved (asked only of an agency's
     * several submissions); {@code picked}: the files (as shown) the coordinator chose to count.
     */
    public record Options(boolean includeInvalid, String year, Roster roster, String rosterFile,
                          CheckResult expected, PreviousYear lastYear, Function<MergeInput, SavedTime.Times> times,
                          Set<String> picked, List<YearTotals> past) {

        public Options(boolean includeInvalid, String year, Roster roster, String rosterFile, CheckResult expected,
                       PreviousYear lastYear) {
            this(includeInvalid, year, roster, rosterFile, expected, lastYear, in -> new SavedTime.Times(null, null), Set.of(),
                    List.of());
        }
    }

    private Merger() {
    }

    public static MergeResult merge(Layout layout, List<MergeInput> given, Options o) {
        List<MergeInput> inputs = new ArrayList<>(given);
        // Summaries first (they claim the units they contain), then valid, then invalid reports;
        // within each, by file name.
        inputs.sort(Comparator.comparing((MergeInput i) -> !i.isSummary())
                .thenComparing(i -> i.errors() > 0)
                .thenComparing(MergeInput::file));
        List<Finding> findings = new ArrayList<>();
        String year = o.year() != null ? o.year() : majorityYear(inputs);
        Claims claims = new Claims();
        for (MergeInput in : inputs) {
            in.status(decide(layout, in, year, o, claims, findings));
        }
        BigDecimal[] sums = sums(layout, inputs);
        int units = inputs.stream().filter(i -> i.status().merged()).mapToInt(MergeInput::units).sum();
        List<RosterLine> roster = null;
        List<MergeInput> offRoster = List.of();
        if (o.roster() != null) {
            roster = new ArrayList<>();
            offRoster = reconcile(o.roster(), o.rosterFile(), inputs, roster, findings);
        }
        if (o.expected() != null) {
            findings.addAll(compare(layout, sums, o.expected()));
        }
        List<MergeInput> byFile = new ArrayList<>(inputs);
        byFile.sort(Comparator.comparing(MergeInput::file));
        List<CarryLine> carry = null;
        if (o.lastYear() != null) {
            carry = crossYear(layout, byFile, o.lastYear());
            carry.forEach(l -> findings.addAll(l.findings()));
        }
        return new MergeResult(layout, year, byFile, sums, findings, roster, offRoster, units, carry, o.past());
    }

    /** The most common year among readable inputs (ties: the later year). */
    static String majorityYear(List<MergeInput> inputs) {
        Map<String, Integer> counts = new TreeMap<>();
        for (MergeInput in : inputs) {
            if (!in.unreadable() && in.year() != null) {
                counts.merge(in.year(), 1, Integer::sum);
            }
        }
        String best = null;
        int n = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    private static InputStatus decide(Layout layout, MergeInput in, String year, Options o, Claims claims,
                                      List<Finding> findings) {
        if (in.unreadable()) {
            return InputStatus.UNREADABLE;
        }
        if (in.empty()) {
            return InputStatus.EMPTY;
        }
        if (!layout.id().equals(in.layoutId())) {
            findings.add(finding("M-LAYOUT", in.file(), "finding.mLayout", in.layoutId(), layout.id()));
            return InputStatus.OTHER_LAYOUT;
        }
        if (year != null && in.year() != null && !year.equals(in.year())) {
            findings.add(finding("M-YEAR", in.file(), "finding.mYear", in.year(), year));
            return InputStatus.OTHER_YEAR;
        }
        List<Identity> ids = new ArrayList<>(in.contains());
        if (!in.isSummary()) {
            ids.add(in.identity());
        }
        for (Identity id : ids) {
            MergeInput first = claims.find(id);
            if (first == null) {
                continue;
            }
            if (first.isSummary() || in.isSummary()) {
                // A summary and one of its units: the same numbers twice, never a resubmission.
                findings.add(finding("M-DUP", in.file(), "finding.mDup", id.get(IdentityField.NAME).orElse(""),
                        first.file()));
                return InputStatus.DUPLICATE;
            }
            MergeInput counted = oneOfTwo(layout, first, in, o, findings);
            if (counted == first) {
                return InputStatus.DUPLICATE;
            }
            // The later input counts instead of the one that claimed the agency first.
            first.status(InputStatus.DUPLICATE);
            claims.replace(first, in);
            return counted(in, o);
        }
        for (Identity id : ids) {
            claims.add(id, in);
        }
        return counted(in, o);
    }

    /** What an input that counts for its agency becomes: merged, or refused for its errors. */
    private static InputStatus counted(MergeInput in, Options o) {
        if (in.errors() > 0 && !o.includeInvalid()) {
            // An annotated copy sent back as it was: the agency did not fix it (said so, not 有错误 alone).
            return in.returnedUnchanged() ? InputStatus.RETURNED_UNCHANGED : InputStatus.REJECTED;
        }
        return in.errors() > 0 ? InputStatus.MERGED_INVALID : InputStatus.MERGED;
    }

    /** Cells listed where two submissions of one agency differ; the rest are counted. */
    static final int DIFFERENCES_SHOWN = 10;

    /**
     * Which of two submissions of one agency counts, never by the order of their names: an identical
     * copy counts once (M-SAME, info); the one the coordinator picked; else the newer by the time the
     * file says it was saved, then by the file's own time (M-NEWER, a warning naming the cells that
     * differ). When nothing tells them apart, the first stays and M-DUP (an error) says so.
     */
    private static MergeInput oneOfTwo(Layout layout, MergeInput first, MergeInput in, Options o, List<Finding> findings) {
        String agency = first.name();
        if (differences(layout, first, in).isEmpty() && first.errors() == in.errors()) {
            in.supersededBy(first);
            findings.add(Finding.of(Rule.M_SAME, in.file(), null, null, null, null, "finding.mSame",
                    List.of(agency, first.file())));
            return first;
        }
        boolean pickFirst = o.picked().contains(first.file());
        boolean pickIn = o.picked().contains(in.file());
        int newer = pickFirst != pickIn ? (pickIn ? 1 : -1) : compareTimes(o.times().apply(in), o.times().apply(first));
        if (newer == 0) {
            findings.add(finding("M-DUP", in.file(), "finding.mDup", agency, first.file()));
            return first;
        }
        MergeInput winner = newer > 0 ? in : first;
        MergeInput loser = newer > 0 ? first : in;
        loser.supersededBy(winner);
        List<String> differences = differences(layout, loser, winner);
        String why = pickFirst != pickIn ? Messages.get("finding.mNewer.picked")
                : Messages.get("finding.mNewer.newer", shown(o.times().apply(winner)), shown(o.times().apply(loser)));
        String cells = String.join("；", differences.subList(0, Math.min(DIFFERENCES_SHOWN, differences.size())))
                + (differences.size() > DIFFERENCES_SHOWN ? Messages.get("finding.mNewer.more", differences.size()) : "");
        findings.add(Finding.of(Rule.M_NEWER, loser.file(), null, null, null, null, "finding.mNewer",
                List.of(agency, winner.file(), why, differences.size(), cells)));
        return winner;
    }

    /** Each cell whose value differs, as "label a → b" ({@code a}'s value first; blank as —). */
    private static List<String> differences(Layout layout, MergeInput a, MergeInput b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < layout.cells().size(); i++) {
            BigDecimal x = a.value(layout, i);
            BigDecimal y = b.value(layout, i);
            boolean same = x == null ? y == null : y != null && x.compareTo(y) == 0;
            if (!same) {
                out.add(layout.cells().get(i).displayLabel() + " " + plain(x) + " → " + plain(y));
            }
        }
        return out;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    /** Positive when {@code a} is newer: by the time the files say they were saved, else by the files' own times. */
    static int compareTimes(SavedTime.Times a, SavedTime.Times b) {
        if (a.saved() != null && b.saved() != null && !a.saved().equals(b.saved())) {
            return a.saved().compareTo(b.saved());
        }
        if (a.file() != null && b.file() != null) {
            // To the millisecond: the web page knows a file's time no finer (File.lastModified).
            return Long.compare(a.file().toEpochMilli(), b.file().toEpochMilli());
        }
        return 0;
    }

    /** A submission's time as the message says it: the saved time where the file has one, else the file's. */
    private static String shown(SavedTime.Times t) {
        Instant when = t.saved() != null ? t.saved() : t.file();
        String at = when == null ? "?" : SHOWN.format(when);
        return t.saved() != null ? Messages.get("finding.mNewer.saved", at) : Messages.get("finding.mNewer.fileTime", at);
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private static BigDecimal[] sums(Layout layout, List<MergeInput> inputs) {
        BigDecimal[] sums = new BigDecimal[layout.cells().size()];
        Arrays.fill(sums, BigDecimal.ZERO);
        for (MergeInput in : inputs) {
            if (!in.status().merged()) {
                continue;
            }
            for (int i = 0; i < sums.length; i++) {
                BigDecimal v = in.value(layout, i);
                if (v != null) {
                    sums[i] = sums[i].add(v);
                }
            }
        }
        return sums;
    }

    private static List<MergeInput> reconcile(Roster roster, String rosterFile, List<MergeInput> inputs,
                                              List<RosterLine> lines, List<Finding> findings) {
        Map<String, List<MergeInput>> byKey = new HashMap<>();
        for (MergeInput in : inputs) {
            if (in.unreadable()) {
                continue;
            }
            for (String k : AgencyKey.all(in.identity())) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(in);
            }
        }
        Set<MergeInput> onRoster = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RosterEntry e : roster.entries()) {
            List<MergeInput> matches = matches(e.identity(), byKey);
            onRoster.addAll(matches);
            RosterLine.Status status;
            if (matches.isEmpty()) {
                status = RosterLine.Status.MISSING;
                findings.add(Finding.of(Rule.M_MISSING, rosterFile, null, null, null, null,
                        "finding.mMissing", List.of(e.row(), e.identity().get(IdentityField.NAME).orElse(""))));
            } else if (matches.stream().allMatch(MergeInput::empty)) {
                status = RosterLine.Status.EMPTY;
            } else if (matches.stream().filter(m -> !m.empty() && m.supersededBy() == null).count() > 1) {
                // Several submissions and no rule decided which counts (M-DUP).
                status = RosterLine.Status.DUPLICATE;
            } else if (matches.stream().filter(m -> !m.empty() && m.supersededBy() == null)
                    .allMatch(m -> m.status().merged() && m.errors() == 0)) {
                status = RosterLine.Status.SUBMITTED;
            } else if (matches.stream().filter(m -> !m.empty() && m.supersededBy() == null)
                    .anyMatch(m -> m.status() == InputStatus.RETURNED_UNCHANGED)) {
                status = RosterLine.Status.RETURNED_UNCHANGED;
            } else {
                status = RosterLine.Status.ERRORS;
            }
            lines.add(new RosterLine(e, status, matches));
        }
        List<MergeInput> off = new ArrayList<>();
        for (MergeInput in : inputs) {
            if (!in.unreadable() && !in.isSummary() && !onRoster.contains(in)) {
                off.add(in);
            }
        }
        off.sort(Comparator.comparing(MergeInput::file));
        return off;
    }

    /** Inputs for a roster agency: by credit code when both have one, else by name. */
    private static List<MergeInput> matches(Identity rosterId, Map<String, List<MergeInput>> byKey) {
        List<MergeInput> out = new ArrayList<>();
        String code = rosterId.get(IdentityField.CREDIT_CODE).map(c -> "code:" + c.toUpperCase(Locale.ROOT)).orElse(null);
        String name = "name:" + Labels.normalize(rosterId.get(IdentityField.NAME).orElse(""));
        if (code != null) {
            out.addAll(byKey.getOrDefault(code, List.of()));
        }
        for (MergeInput in : byKey.getOrDefault(name, List.of())) {
            boolean codesDiffer = code != null && in.identity().get(IdentityField.CREDIT_CODE).isPresent();
            if (!codesDiffer && !out.contains(in)) {
                out.add(in);
            }
        }
        out.sort(Comparator.comparing(MergeInput::file));
        return out;
    }

    /** Y-CARRY and Y-STOCK for every merged report against its own report of last year. */
    private static List<CarryLine> crossYear(Layout layout, List<MergeInput> inputs, PreviousYear last) {
        List<CarryLine> out = new ArrayList<>();
        for (MergeInput in : inputs) {
            if (!in.status().merged() || in.isSummary()) {
                continue;
            }
            CheckResult now = in.asCheckResult(layout);
            CheckResult lastYear = last.find(in.identity());
            List<Finding> f = lastYear == null ? List.of(CrossYear.none(now))
                    : CrossYear.compare(layout, now, lastYear);
            out.add(new CarryLine(in, lastYear, f));
        }
        return out;
    }

    /** M-SUM: every cell where the computed sum differs from a given summary. */
    private static List<Finding> compare(Layout layout, BigDecimal[] sums, CheckResult expected) {
        List<Finding> out = new ArrayList<>();
        if (expected.unreadable()) {
            out.addAll(expected.findings());
            return out;
        }
        for (int i = 0; i < sums.length; i++) {
            String key = layout.cells().get(i).key();
            BigDecimal stated = expected.values().get(key);
            BigDecimal given = stated == null ? BigDecimal.ZERO : stated;
            if (given.compareTo(sums[i]) != 0) {
                String cell = expected.location(key);
                out.add(Finding.of(Rule.M_SUM, expected.file(), cell, key, sums[i], given,
                        "finding.mSum", List.of(layout.cells().get(i).displayLabel(), sums[i].toPlainString(),
                        given.toPlainString(), given.subtract(sums[i]).toPlainString())));
            }
        }
        return out;
    }

    private static Finding finding(String rule, String file, String key, Object... args) {
        return Finding.of(Rule.byId(rule), file, null, null, null, null, key, List.of(args));
    }

    /** Which input claimed an agency: by credit code when both sides have one, else by name. */
    private static final class Claims {
        private final Map<String, MergeInput> byCode = new HashMap<>();
        private final Map<String, MergeInput> byName = new HashMap<>();
        private final Map<String, MergeInput> byNameWithoutCode = new HashMap<>();

        MergeInput find(Identity id) {
            String name = Labels.normalize(id.get(IdentityField.NAME).orElse(""));
            String code = id.get(IdentityField.CREDIT_CODE).map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
            if (code != null) {
                MergeInput m = byCode.get(code);
                return m != null ? m : byNameWithoutCode.get(name);
            }
            return byName.get(name);
        }

        /** {@code later} claims what {@code earlier} claimed. */
        void replace(MergeInput earlier, MergeInput later) {
            for (Map<String, MergeInput> m : List.of(byCode, byName, byNameWithoutCode)) {
                m.replaceAll((k, v) -> v == earlier ? later : v);
            }
        }

        void add(Identity id, MergeInput in) {
            String name = Labels.normalize(id.get(IdentityField.NAME).orElse(""));
            byName.putIfAbsent(name, in);
            id.get(IdentityField.CREDIT_CODE).ifPresentOrElse(
                    c -> byCode.putIfAbsent(c.toUpperCase(Locale.ROOT), in),
                    () -> byNameWithoutCode.putIfAbsent(name, in));
        }
    }
}
