package io.xxgk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The bundles keep the same keys, so no message is missing in one language. */
class MessagesTest {

    /** The keys a bundle file itself defines (not those inherited from its parent bundle). */
    private static Set<String> keys(String suffix) throws Exception {
        java.util.Properties p = new java.util.Properties();
        String name = "/" + Messages.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (var in = MessagesTest.class.getResourceAsStream(name);
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void bundlesHaveTheSameKeys() throws Exception {
        Set<String> base = keys("");
        assertThat(keys("_zh")).isEqualTo(base);
        assertThat(keys("_en")).isEqualTo(base);
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
