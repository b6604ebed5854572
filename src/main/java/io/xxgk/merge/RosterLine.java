package io.xxgk.merge;

import io.xxgk.roster.RosterEntry;
import java.util.List;

/** One roster agency and what was submitted for it. */
public record RosterLine(RosterEntry entry, Status status, List<MergeInput> matches) {

    public RosterLine {
        matches = List.copyOf(matches);
    }

    /** 报送情况 of a roster agency. */
    public enum Status {
        SUBMITTED("submitted", "已报送"),
        MISSING("missing", "未报送"),
        DUPLICATE("duplicate", "重复"),
        ERRORS("errors", "有错误"),
        /** The annotated copy came back as it was sent: still with its errors. */
        RETURNED_UNCHANGED("returned_unchanged", "退回后未改正"),
        /** Only a blank template came back. */
        EMPTY("empty", "空表");

        private final String id;
        private final String label;

        Status(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }
}
