package io.xxgk.ingest;

import io.xxgk.identity.Labels;
import io.xxgk.schema.Identity;
import io.xxgk.schema.IdentityField;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the identity in grids without our defined names: a label such as 单位名称 with its value to
 * the right, and else a title such as "XX单位2023年政府信息公开工作年度报告".
 */
public final class IdentityLocator {

    static final Pattern TITLE = Pattern.compile("^(.{2,60}?)\\s*(\\d{4})\\s*年(?:度)?\\s*政府信息公开工作年度报告");

    private IdentityLocator() {
    }

    /** Fills fields missing from {@code identity}; {@code cells} receives where each was found. */
    public static Identity locate(List<Grid> grids, Identity identity, Map<String, RawCell> cells) {
        Identity id = identity;
        for (IdentityField f : IdentityField.values()) {
            if (id.get(f).isPresent()) {
                continue;
            }
            RawCell value = byLabel(grids, f);
            if (value != null) {
                id = id.with(f, text(value));
                cells.put(f.id(), value);
            }
        }
        if (id.get(IdentityField.NAME).isEmpty() || id.get(IdentityField.YEAR).isEmpty()) {
            id = fromTitle(grids, id, cells);
        }
        return id;
    }

    private static RawCell byLabel(List<Grid> grids, IdentityField f) {
        for (Grid g : grids) {
            for (int[] rc : g.textCells()) {
                String t = Labels.normalize(g.at(rc[0], rc[1]).text()).replace("(必填)", "").replaceAll("[:：]$", "");
                if (!t.equals(Labels.normalize(f.label()))) {
                    continue;
                }
                // The value is the cell right beside the label; a blank one is no value (what stands
                // further right is a hint such as our template's 填写要求, not the answer).
                Grid.Merge own = g.regionOf(rc[0], rc[1]);
                RawCell beside = g.at(rc[0], own.lastCol() + 1);
                if (beside != null && beside.kind() != RawCell.Kind.BLANK) {
                    return beside;
                }
            }
        }
        return null;
    }

    private static Identity fromTitle(List<Grid> grids, Identity id, Map<String, RawCell> cells) {
        for (Grid g : grids) {
            for (int[] rc : g.textCells()) {
                RawCell cell = g.at(rc[0], rc[1]);
                Matcher m = TITLE.matcher(cell.text().strip());
                if (m.find()) {
                    Identity out = id;
                    if (out.get(IdentityField.NAME).isEmpty()) {
                        out = out.with(IdentityField.NAME, m.group(1).strip());
                        cells.put(IdentityField.NAME.id(), cell);
                    }
                    if (out.get(IdentityField.YEAR).isEmpty()) {
                        out = out.with(IdentityField.YEAR, m.group(2));
                        cells.put(IdentityField.YEAR.id(), cell);
                    }
                    return out;
                }
            }
        }
        return id;
    }

    static String text(RawCell raw) {
        return switch (raw.kind()) {
            case NUMBER -> raw.number().toPlainString();
            case TEXT -> raw.text();
            default -> null;
        };
    }
}
