package io.xxgk.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of known layouts, looked up by name (like commons-csv's predefined formats). */
public final class Layouts {

    /** The layout used when none is named. */
    public static final String DEFAULT = Layout2021.ID;

    private static final Map<String, Layout> BY_ID = new LinkedHashMap<>();

    static {
        register(Layout2021.build());
        register(Layout2019.build());
    }

    private Layouts() {
    }

    private static void register(Layout layout) {
        BY_ID.put(layout.id(), layout);
    }

    public static Optional<Layout> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The layout with this id; throws for an unknown id (callers validate user input first). */
    public static Layout get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown layout " + id));
    }

    public static Layout defaultLayout() {
        return get(DEFAULT);
    }

    /** The layout that is the official one for reports of {@code year}, if one is. */
    public static Optional<Layout> officialFor(int year) {
        return BY_ID.values().stream().filter(l -> l.officialFor(year)).findFirst();
    }

    /** Every known layout, in the order registered. */
    public static List<Layout> all() {
        return List.copyOf(BY_ID.values());
    }

    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }
}
