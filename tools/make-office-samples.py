#!/usr/bin/python3
"""Makes the office and web-archive samples in samples/formats with real producers.

Needs (Debian): libreoffice-calc, libreoffice-writer, chromium, fonts-noto-cjk, pandoc and python3-docx (the helpers of
make-format-samples.py, whose page builders this script reuses). Run from the repository root:
    /usr/bin/python3 tools/make-office-samples.py
Only the outputs are committed; this script records how they were made. Each needs NAME.expected.json beside it.

  table-form-calc-2007.xlsx, table-form-calc-97.xls   LibreOffice Calc's import of table-form.html (the page down column A, the table
                                       with its merged cells), saved as Excel 2007+ and Excel 97-2003
  ledger-title.html                    a ledger whose table carries its own merged title row and a notes row
  ledger-title-calc.xlsx               LibreOffice Calc's import of it
  ledger-two-sheets-calc.xls           LibreOffice Calc's Excel 97-2003 export of a flat ODS with one sheet per category
  NAME-chromium.mhtml                  headless Chromium's snapshot (DevTools Page.captureSnapshot) of the GBK page with
                                       site chrome; table-form-chromium.mhtml of table-form.html
  NAME-libreoffice-2003.xml            LibreOffice's "MS Word 2003 XML" export of its DOCX of the plain page
  NAME-libreoffice-html.doc            LibreOffice Writer's HTML export of that DOCX, named .doc (a "web page" .doc)
  seed-002-textbox-libreoffice.docx    LibreOffice's DOCX of a flat ODT whose body is in a text frame (a text box)
  seed-002-one-cell-libreoffice.docx   LibreOffice's DOCX of a page whose body is one table cell
  seed-000-marker-column-libreoffice.docx  LibreOffice's DOCX of a page laid out as a table: marker | text, a row each
LibreOffice's Word 2003 XML export drops vertically merged cells and numbering inherited from styles, so no table-form
or automatic-numbering sample is made in that format.
"""
import html, importlib.util, json, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location('formats', os.path.join(ROOT, 'tools', 'make-format-samples.py'))
formats = importlib.util.module_from_spec(spec)
spec.loader.exec_module(formats)
OUT = formats.OUT
TMP = tempfile.mkdtemp(prefix='extractor-office-')
formats.TMP = TMP


