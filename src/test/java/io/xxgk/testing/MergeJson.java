package io.xxgk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** What tests read from a merge's JSON. */
public final class MergeJson {

    private MergeJson() {
    }

    /** The status of the input shown as {@code file}. */
    public static String status(JsonNode merge, Path file) {
        for (JsonNode in : merge.get("inputs")) {
            if (in.get("file").asText().equals(file.toString())) {
                return in.get("status").asText();
            }
        }
        throw new AssertionError("no input " + file);
    }
}
