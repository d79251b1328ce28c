#!/usr/bin/env bash
# Makes the scanned samples in samples/formats from the seeds' text PDFs, as a scanner or a phone would have them.
#
# Needs (Debian): poppler-utils (pdftoppm, pdfseparate, pdfunite, pdftotext), img2pdf, imagemagick, chromium,
# fonts-noto-cjk. Run from the repository root, after tools/make-format-samples.py made the text PDFs:
#   bash tools/make-scan-samples.sh
# Only the outputs are committed; this script records how they were made. Each sample then gets its
# NAME.expected.json from the CLI (extractor parse … --ocr auto), checked by reading against the seed's TXT.
#
#   seed-NNN-scan-150.pdf     LibreOffice's PDF printed to 150-dpi greyscale JPEG pages (quality 50; seed 000's 34 pages
#                             at quality 33 with optimised tables, to stay under the 4 MiB a sample may take), wrapped
#                             by img2pdf: each page is one embedded JPEG, which the reader hands to Tesseract as it is
#   seed-NNN-scan-300.pdf     the same at 300 dpi, black and white (CCITT G4, as office scanners write): rendered
#                             back to an image with pdftoppm before OCR
#   seed-002-scan-skewed.pdf  200 dpi greyscale, every page turned by 0.6°–1.2° and speckled with noise
#   seed-002-scan-seal.pdf    200 dpi colour, a red seal stamped over the signature on the last page
#   seed-002-mixed.pdf        the text PDF's first four pages, then the rest as scanned pages (pdfunite)
#   halfwidth-chromium.png    a screenshot of samples/halfwidth.txt laid out as a page by Chromium (at a device scale
#                             factor of 2, as a phone or a high-density screen takes it)
#   seed-002-scan.tif         a multi-page TIFF (G4, 200 dpi) of the whole notice, as a fax or a scanner's TIFF mode
set -euo pipefail
cd "$(dirname "$0")/.."
out=samples/formats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# greyscale JPEG pages at DPI with pdftoppm's JPEG OPTIONS, wrapped one image a page
jpeg_scan() { # PDF DPI OUT OPTIONS
  local dir="$tmp/jpeg-$2-$(basename "$1" .pdf)"; mkdir -p "$dir"
  pdftoppm -r "$2" -gray -jpeg -jpegopt "$4" "$1" "$dir/p"
  img2pdf --producer="" --creationdate="2023-01-01" --moddate="2023-01-01" -o "$3" "$dir"/p-*.jpg
}

# black-and-white G4 TIFF pages at DPI, thresholded as a scanner's black-and-white mode does (not dithered)
bilevel_pages() { # PDF DPI DIR
  mkdir -p "$3"
  pdftoppm -r "$2" -gray "$1" "$3/p"
  for pgm in "$3"/p-*.pgm; do
    convert "$pgm" -threshold 55% -type bilevel -density "$2" -units PixelsPerInch -compress Group4 "${pgm%.pgm}.tif"; rm "$pgm"
  done
}

for seed in seed-000 seed-002; do
  text="$out/$seed-libreoffice-print.pdf"
  jpeg=quality=50; [ "$seed" = seed-000 ] && jpeg=quality=33,optimize=y
  jpeg_scan "$text" 150 "$out/$seed-scan-150.pdf" "$jpeg"
  bilevel_pages "$text" 300 "$tmp/g4-$seed"
  img2pdf --producer="" --creationdate="2023-01-01" --moddate="2023-01-01" -o "$out/$seed-scan-300.pdf" "$tmp/g4-$seed"/p-*.tif
done

# Skew and noise: each page turned a little (alternating direction, as pages feed), noise added, then greyscale JPEG.
text=$out/seed-002-libreoffice-print.pdf
mkdir -p "$tmp/skew"
pdftoppm -r 200 -gray -png "$text" "$tmp/skew/p"
i=0
for page in "$tmp/skew"/p-*.png; do
  angle=$(awk -v i="$i" 'BEGIN { a = 0.6 + 0.15 * (i % 5); if (i % 2) a = -a; print a }')
  convert "$page" -background white -rotate "$angle" -seed "$((i + 7))" -attenuate 0.3 +noise Gaussian \
    -colorspace Gray -density 200 -units PixelsPerInch -quality 55 "${page%.png}.jpg"
  i=$((i + 1))
done
img2pdf --producer="" --creationdate="2023-01-01" --moddate="2023-01-01" -o "$out/seed-002-scan-skewed.pdf" "$tmp/skew"/p-*.jpg

