package io.xxgk.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Page numbers a PDF prints as a bare number alone on the first or last line of its pages ("3"):
 * taken out when they count the pages (the same difference from the page's place on at least two
 * pages), so they do not become one value too many for the row above. A lone number that does not
 * count the pages stays; a row given one value too many is a READ finding, never a wrong value.
 */
final class PageNumbers {

    private static final Pattern BARE = Pattern.compile("\\d{1,4}");

    private PageNumbers() {
    }

    /** The pages' lines without the page numbers, in order. */
    static List<String> strip(List<String> pages) {
        List<List<String>> lines = new ArrayList<>();
        for (String page : pages) {
            lines.add(new ArrayList<>(Tokenizer.lines(page)));
        }
        // Bottoms first: removing a bottom line never changes which line is a page's top, and the
        // reverse holds unless the page has one line only, which then is not a table row either way.
        dropIfCounting(lines, false);
        dropIfCounting(lines, true);
        List<String> out = new ArrayList<>();
        lines.forEach(out::addAll);
        return out;
    }

    private static void dropIfCounting(List<List<String>> pages, boolean top) {
        int[] at = new int[pages.size()];
        Integer offset = null;
        int found = 0;
        for (int p = 0; p < pages.size(); p++) {
            at[p] = edge(pages.get(p), top);
            if (at[p] < 0) {
                continue;
            }
            int difference = Integer.parseInt(pages.get(p).get(at[p]).strip()) - p;
            if (offset != null && offset != difference) {
                return; // numbers that do not count the pages: not page numbers
            }
            offset = difference;
            found++;
        }
        if (found < 2) {
            return;
        }
        for (int p = 0; p < pages.size(); p++) {
            if (at[p] >= 0) {
                pages.get(p).remove(at[p]);
            }
        }
    }

    /** The index of the page's first (or last) non-blank line when it is a bare number, else -1. */
    private static int edge(List<String> page, boolean top) {
        for (int k = 0; k < page.size(); k++) {
            int i = top ? k : page.size() - 1 - k;
            String s = page.get(i).strip();
            if (!s.isEmpty()) {
                return BARE.matcher(s).matches() ? i : -1;
            }
        }
        return -1;
    }
}
