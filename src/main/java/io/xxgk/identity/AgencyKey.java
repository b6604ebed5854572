package io.xxgk.identity;

import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Who an agency is, for duplicates and the roster: its credit code, else its normalised name. */
public final class AgencyKey {

    private AgencyKey() {
    }

    public static String of(Identity id) {
        return id.get(IdentityField.CREDIT_CODE).map(c -> "code:" + c.strip().toUpperCase(Locale.ROOT))
                .orElseGet(() -> "name:" + Labels.normalize(id.get(IdentityField.NAME).orElse("")));
    }

    /** Both keys an identity can be known by (credit code and name), to match either way. */
    public static List<String> all(Identity id) {
        List<String> keys = new ArrayList<>();
        id.get(IdentityField.CREDIT_CODE).ifPresent(c -> keys.add("code:" + c.strip().toUpperCase(Locale.ROOT)));
        id.get(IdentityField.NAME).ifPresent(n -> keys.add("name:" + Labels.normalize(n)));
        return keys;
    }
}
