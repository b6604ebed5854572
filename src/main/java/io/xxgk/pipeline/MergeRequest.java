package io.xxgk.pipeline;

import io.xxgk.schema.Layout;
import java.nio.file.Path;
import java.util.List;

/**
 * A merge: the inputs; the summary to write (null: none, the outcome only); the roster, a summary
 * made elsewhere to compare with ({@code expect}) and last year's reports, each or null; whether
 * reports with errors are added up all the same; the summary's agency, region code and year (null:
 * from the roster and the inputs); the layout the user named (null: the one most inputs have); and
 * whether an earlier summary of ours may be replaced; the files to count where an agency sent several
 * ({@code picks}, none: the newer counts); the folder for the annotated copies to send back, with
 * their 退回清单 ({@code annotate}, or null); whether every blank cell is listed on its own in 问题清单
 * ({@code strictBlank}; else one line per file); the reports of the years before last year, each a
 * file or folder, for the analysis's trend ({@code earlier}, none: no trend beyond last year); whether the
 * analysis (分析, 各单位指标, the JSON's {@code analysis}) is made ({@code analysis}).
 */
public record MergeRequest(Inputs inputs, Path output, Path roster, Path expect, Path previous,
                           boolean includeInvalid, String agency, String regionCode, String year,
                           Layout layout, boolean force, List<Path> picks, Path annotate, boolean strictBlank,
                           List<Path> earlier, boolean analysis) {

    public MergeRequest {
        picks = picks == null ? List.of() : List.copyOf(picks);
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
    }

    /** A merge without the years before last year. */
    public MergeRequest(Inputs inputs, Path output, Path roster, Path expect, Path previous, boolean includeInvalid,
                        String agency, String regionCode, String year, Layout layout, boolean force, List<Path> picks,
                        Path annotate, boolean strictBlank) {
        this(inputs, output, roster, expect, previous, includeInvalid, agency, regionCode, year, layout, force, picks,
                annotate, strictBlank, List.of(), true);
    }
}
