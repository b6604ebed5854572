package io.xxgk.pipeline;

import io.xxgk.i18n.Messages;
import io.xxgk.ingest.UnreadableException;
import io.xxgk.ingest.format.Formats;
import io.xxgk.ingest.format.InputFormat;
import io.xxgk.ingest.text.CsvReports;
import io.xxgk.util.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Datasets of published reports (a crawler's CSV, one record per report): each record becomes an
 * input of its own, shown as "数据.csv 第 3 条（标题）", so check, merge and import count, read and name
 * every report, not the file.
 */
final class Datasets {

    private Datasets() {
    }

    /** The files, each dataset of more than one report replaced by its reports. */
    static List<Path> expand(List<Path> files, Function<Path, String> names) {
        List<Path> out = new ArrayList<>(files.size());
        for (Path f : files) {
            List<Path> records = records(f, names);
            if (records == null) {
                out.add(f);
            } else {
                out.addAll(records);
            }
        }
        return out;
    }

    /** A dataset's reports as files of the run, or null for any other file (read as it is). */
    private static List<Path> records(Path file, Function<Path, String> names) {
        // Only a plain file named .csv is looked into (a pipe given as an input must never be opened here).
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) || !Files.isRegularFile(file)) {
            return null;
        }
        InputFormat format = Formats.of(file);
        if (format == null || !format.id().equals("csv") && !format.id().equals("jsonl")) {
            return null;
        }
        List<CsvReports.Record> records;
        try {
            records = CsvReports.records(file);
        } catch (UnreadableException e) {
            return null;
        }
        if (records.size() < 2) {
            return null;
        }
        String shown = names.apply(file);
        List<Path> out = new ArrayList<>();
        for (CsvReports.Record r : records) {
            String name = Messages.get("input.record", shown, r.number(), r.title() == null ? "" : r.title());
            Path f = RunFiles.derived(name, r.text());
            if (f == null) {
                return null;
            }
            out.add(f);
        }
        return out;
    }
}
