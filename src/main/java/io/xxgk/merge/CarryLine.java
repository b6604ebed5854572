package io.xxgk.merge;

import io.xxgk.check.CheckResult;
import io.xxgk.finding.Finding;
import java.util.List;

/** One merged input's cross-year comparison: last year's report (or null) and what it found. */
public record CarryLine(MergeInput input, CheckResult lastYear, List<Finding> findings) {

    public CarryLine {
        findings = List.copyOf(findings);
    }
}
