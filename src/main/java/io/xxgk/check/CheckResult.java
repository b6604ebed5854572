package io.xxgk.check;

import io.xxgk.finding.Finding;
import io.xxgk.finding.Severity;
import io.xxgk.schema.Identity;
import io.xxgk.schema.Layout;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking one input: the numbers it states by key (null = empty or unusable), its
 * identity, and its findings in a deterministic order. {@code layout} is null when unreadable.
 */
public record CheckResult(String file, Layout layout, Identity identity, Map<String, BigDecimal> values,
                          List<Finding> findings, boolean unreadable) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
