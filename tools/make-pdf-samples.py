#!/usr/bin/python3
"""Renders every text sample to PDF with real producers, and measures what the PDF reader makes of them.

Needs (Debian): libreoffice-writer, chromium, python3-docx, fonts-noto-cjk; the CLI built (dotnet build -c Release src/Cli).
Run from the repository root:
  /usr/bin/python3 tools/make-pdf-samples.py            # writes samples/formats/pdf/NAME-libreoffice.pdf, NAME-chromium.pdf
  /usr/bin/python3 tools/make-pdf-samples.py --measure [DIR]  # renders into DIR (else a scratch folder; PDFs already
                                                        # there are kept) and compares items with the TXT
Only the outputs are committed; this script records how they were made.

Each samples/NAME.txt (in whatever encoding it is) becomes the plain article page of tools/make-format-samples.py
(title and issuer lines centred, paragraphs indented two characters, the signature right-aligned), then
  NAME-libreoffice.pdf   LibreOffice: the page converted to DOCX, a "— N —" page-number footer added, exported to PDF
  NAME-chromium.pdf      headless Chromium's print of the page (its default header and footer: date, title, URL, page)
The seeds' PDFs made the same way are samples/formats/seed-00N-libreoffice-print.pdf and -chromium-print.pdf.
--measure renders the seeds too, and prints per producer how many of the TXT's items each PDF gives unchanged.
"""
import glob, importlib.util, json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'samples', 'formats', 'pdf')
spec = importlib.util.spec_from_file_location('formats', os.path.join(ROOT, 'tools', 'make-format-samples.py'))
formats = importlib.util.module_from_spec(spec)
spec.loader.exec_module(formats)
TMP = formats.TMP
SEEDS = ('seed-000', 'seed-002')


def decode(data):
    """The sample's text: a byte-order mark decides; else the first of UTF-8, GB18030 and Big5 that reads 整改 in it."""
    for bom, enc in ((b'\xef\xbb\xbf', 'utf-8-sig'), (b'\xff\xfe', 'utf-16'), (b'\xfe\xff', 'utf-16')):
        if data.startswith(bom):
            return data.decode(enc)
    for enc in ('utf-8', 'gb18030', 'big5'):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if '整改' in text:
            return text
    return data.decode('utf-8', errors='replace')


def lines_of(path):
    text = decode(open(path, 'rb').read())
    return [l.strip().strip('\u3000').strip() for l in text.splitlines() if l.strip().strip('\u3000')]


def render(name, lines, outdir):
    """Writes NAME-libreoffice.pdf and NAME-chromium.pdf of the article page of LINES into OUTDIR."""
    work = os.path.join(TMP, name)
    os.makedirs(os.path.join(work, 'pdf'), exist_ok=True)
    page = os.path.join(work, f'{name}.html')
    open(page, 'w', encoding='utf-8').write(formats.plain_page(name, lines) if any('关于' in l for l in lines) else untitled_page(lines))
    formats.soffice(page, 'docx:MS Word 2007 XML', work)
    footed = os.path.join(work, 'pdf', f'{name}.docx')
    formats.add_page_footer(os.path.join(work, f'{name}.docx'), footed)
    formats.soffice(footed, 'pdf', os.path.join(work, 'pdf'))
    shutil.copy(os.path.join(work, 'pdf', f'{name}.pdf'), os.path.join(outdir, f'{name}-libreoffice.pdf'))
    chromium(page, os.path.join(outdir, f'{name}-chromium.pdf'))


def untitled_page(lines):
    """The plain page of a text with no 关于 title: every line a paragraph (plain_page needs one to name the page)."""
    import html
    body = '\n'.join(f'<p>{html.escape(l)}</p>' for l in lines)
    return f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(lines[0])}</title><style>{formats.PLAIN_CSS}</style></head>\n<body>\n{body}\n</body></html>\n'


def chromium(page, pdf):
    formats.run('chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--no-first-run', f'--user-data-dir={TMP}/chromium', f'--print-to-pdf={pdf}', 'file://' + page)


def cli():
    exe = os.path.join(ROOT, 'src', 'Cli', 'bin', 'Release', 'net10.0', 'extractor')
    if not os.path.exists(exe):
        sys.exit('build the CLI first: dotnet build -c Release src/Cli')
    return exe


def parse(path):
    out = subprocess.run([cli(), 'parse', path], capture_output=True, text=True)
    return json.loads(out.stdout) if out.returncode == 0 else None


def item_key(item):
    r = item.get('rectification') or {}
    return (''.join(item['path']), item['problem']['title'], item['problem']['text'], r.get('label'), r.get('status'), r.get('text'))


def measure(outdir):
    """Renders every sample into OUTDIR (kept, to look at) and prints per producer how many items match the TXT's."""
    os.makedirs(outdir, exist_ok=True)
    totals = {'libreoffice': [0, 0], 'chromium': [0, 0]}
    differ = {'libreoffice': [], 'chromium': []}
    for txt in sorted(glob.glob(os.path.join(ROOT, 'samples', '*.txt'))):
        name = os.path.basename(txt)[:-4]
        if not all(os.path.exists(os.path.join(outdir, f'{name}-{p}.pdf')) for p in totals):
            render(name, lines_of(txt), outdir)
        want = [item_key(i) for i in parse(txt)['items']]
        for producer in totals:
            got = parse(os.path.join(outdir, f'{name}-{producer}.pdf'))
            keys = [item_key(i) for i in got['items']] if got else []
            same = sum(1 for k in keys if k in want)
            totals[producer][0] += same
            totals[producer][1] += len(want)
            if keys != want:
                differ[producer].append(f'{name} ({same}/{len(want)}, {len(keys)} read)')
    for producer, (same, total) in totals.items():
        print(f'{producer}: {same} of {total} items as in the TXT; {len(differ[producer])} samples differ: {", ".join(differ[producer])}')


def main():
    if '--measure' in sys.argv:
        at = sys.argv.index('--measure')
        measure(sys.argv[at + 1] if at + 1 < len(sys.argv) else os.path.join(TMP, 'measure'))
    else:
        os.makedirs(OUT, exist_ok=True)
        for txt in sorted(glob.glob(os.path.join(ROOT, 'samples', '*.txt'))):
            name = os.path.basename(txt)[:-4]
            if name not in SEEDS:
                render(name, lines_of(txt), OUT)
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == '__main__':
    main()
