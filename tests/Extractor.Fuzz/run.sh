#!/usr/bin/env bash
# Fuzzes one target with AFL++ and SharpFuzz.
#   tests/Extractor.Fuzz/run.sh TARGET [SECONDS]     TARGET: text, html, docx, doc, pdf, ofd, xlsx, xls, mhtml, word-xml, pipeline, auto, type1 or truetype
# Needs afl-fuzz (Debian: apt-get install afl++). Builds into tests/Extractor.Fuzz/out/TARGET, instruments the library
# and its readers' dependencies, seeds the corpus from samples/ and runs for SECONDS (default 600). Findings land in
# tests/Extractor.Fuzz/out/TARGET/findings; replay one with: dotnet out/TARGET/bin/Extractor.Fuzz.dll TARGET FILE...
set -euo pipefail
target=${1:?target: text, html, docx, doc, pdf, ofd, xlsx, xls, mhtml, word-xml, pipeline, auto, type1 or truetype}
seconds=${2:-600}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out/$target"
rm -rf "$out/bin" "$out/corpus"
mkdir -p "$out/corpus" "$out/findings"
dotnet tool restore --tool-manifest "$root/dotnet-tools.json" > /dev/null
dotnet publish "$here/Extractor.Fuzz.csproj" -c Release -o "$out/bin" -v q
# The font targets' seeds, the samples' embedded programs, extracted before instrumenting (instrumented code runs only
# under AFL).
case "$target" in type1|truetype) dotnet "$out/bin/Extractor.Fuzz.dll" "$target" "$out/corpus" "$root/samples" ;; esac
for dll in Extractor.Parsing.dll AngleSharp.dll UglyToad.PdfPig.dll UglyToad.PdfPig.Core.dll UglyToad.PdfPig.Tokenization.dll \
           UglyToad.PdfPig.Tokens.dll UglyToad.PdfPig.Fonts.dll DocumentFormat.OpenXml.Framework.dll ExcelDataReader.dll; do
  [ -f "$out/bin/$dll" ] && (cd "$root" && dotnet sharpfuzz "$out/bin/$dll" > /dev/null)
done
case "$target" in
  text|pipeline) seeds=$(find "$root/samples" -maxdepth 1 -name '*.txt' -size -4k) ;;
  html) seeds=$(find "$root/samples" -name '*.html' -size -16k) ;;
  docx) seeds=$(find "$root/samples" "$root/tests/Extractor.Tests/Corpus" -name '*.docx' -size -16k) ;;
  pdf) seeds=$(find "$root/tests/Extractor.Tests/Corpus/pdf" -name '*.pdf' -size -16k) ;;
  doc) seeds=$(find "$root/samples" "$root/tests/Extractor.Tests/Corpus" -name '*.doc' -size -24k) ;;
  ofd) seeds=$(find "$root/samples" -name '*.ofd' -size -16k) ;;
  xlsx|xls|mhtml) seeds=$(find "$root/samples/formats" -name "*.$target" -size -16k) ;;
  word-xml) seeds=$(find "$root/samples/formats" -name '*-2003.xml' -size -32k) ;;
  auto) seeds=$(find "$root/samples" -maxdepth 1 -name '*.txt' -size -2k; find "$root/tests/Extractor.Tests/Corpus/pdf" -name 'tiny.pdf') ;;
  type1|truetype) seeds= ;; # extracted above
esac
for s in $seeds; do cp "$s" "$out/corpus/"; done
# A runaway allocation fails fast as out-of-memory (a finding) instead of taking the machine.
case "$target" in type1|truetype) export DOTNET_GCHeapHardLimit=0x40000000 ;; esac
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
# Resume when findings exist ("-i -"), else start from the corpus.
input="$out/corpus"; [ -f "$out/findings/default/fuzzer_stats" ] && input=-
afl-fuzz -i "$input" -o "$out/findings" -t 10000 -m none -V "$seconds" -- dotnet "$out/bin/Extractor.Fuzz.dll" "$target"
