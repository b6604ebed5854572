package io.xxgk.schema;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The agency's identity (基本信息) as given by the user, a roster or a workbook. Blank means absent. */
public final class Identity {

    private final Map<IdentityField, String> values;

    private Identity(Map<IdentityField, String> values) {
        this.values = values;
    }

    public static Identity empty() {
        return new Identity(new EnumMap<>(IdentityField.class));
    }

    /** A copy with {@code field} set to {@code value} (trimmed); a null or blank value removes it. */
    public Identity with(IdentityField field, String value) {
        EnumMap<IdentityField, String> copy = values.isEmpty()
                ? new EnumMap<>(IdentityField.class) : new EnumMap<>(values);
        if (value == null || value.isBlank()) {
            copy.remove(field);
        } else {
            copy.put(field, value.strip());
        }
        return new Identity(copy);
    }

    public Optional<String> get(IdentityField field) {
        return Optional.ofNullable(values.get(field));
    }

    public Map<IdentityField, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identity other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
