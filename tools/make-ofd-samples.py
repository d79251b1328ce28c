#!/usr/bin/python3
"""Writes the OFD samples in samples/formats, hand-built from the structure GB/T 33190-2016 gives.

No OFD producer runs here (the producers of official documents are Windows or vendor software), so these packages are
written by this script from the standard's structure, not by a real producer:
  OFD.xml (DocBody: DocInfo with Title, Author, CreationDate; DocRoot) -> Doc_0/Document.xml (CommonData: PageArea,
  PublicRes, TemplatePage; Pages) -> Doc_0/Pages/Page_N/Content.xml (Template reference, Layer of TextObjects with
  Boundary, Font, Size and TextCode X, Y, DeltaX, using the "g N d" repetition) and Doc_0/Tpls/Tpl_0/Content.xml.
Text is laid out as an official document is (GB/T 9704): paragraphs indented two characters, lines justified to the
right margin (so DeltaX varies within a line), hanging closing punctuation, title and issuer centred, the date right,
Latin letters and digits in a TextObject of their own (another font, half-width), a "— N —" page number at the foot,
and a running header from the template page on every page.

Run from the repository root:  /usr/bin/python3 tools/make-ofd-samples.py
It writes:
  seed-002-handbuilt.ofd   seed-002 on two pages (compact type: 3.5 mm, 46 lines a page)
  seed-000-handbuilt.ofd   seed-000 in official-document type (16 pt, 28 characters a line, 22 lines a page)
"""
import html, math, os, re, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'samples', 'formats')
SEEDS = {'seed-000': 'seeds/000_e2a1d9105bc8cd63.txt', 'seed-002': 'seeds/002_8d9b61e4159d9e44.txt'}
NS = 'http://www.ofdspec.org/2016'
PAGE_W, PAGE_H, LEFT, TOP, BODY_W, BODY_H = 210.0, 297.0, 28.0, 37.0, 156.0, 225.0
CLOSING = set('，。、；：？！）》”’」』〕】%,.;:?!)')

def lines_of(path):
    text = open(os.path.join(ROOT, path), encoding='utf-8').read()
    return [l.strip().strip('\u3000').strip() for l in text.splitlines() if l.strip().strip('\u3000')]

def is_signature(line):
    return len(line) <= 20 and (re.fullmatch(r'\d{4}年\d{1,2}月\d{1,2}日', line) or line.startswith('中共'))

def narrow(c):
    return ord(c) < 0x2000

def num(x):
    s = f'{x:.3f}'.rstrip('0').rstrip('.')
    return s if s not in ('', '-0') else '0'

def delta_x(advances):
    """DeltaX with runs of three or more equal advances written as 'g N d'."""
    out, i = [], 0
    while i < len(advances):
        j = i
        while j < len(advances) and num(advances[j]) == num(advances[i]): j += 1
        out.append(f'g {j - i} {num(advances[i])}' if j - i >= 3 else ' '.join(num(a) for a in advances[i:j]))
        i = j
    return ' '.join(out)

def tokens(text):
    """Units a line does not break inside: a run of Latin letters and digits (with their signs), or one CJK character."""
    out = []
    for c in text:
        if out and narrow(c) and not c.isspace() and narrow(out[-1][-1]) and not out[-1][-1].isspace():
            out[-1] += c
        else:
            out.append(c)
    return out

def wrap(text, first, rest, em):
    """Breaks text into lines of at most first/rest millimetres, never inside a Latin word or a number; closing
    punctuation hangs past the margin."""
    lines, current, width, capacity = [], '', 0.0, first
    for token in tokens(text):
        w = sum(em / 2 if narrow(c) else em for c in token)
        if current and width + w > capacity + 1e-6 and token not in CLOSING:
            lines.append(current); current, width, capacity = '', 0.0, rest
        current += token; width += w
    if current: lines.append(current)
    return lines

class Layout:
    def __init__(self, size, per_page):
        self.size, self.per_page = size, per_page
        self.em = BODY_W / math.floor(BODY_W / size + 1e-9)
        self.pitch = BODY_H / per_page
        self.pages = [[]]

    def place(self, text, x, justify_to=None, size=None):
        """One line of objects at the next baseline: runs of CJK and of narrow characters, each a TextObject."""
        if len(self.pages[-1]) >= self.per_page: self.pages.append([])
        size = size or self.size
        em = self.em * size / self.size
        y = TOP + self.pitch * len(self.pages[-1]) + size
        advances = [em / 2 if narrow(c) else em for c in text]
        natural = sum(advances[:-1]) + size
        # Justified: the room left is shared by the gaps next to a CJK character (a Latin word keeps its spacing).
        stretch = [i for i in range(len(text) - 1) if not (narrow(text[i]) and narrow(text[i + 1]))]
        if justify_to is not None and stretch and justify_to > natural:
            extra = (justify_to - natural) / len(stretch)
            for i in stretch: advances[i] += extra
        runs, start = [], 0
        for i in range(1, len(text) + 1):
            if i == len(text) or narrow(text[i]) != narrow(text[start]):
                runs.append((start, i)); start = i
        objects = []
        for a, b in runs:
            left = x + sum(advances[:a])
            width = sum(advances[a:b])
            objects.append((text[a:b], left, y - size, width, size, advances[a:b - 1], 2 if narrow(text[a]) else 1))
        self.pages[-1].append(objects)