# A red seal over the signature: a ring, a star and the issuer's name bent along the top, stamped in multiply mode
# at the signature's place on the last page (found with pdftotext -bbox), slightly transparent as ink is.
font=/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc
mkdir -p "$tmp/seal"
pdftoppm -r 200 -png "$text" "$tmp/seal/p"
last=$(ls "$tmp/seal"/p-*.png | tail -n 1)
pages=$(pdfinfo "$text" | awk '/^Pages:/ { print $2 }')
# the issuer line of the signature: its box in points, turned into pixels at 200 dpi
read -r x y < <(pdftotext -f "$pages" -l "$pages" -bbox "$text" - | grep -o '<word[^>]*>中共襄城县委</word>' | tail -n 1 \
  | sed -E 's/.*xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)".*/\1 \2 \3 \4/' \
  | awk '{ printf "%d %d\n", ($1 + $3) / 2 * 200 / 72, ($2 + $4) / 2 * 200 / 72 }')
convert -size 900x300 xc:none -font "$font" -pointsize 110 -fill '#d42020' -gravity center -annotate +0+0 '中共襄城县委员会' \
  -virtual-pixel transparent -distort Arc '200 0 210' "$tmp/seal/arc.png"
convert -size 520x520 xc:none -fill none -stroke '#d42020' -strokewidth 16 -draw 'circle 260,260 260,16' \
  -stroke none -fill '#d42020' -draw 'polygon 260,170 281,232 347,232 294,270 314,333 260,295 206,333 226,270 173,232 239,232' \
  \( "$tmp/seal/arc.png" -resize 430x \) -gravity north -geometry +0+40 -composite \
  -channel A -evaluate multiply 0.85 +channel -resize 347x347 "$tmp/seal/seal.png"
convert "$last" \( "$tmp/seal/seal.png" \) -gravity NorthWest -geometry "+$((x - 173))+$((y - 153))" -compose Multiply -composite \
  "$last"
for page in "$tmp/seal"/p-*.png; do convert "$page" -density 200 -units PixelsPerInch -quality 60 "${page%.png}.jpg"; done
img2pdf --producer="" --creationdate="2023-01-01" --moddate="2023-01-01" -o "$out/seed-002-scan-seal.pdf" "$tmp/seal"/p-*.jpg

# A mixed PDF: the text layer for the first four pages, scanned pages (150 dpi JPEG) after them.
mkdir -p "$tmp/mixed"
pdfseparate "$text" "$tmp/mixed/text-%02d.pdf"
pdfseparate "$out/seed-002-scan-150.pdf" "$tmp/mixed/scan-%02d.pdf"
parts=()
for n in $(seq 1 "$pages"); do
  if [ "$n" -le 4 ]; then parts+=("$tmp/mixed/text-$(printf %02d "$n").pdf"); else parts+=("$tmp/mixed/scan-$(printf %02d "$n").pdf"); fi
done
pdfunite "${parts[@]}" "$out/seed-002-mixed.pdf"

# A PNG page: Chromium's screenshot of a short notice laid out as a page.
python3 - "$tmp/halfwidth.html" <<'EOF'
import html, sys
lines = [l.strip() for l in open('samples/halfwidth.txt', encoding='utf-8') if l.strip()]
body = '\n'.join(f'<p class="{"t" if i < 2 else ""}">{html.escape(l)}</p>' for i, l in enumerate(lines))
open(sys.argv[1], 'w', encoding='utf-8').write(f'''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{{font-family:"Noto Serif CJK SC",serif;font-size:21px;line-height:1.7;margin:60px 70px;background:#fff}}
p{{text-indent:2em;margin:0}} p.t{{text-align:center;text-indent:0;font-size:28px}}</style></head><body>{body}</body></html>''')
EOF
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync \
  --no-first-run --hide-scrollbars --user-data-dir="$tmp/chromium" --window-size=900,720 --force-device-scale-factor=2 \
  --screenshot="$out/halfwidth-chromium.png" "file://$tmp/halfwidth.html" >/dev/null 2>&1

# A multi-page TIFF: the whole of seed-002, black and white G4 at 200 dpi, one TIFF directory a page.
bilevel_pages "$text" 200 "$tmp/tiff"
convert "$tmp/tiff"/p-*.tif -compress Group4 "$out/seed-002-scan.tif"

ls -l "$out"/*scan* "$out"/*mixed* "$out"/*.png "$out"/*.tif
