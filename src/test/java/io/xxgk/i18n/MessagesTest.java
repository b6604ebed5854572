package io.xxgk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The bundles keep the same keys, so no message is missing in one language. */
class MessagesTest {

    private static Set<String> keys(Locale locale) {
        return new TreeSet<>(Collections.list(Messages.bundle(locale).keySet().isEmpty()
                ? Collections.emptyEnumeration() : Collections.enumeration(Messages.bundle(locale).keySet())));
    }

    @Test
    void bundlesHaveTheSameKeys() {
        Set<String> base = new TreeSet<>(ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).keySet());
        assertThat(keys(Messages.CHINESE)).isEqualTo(base);
        assertThat(keys(Locale.ENGLISH)).isEqualTo(base);
    }

    @Test
    void englishIsChosenExplicitlyEvenOnAChineseMachine() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Messages.use(Locale.ENGLISH);
            assertThat(Messages.get("error.exists", "a.xlsx")).startsWith("File already exists: a.xlsx");
            Messages.use(Messages.CHINESE);
            assertThat(Messages.get("error.exists", "a.xlsx")).startsWith("文件已存在：a.xlsx");
            assertThat(Messages.get("roster.written", 12345, "d")).contains("12345");
        } finally {
            Locale.setDefault(saved);
            Messages.use(Messages.CHINESE);
        }
    }
}
