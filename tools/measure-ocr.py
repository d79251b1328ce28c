#!/usr/bin/python3
"""Measures OCR on the scanned samples against the text PDFs they were made from (tools/make-scan-samples.sh).

Run from the repository root after a build:  python3 tools/measure-ocr.py [--no-cache]
For each scan it parses the scan and its text PDF with the CLI and prints:
  pairs     reference items (problem with a rectification) that the scan gives at the same path with a rectification
            (markers compared in NFKC: (一) is （一）, as ScanTests compares them)
  cer       character error rate of the rectification texts of those items: edit distance / reference length
  s/page    seconds per page: wall clock of the whole parse divided by pages, and CPU time (Tesseract, pdftoppm and the
            tool, parsing in process so that every child is counted; the load of other work on the machine does not change
            it); with --no-cache every page is recognised, two pages at once (-j 2 on this 2-core machine)
"""
import json, os, resource, subprocess, sys, tempfile, time, unicodedata

SCANS = [
    ('seed-000-scan-150.pdf', 'seed-000-libreoffice-print.pdf'),
    ('seed-000-scan-300.pdf', 'seed-000-libreoffice-print.pdf'),
    ('seed-002-scan-150.pdf', 'seed-002-libreoffice-print.pdf'),
    ('seed-002-scan-300.pdf', 'seed-002-libreoffice-print.pdf'),
    ('seed-002-scan-skewed.pdf', 'seed-002-libreoffice-print.pdf'),
    ('seed-002-scan-seal.pdf', 'seed-002-libreoffice-print.pdf'),
    ('seed-002-mixed.pdf', 'seed-002-libreoffice-print.pdf'),
    ('seed-002-scan.tif', 'seed-002-libreoffice-print.pdf'),
    ('halfwidth-chromium.png', '../halfwidth.txt'),
]

def parse(path, cache):
    out = tempfile.mktemp(suffix='.json')
    args = ['dotnet', 'run', '--project', 'src/Cli', '--no-build', '--', 'parse', path, '-o', out, '--force', '-q', '--timeout', '0', '--isolate', 'none']
    if not cache:
        args += ['--ocr-cache', 'none']
    start = time.time()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (time.time() - start, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    notice = json.load(open(out, encoding='utf-8'))
    os.remove(out)
    return notice, seconds

def distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]

def main():
    cache = '--no-cache' not in sys.argv
    print(f'{"scan":28} {"pairs":>9} {"cer":>7} {"pages":>5} {"wall s/page":>11} {"cpu s/page":>10}')
    for scan, text in SCANS:
        reference, _ = parse(os.path.join('samples/formats', text), True)
        notice, seconds = parse(os.path.join('samples/formats', scan), cache)
        # Paths compare in NFKC: OCR reads a full-width （一） as (一), as typed half-width markers are.
        key = lambda item: tuple(unicodedata.normalize('NFKC', m) for m in item['path'])
        pairs = {key(i): i for i in reference['items'] if i['rectification']}
        found = {key(i): i for i in notice['items'] if i['rectification']}
        matched = [p for p in pairs if p in found]
        edits = sum(distance(found[p]['rectification']['text'], pairs[p]['rectification']['text']) for p in matched)
        length = sum(len(pairs[p]['rectification']['text']) for p in matched)
        pages = len([p for p in notice['source'].get('pages') or [] if p['method'] == 'ocr'])
        print(f'{scan:28} {len(matched):>4} of {len(pairs):<2} {edits / max(length, 1):>7.2%} {pages:>5} {seconds[0] / max(pages, 1):>11.2f} {seconds[1] / max(pages, 1):>10.2f}')

if __name__ == '__main__':
    main()