def layout(lines, size, per_page):
    lay = Layout(size, per_page)
    for i, line in enumerate(lines):
        if i < 2 and not line.startswith('根据'):
            big = '关于' in line
            s = size * 1.4 if big else size
            em = lay.em * s / size
            for part in wrap(line, BODY_W, BODY_W, em):
                w = sum(em / 2 if narrow(c) else em for c in part)
                lay.place(part, LEFT + (BODY_W - w) / 2, size=s)
        elif i >= len(lines) - 2 and is_signature(line):
            w = sum(lay.em / 2 if narrow(c) else lay.em for c in line)
            lay.place(line, LEFT + BODY_W - w - 4 * lay.em)
        else:
            parts = wrap(line, BODY_W - 2 * lay.em, BODY_W, lay.em)
            for k, part in enumerate(parts):
                x = LEFT + (2 * lay.em if k == 0 else 0)
                last = k == len(parts) - 1
                lay.place(part, x, justify_to=None if last else LEFT + BODY_W - x)
    return lay

def text_object(ids, obj):
    text, left, top, width, size, advances, font = obj
    dx = f' DeltaX="{delta_x(advances)}"' if advances else ''
    return (f'<ofd:TextObject ID="{next(ids)}" Boundary="{num(left)} {num(top)} {num(width + size)} {num(size * 1.3)}" Font="{font}" Size="{num(size)}">'
            f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{num(size)}"{dx}>{html.escape(text, quote=False)}</ofd:TextCode></ofd:TextObject>')

def counter(start):
    while True:
        yield start; start += 1

def package(name, lines, size, per_page):
    lay = layout(lines, size, per_page)
    ids = counter(10)
    title = next(l for l in lines if '关于' in l)
    issuer = next((l for l in lines if l.startswith('中共')), '')
    parts = {}
    parts['OFD.xml'] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody>'
        f'<ofd:DocInfo><ofd:DocID>{name.replace("-", "")}0000000000000000000000</ofd:DocID><ofd:Title>{html.escape(title)}</ofd:Title>'
        f'<ofd:Author>{html.escape(issuer)}</ofd:Author><ofd:CreationDate>2023-10-09</ofd:CreationDate><ofd:Creator>tools/make-ofd-samples.py</ofd:Creator></ofd:DocInfo>'
        '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n')
    parts['Doc_0/PublicRes.xml'] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="1" FontName="仿宋_GB2312" FamilyName="仿宋"/><ofd:Font ID="2" FontName="Times New Roman" FamilyName="Times New Roman"/>'
        '</ofd:Fonts></ofd:Res>\n')
    header = Layout(size, per_page)
    header.place('巡察整改工作公开', LEFT, size=size * 0.8)
    template = ''.join(text_object(ids, (o[0], o[1], TOP - 12 - o[4], o[3], o[4], o[5], o[6])) for o in header.pages[0][0])
    parts['Doc_0/Tpls/Tpl_0/Content.xml'] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
        f'<ofd:Layer ID="{next(ids)}" Type="Background">{template}</ofd:Layer></ofd:Content></ofd:Page>\n')
    page_refs = []
    for n, page in enumerate(lay.pages):
        objects = ''.join(text_object(ids, o) for line in page for o in line)
        folio = f'— {n + 1} —'
        fsize = size * 0.875
        fw = sum(fsize / 2 if narrow(c) else fsize for c in folio)
        objects += text_object(ids, (folio, (PAGE_W - fw) / 2, TOP + BODY_H + 7, fw, fsize, [fsize / 2 if narrow(c) else fsize for c in folio[:-1]], 1))
        parts[f'Doc_0/Pages/Page_{n}/Content.xml'] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{NS}">'
            '<ofd:Template TemplateID="2" ZOrder="Background"/>'
            f'<ofd:Content><ofd:Layer ID="{next(ids)}" Type="Body">{objects}</ofd:Layer></ofd:Content></ofd:Page>\n')
        page_refs.append(f'<ofd:Page ID="{100 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>')
    parts['Doc_0/Document.xml'] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f'<ofd:MaxUnitID>{next(ids)}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {num(PAGE_W)} {num(PAGE_H)}</ofd:PhysicalBox></ofd:PageArea>'
        '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
        f'<ofd:Pages>{"".join(page_refs)}</ofd:Pages></ofd:Document>\n')
    path = os.path.join(OUT, f'{name}-handbuilt.ofd')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for part in ['OFD.xml', 'Doc_0/Document.xml', 'Doc_0/PublicRes.xml', 'Doc_0/Tpls/Tpl_0/Content.xml'] + [p for p in parts if p.startswith('Doc_0/Pages/')]:
            info = zipfile.ZipInfo(part, date_time=(2023, 10, 9, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[part].encode('utf-8'))
    return len(lay.pages)

def main():
    lines = lines_of(SEEDS['seed-002'])
    total = sum(math.ceil(len(l) * 3.5 / BODY_W) + 0.5 for l in lines)
    pages = package('seed-002', lines, 3.5, math.ceil(total / 2) + 2)
    print('seed-002:', pages, 'pages')
    print('seed-000:', package('seed-000', lines_of(SEEDS['seed-000']), 16 * 25.4 / 72, 22), 'pages')

if __name__ == '__main__':
    main()
