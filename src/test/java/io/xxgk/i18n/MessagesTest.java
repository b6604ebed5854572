package io.xxgk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bundles keep their keys in step, and every message formats with no placeholder left. */
class MessagesTest {

    @AfterEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @Test
    void theBundlesHaveTheSameKeys() {
        Set<String> zh = new TreeSet<>(Messages.bundle(Messages.CHINESE).keySet());
        Set<String> en = new TreeSet<>(Messages.bundle(Locale.ENGLISH).keySet());
        assertThat(en).isEqualTo(zh);
    }

    /** Regression: "last year's {2} ({3})" printed its placeholders raw (the apostrophe began a quote). */
    @Test
    void everyMessageOfBothLanguagesFormatsWithNoPlaceholderLeft() {
        Object[] args = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
        Object[] counts = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        for (Locale l : new Locale[] {Messages.CHINESE, Locale.ENGLISH}) {
            Messages.use(l);
            ResourceBundle b = Messages.bundle(l);
            for (String key : b.keySet()) {
                if (b.getString(key).contains("${")) {
                    continue; // a help text with picocli's ${sys:…} variables: picocli renders it, not MessageFormat
                }
                // A message choosing its words by a count ({0,choice,1#file|1<files}) is given counts.
                String shown = Messages.get(key, b.getString(key).contains(",choice,") ? counts : args);
                assertThat(shown).as("%s %s", l, key).doesNotContainPattern("\\{\\d+\\}");
                if (b.getString(key).contains("'") && b.getString(key).contains("{")) {
                    assertThat(shown).as("%s %s keeps its apostrophe", l, key).contains("'");
                }
            }
        }
        Messages.use(Locale.ENGLISH);
        assertThat(Messages.get("finding.yCarry", "自然人", 4, "a.xlsx", "统计表!I47", 3, 1))
                .contains("last year's a.xlsx (统计表!I47) is 3");
    }
}