def soffice(src, fmt, outdir, infilter=None):
    args = ['soffice', '--headless', '--norestore', f'-env:UserInstallation=file://{TMP}/lo-profile']
    if infilter:
        args.append(f'--infilter={infilter}')
    subprocess.run(args + ['--convert-to', fmt, '--outdir', outdir, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def calc(src, name, fmt, ext):
    """LibreOffice Calc's import of an HTML page (or a flat ODS), saved in a spreadsheet format."""
    out = os.path.join(TMP, 'calc')
    os.makedirs(out, exist_ok=True)
    soffice(src, fmt, out, 'HTML (StarCalc)' if src.endswith('.html') else None)
    shutil.copy(os.path.join(out, os.path.splitext(os.path.basename(src))[0] + ext), os.path.join(OUT, name))


# ---------------------------------------------------------------- Chromium's MHTML, through the DevTools pipe
def snapshot(url, path):
    """Opens url in headless Chromium and writes Page.captureSnapshot's MHTML (what "Save page as… single file" writes)."""
    to_chrome_r, to_chrome_w = os.pipe()
    from_chrome_r, from_chrome_w = os.pipe()

    def pipes():
        a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
        os.dup2(a, 3); os.dup2(b, 4)
        os.set_inheritable(3, True); os.set_inheritable(4, True)

    profile = os.path.join(TMP, 'chromium')
    chromium = subprocess.Popen(['/usr/lib/chromium/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-pipe',
                                 '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
                                 f'--user-data-dir={profile}', 'about:blank'],
                                preexec_fn=pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(to_chrome_r); os.close(from_chrome_w)
    buffer, counter = b'', [0]

    def send(method, params=None, session=None):
        counter[0] += 1
        message = {'id': counter[0], 'method': method, 'params': params or {}}
        if session:
            message['sessionId'] = session
        os.write(to_chrome_w, json.dumps(message).encode() + b'\0')
        return counter[0]

    def wait(id_=None, event=None):
        nonlocal buffer
        while True:
            while b'\0' not in buffer:
                chunk = os.read(from_chrome_r, 1 << 20)
                if not chunk:
                    raise RuntimeError('chromium closed the DevTools pipe')
                buffer += chunk
            raw, buffer = buffer.split(b'\0', 1)
            message = json.loads(raw)
            if id_ is not None and message.get('id') == id_:
                if 'error' in message:
                    raise RuntimeError(message['error'])
                return message['result']
            if event is not None and message.get('method') == event:
                return message['params']

    target = wait(send('Target.createTarget', {'url': 'about:blank'}))['targetId']
    session = wait(send('Target.attachToTarget', {'targetId': target, 'flatten': True}))['sessionId']
    wait(send('Page.enable', session=session))
    send('Page.navigate', {'url': url}, session)
    wait(event='Page.loadEventFired')
    data = wait(send('Page.captureSnapshot', {'format': 'mhtml'}, session))['data']
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(data)
    send('Browser.close')
    chromium.wait(timeout=30)


# ---------------------------------------------------------------- ledgers
HEADER = ['序号', '反馈问题', '整改措施', '整改进展', '责任单位', '整改时限', '完成情况']


def ledger_title_html():
    """A ledger as offices post it: the table's first row its title, merged across; a notes row; the header; the rows."""
    rows = [f'<tr><td colspan="7"><b>示例县委巡察反馈问题整改台账</b></td></tr>',
            '<tr><td colspan="4">填报单位：中共示例县委</td><td colspan="3">填报时间：2023年10月9日</td></tr>',
            '<tr>' + ''.join(f'<th>{h}</th>' for h in HEADER) + '</tr>']
    for row in formats.TABLE_ROWS:
        if row[1] is None:
            rows.append(f'<tr><td colspan="7">{row[0]}</td></tr>')
            continue
        n, problem, measures, progress, unit, deadline, status = row
        rows.append('<tr>' + ''.join(f'<td>{html.escape(c or "")}</td>' for c in (n, problem, measures, progress, unit or '县委宣传部', deadline, status)) + '</tr>')
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>示例县委巡察反馈问题整改台账</title>\n'
            '<style>table{border-collapse:collapse}td,th{border:1px solid #000;padding:4px}</style></head>\n<body>\n<table>\n'
            + '\n'.join(rows) + '\n</table>\n</body></html>\n')


def cell(value, span=1):
    if value is None or value == '':
        return '<table:table-cell/>' if span == 1 else f'<table:table-cell table:number-columns-spanned="{span}"/><table:covered-table-cell table:number-columns-repeated="{span - 1}"/>'
    kind = f'office:value-type="float" office:value="{value}"' if re.fullmatch(r'\d+', value) else 'office:value-type="string"'
    spanned = f' table:number-columns-spanned="{span}"' if span > 1 else ''
    covered = f'<table:covered-table-cell table:number-columns-repeated="{span - 1}"/>' if span > 1 else ''
    return f'<table:table-cell{spanned} {kind}><text:p>{html.escape(value)}</text:p></table:table-cell>{covered}'


def two_sheets_fods():
    """A flat ODS with a sheet per category of the table-form notice: a merged title row, the header, the rows."""
    sheets, current = [], None
    for row in formats.TABLE_ROWS:
        if row[1] is None:
            current = (row[0], [])
            sheets.append(current)
            continue
        n, problem, measures, progress, unit, deadline, status = row
        current[1].append((n, problem, measures, progress, unit or '县委宣传部', deadline, status))
    body = []
    for title, rows in sheets:
        xml = [f'<table:table table:name="{title[:2].rstrip("、")}">', '<table:table-column table:number-columns-repeated="7"/>',
               f'<table:table-row>{cell(title, 7)}</table:table-row>',
               '<table:table-row>' + ''.join(cell(h) for h in HEADER) + '</table:table-row>']
        xml += ['<table:table-row>' + ''.join(cell(c) for c in r) + '</table:table-row>' for r in rows]
        body.append('\n'.join(xml) + '\n</table:table>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n<office:body><office:spreadsheet>\n'
            + '\n'.join(body) + '\n</office:spreadsheet></office:body></office:document>\n')


# ---------------------------------------------------------------- Word layouts
def textbox_fodt(lines):
    """A flat ODT: issuer and title as paragraphs, the rest of the notice inside a text frame anchored after them."""
    head, rest = lines[:2], lines[2:]
    inner = ''.join(f'<text:p>{html.escape(l)}</text:p>' for l in rest)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">\n<office:body><office:text>\n'
            + ''.join(f'<text:p>{html.escape(l)}</text:p>\n' for l in head)
            + '<text:p><draw:frame draw:name="正文" text:anchor-type="paragraph" svg:width="16cm" svg:height="24cm">'
            + f'<draw:text-box fo:min-height="24cm">{inner}</draw:text-box></draw:frame></text:p>\n'
            + '</office:text></office:body></office:document>\n')


def one_cell_page(lines):
    body = ''.join(f'<p>{html.escape(l)}</p>' for l in lines)
    return f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"></head><body><table border="0" width="100%"><tr><td>{body}</td></tr></table></body></html>\n'


def marker_column_page(lines):
    """The notice laid out as a two-column table: a heading's marker in the first cell, the text in the second."""
    rows = []
    for line in lines:
        m = re.match(r'^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)(.*)$', line)
        marker, text = (m.group(1), m.group(2)) if m else ('', line)
        rows.append(f'<tr><td width="12%">{html.escape(marker)}</td><td>{html.escape(text)}</td></tr>')
    return f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"></head><body><table border="0" width="100%">{"".join(rows)}</table></body></html>\n'


def writer(src, name, fmt='docx:MS Word 2007 XML'):
    out = os.path.join(TMP, 'writer')
    os.makedirs(out, exist_ok=True)
    soffice(src, fmt, out)
    ext = '.' + fmt.split(':')[0]
    shutil.copy(os.path.join(out, os.path.splitext(os.path.basename(src))[0] + ext), os.path.join(OUT, name))


def copy(path):
    """A copy in the scratch folder: the archive records the page's address, which should not be a developer's path."""
    return shutil.copy(path, os.path.join(TMP, os.path.basename(path)))


def write(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def main():
    table = os.path.join(OUT, 'table-form.html')
    calc(table, 'table-form-calc-2007.xlsx', 'xlsx:Calc MS Excel 2007 XML', '.xlsx')
    calc(table, 'table-form-calc-97.xls', 'xls:MS Excel 97', '.xls')
    titled = write(os.path.join(OUT, 'ledger-title.html'), ledger_title_html())
    calc(titled, 'ledger-title-calc.xlsx', 'xlsx:Calc MS Excel 2007 XML', '.xlsx')
    calc(write(os.path.join(TMP, 'ledger-two-sheets.fods'), two_sheets_fods()), 'ledger-two-sheets-calc.xls', 'xls:MS Excel 97', '.xls')
    snapshot('file://' + copy(table), os.path.join(OUT, 'table-form-chromium.mhtml'))
    for name, seed in formats.SEEDS.items():
        lines = formats.lines_of(seed)
        snapshot('file://' + copy(os.path.join(OUT, f'{name}-gbk-chrome.html')), os.path.join(OUT, f'{name}-chromium.mhtml'))
        plain = write(os.path.join(TMP, f'{name}.html'), formats.plain_page(name, lines))
        writer(plain, f'{name}.docx')
        docx = os.path.join(OUT, f'{name}.docx')
        writer(docx, f'{name}-libreoffice-2003.xml', 'xml:MS Word 2003 XML')
        writer(docx, f'{name}-libreoffice-html.doc', 'html:HTML (StarWriter)')
        os.remove(docx)
        if name == 'seed-002':
            writer(write(os.path.join(TMP, f'{name}-textbox-libreoffice.fodt'), textbox_fodt(lines)), f'{name}-textbox-libreoffice.docx')
            writer(write(os.path.join(TMP, f'{name}-one-cell-libreoffice.html'), one_cell_page(lines)), f'{name}-one-cell-libreoffice.docx')
        else:
            writer(write(os.path.join(TMP, f'{name}-marker-column-libreoffice.html'), marker_column_page(lines)), f'{name}-marker-column-libreoffice.docx')
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == '__main__':
    main()
