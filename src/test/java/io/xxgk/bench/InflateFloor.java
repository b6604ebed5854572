package io.xxgk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The floor of a merge: only opening each workbook and inflating the parts a merge must read
 * (workbook, its relations, shared strings, the custom properties and every worksheet), with
 * java.util.zip on as many threads as the merge uses. No parsing, no checks, nothing written.
 * Usage: InflateFloor DIR. Prints the files, parts and bytes inflated (so the work cannot be skipped).
 */
public final class InflateFloor {

    private InflateFloor() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xlsx")).sorted().toList();
        }
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long[] totals = new long[2];
        List<Future<long[]>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            jobs.add(pool.submit(() -> {
                long parts = 0;
                long bytes = 0;
                byte[] buf = new byte[1 << 16];
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    try (ZipFile zip = new ZipFile(files.get(i).toFile())) {
                        for (ZipEntry e : Collections.list(zip.entries())) {
                            if (!needed(e.getName())) {
                                continue;
                            }
                            parts++;
                            try (InputStream in = zip.getInputStream(e)) {
                                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                                    bytes += n;
                                }
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return new long[] {parts, bytes};
            }));
        }
        for (Future<long[]> f : jobs) {
            long[] r = f.get();
            totals[0] += r[0];
            totals[1] += r[1];
        }
        pool.shutdown();
        System.err.printf("inflated %d files, %d parts, %d bytes on %d threads%n", files.size(), totals[0], totals[1],
                threads);
    }

    static boolean needed(String name) {
        return name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels")
                || name.equals("xl/sharedStrings.xml") || name.equals("docProps/custom.xml")
                || name.startsWith("xl/worksheets/sheet");
    }
}
