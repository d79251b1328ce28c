#!/usr/bin/env bash
# Makes the output samples in docs/outputs, and the README's screenshot docs/review-page.png, from samples/.
#
# Needs the .NET 10 SDK and, for the screenshot, Debian's chromium, fonts-noto-cjk and pngquant. Run from anywhere:
#   tools/make-output-samples.sh
# The notices are those of samples/ (every text sample, and a PDF, a table-form page and a mirror's page from
# samples/formats), staged under notices/ so that the pages name them as a user's batch would; the tags come from
# tools/sample-tags.rules.json. OutputSampleTests checks that the committed pages and tables are what the tool
# writes now: after a change to the parser or the pages, run this again and read the differences.
#
#   docs/outputs/review/        review pages (-f html), a page per notice and index.html
#   docs/outputs/seed-000.zh.html  a review page for a Chinese reader (LANG=zh_CN.UTF-8)
#   docs/outputs/items.zh.csv   the items with Chinese headers (--headers zh)
#   docs/outputs/tables/        the tables as Parquet (-f parquet); the DuckDB database (-o notices.duckdb) holds the
#                               same tables and is not committed (a few MB of binary): make it with the same command.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Cli -c Release -v quiet -nologo >/dev/null
extractor=(dotnet "$root/src/Cli/bin/Release/net10.0/extractor.dll")

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/notices"
cp samples/*.txt "$stage/notices/"
cp samples/formats/seed-002-libreoffice-print.pdf samples/formats/table-form.html samples/formats/seed-000-cms-br.html "$stage/notices/"
rules="$root/tools/sample-tags.rules.json"

out="$root/docs/outputs"
rm -rf "$out"
mkdir -p "$out"
(
  cd "$stage"
  LC_ALL=C.UTF-8 "${extractor[@]}" parse notices --rules "$rules" -f html -o review -q
  LC_ALL=zh_CN.UTF-8 "${extractor[@]}" parse notices/seed-000.txt --rules "$rules" -o seed-000.zh.html
  LC_ALL=C.UTF-8 "${extractor[@]}" parse notices --rules "$rules" --headers zh -o items.zh.csv -q
  LC_ALL=C.UTF-8 "${extractor[@]}" parse notices --rules "$rules" -f parquet -o tables -q
)
cp -r "$stage/review" "$stage/tables" "$stage/seed-000.zh.html" "$stage/items.zh.csv" "$out/"
rm -f "$out/items.zh.csv.errors.csv"

# The README's screenshot: a notice's page as a reader's browser shows it, its colours reduced to keep it small.
profile="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
  --disable-sync --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1 --window-size=1200,760 \
  --screenshot="$stage/review-page.png" "file://$out/review/narrative-stats.txt.html" 2>/dev/null
rm -rf "$profile"
pngquant --quality=70-90 --speed 1 --force -o "$root/docs/review-page.png" "$stage/review-page.png"
ls -la "$out" "$root/docs/review-page.png"
