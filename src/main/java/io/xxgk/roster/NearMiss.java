package io.xxgk.roster;

import io.xxgk.identity.Labels;
import java.util.List;
import java.util.Optional;

/**
 * The roster line a submission not on the roster probably means: an agency name written shorter or
 * longer (长乐区财政局 for 福州市长乐区财政局) or with a character or two different. Only a
 * suggestion, said beside the submission; nothing is matched by it.
 */
public final class NearMiss {

    /** Names this alike (characters in order over the longer name) are suggested. */
    static final double ALIKE = 0.75;

    private NearMiss() {
    }

    /** The one candidate closest to {@code name} when it is close enough and no other is as close. */
    public static Optional<String> best(String name, List<String> candidates) {
        String n = Labels.normalize(name);
        if (n.length() < 3) {
            return Optional.empty();
        }
        String best = null;
        double bestScore = 0;
        boolean tie = false;
        for (String c : candidates) {
            String m = Labels.normalize(c);
            double score = m.endsWith(n) || n.endsWith(m) ? 1 : Labels.similarity(n, m);
            if (score > bestScore) {
                best = c;
                bestScore = score;
                tie = false;
            } else if (score == bestScore) {
                tie = true;
            }
        }
        return bestScore >= ALIKE && !tie ? Optional.of(best) : Optional.empty();
    }
}
