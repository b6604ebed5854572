package io.xxgk.roster;

import io.xxgk.i18n.Messages;
import java.util.List;

/** A roster row that cannot be used, with the reason as a message key and its arguments. */
public record RosterProblem(int row, String messageKey, List<Object> args) {

    public RosterProblem {
        args = List.copyOf(args);
    }

    public String message() {
        return Messages.get(messageKey, args.toArray());
    }
}
