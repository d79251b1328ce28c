#!/usr/bin/python3
"""Renders every text sample to PDF with real producers, and measures what the PDF reader makes of them.

Needs (Debian): libreoffice-writer, chromium, python3-docx, fonts-noto-cjk; the CLI built (dotnet build -c Release src/Cli).
Run from the repository root:
  /usr/bin/python3 tools/make-pdf-samples.py            # writes samples/formats/pdf/NAME-libreoffice.pdf, NAME-chromium.pdf
  /usr/bin/python3 tools/make-pdf-samples.py --cases    # writes the samples of particular cases (below)
  /usr/bin/python3 tools/make-pdf-samples.py --measure [DIR]  # renders into DIR (else a scratch folder; PDFs already
                                                        # there are kept) and compares items with the TXT
Only the outputs are committed; this script records how they were made.

Each samples/NAME.txt (in whatever encoding it is) becomes the plain article page of tools/make-format-samples.py
(title and issuer lines centred, paragraphs indented two characters, the signature right-aligned), then
  NAME-libreoffice.pdf   LibreOffice: the page converted to DOCX, a "— N —" page-number footer added, exported to PDF
  NAME-chromium.pdf      headless Chromium's print of the page (its default header and footer: date, title, URL, page)
The seeds' PDFs made the same way are samples/formats/seed-00N-libreoffice-print.pdf and -chromium-print.pdf.
--measure renders the seeds too, and prints per producer how many of the TXT's items each PDF gives unchanged.

And the PDFs as they come in particular cases, in samples/formats:
  seed-002-site-chromium.pdf     Chromium's print of seed 002 published on a typical government site: banner, search
                                 box, navigation, breadcrumb (当前位置), info bar (发布时间…浏览次数…字号), the notice,
                                 print/close/share links, previous/next, related articles, footer (主办单位, ICP备, 网站标识码)
  seed-002-short-libreoffice.pdf LibreOffice's PDF of seed 002 without a page footer: the issuer heads page 1 and the
                                 signature ends the last page, where running headers and footers stand
  seed-002-two-columns-chromium.pdf  Chromium's print of seed 002 with title and issuer across the page and the rest in
                                 two columns (CSS column-count: 2), as a bulletin lays it out
  ledger-long.html               a ledger (整改台账) long enough to run over pages, and
  ledger-long-libreoffice.pdf    LibreOffice's PDF of it, after Word's "repeat as header row" was set on its header row
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


SITE = '示例县纪检监察网'
RELATED = ['县委第三轮专项巡察进驻动员会召开', '全县巡察整改工作推进会召开', '县委巡察办开展巡察整改“回头看”', '关于县委第二轮巡察整改进展情况的通报']


def site_page(lines):
    """The notice as a government site publishes it: the title in the article's heading, the site's furniture around it."""
    import html
    title = next(l for l in lines if '关于' in l)
    paras = '\n'.join(f'<p style="text-indent:2em">{html.escape(l)}</p>' for l in lines if l != title)
    related = ''.join(f'<li><a href="/xcgz/{1000 + i}.html">{html.escape(t)}</a><span class="date">2021-0{i + 1}-1{i}</span></li>' for i, t in enumerate(RELATED))
    return f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_{SITE}</title>
<style>body{{font-family:"Noto Serif CJK SC",serif;margin:0}} .banner{{font-size:26pt;font-weight:bold;padding:12px 40px;background:#b00;color:#fff}}
.search{{text-align:right;padding:4px 40px}} .nav ul{{margin:0;padding:6px 40px;background:#eee}} .nav li{{display:inline;margin-right:18px}}
.location,.info,.tools,.pages{{font-size:10pt;color:#555;padding:4px 40px}} h1{{text-align:center;font-size:20pt}} .content{{font-size:14pt;line-height:1.8;padding:0 40px}}
.related{{padding:4px 40px}} .related li{{font-size:11pt}} .related .date{{float:right}} .footer{{font-size:10pt;text-align:center;border-top:2px solid #b00;margin-top:20px}}</style></head>
<body>
<div class="banner">{SITE}</div>
<div class="search"><input type="text" value="请输入关键词"> <button>搜索</button></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jgsz/">机构设置</a></li><li><a href="/gzdt/">工作动态</a></li><li><a href="/xcgz/">巡察工作</a></li><li><a href="/scdc/">审查调查</a></li><li><a href="/jbzq/">举报专区</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xcgz/">巡察工作</a> &gt; 巡察整改</div>
<h1>{html.escape(title)}</h1>
<div class="info">发布时间：2021-01-08 10:21　来源：县委巡察办　浏览次数：1234　字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
<div class="content">
{paras}
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a>　分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="pages">上一篇：<a href="/xcgz/999.html">全县巡察工作会议召开</a><br>下一篇：<a href="/xcgz/1001.html">县委巡察办召开巡察整改督导工作推进会</a></div>
<div class="related"><h3>相关文章</h3><ul>{related}</ul></div>
<div class="footer"><p>主办单位：中共示例县纪律检查委员会　示例县监察委员会</p><p>地址：示例县人民路1号　联系电话：0374-3300000　邮编：461700</p>
<p>豫ICP备12345678号　豫公网安备41102502000123号　网站标识码：4110250001</p></div>
</body></html>
'''


LEDGER_ROWS = [
    ('一、党的政治建设方面', None),
    ('1', '学习贯彻习近平新时代中国特色社会主义思想不够深入，理论学习中心组学习流于形式，研讨交流不充分。', '1.制定年度学习计划；2.开展专题研讨4次；3.建立学习台账。', '已开展集中学习6次，形成调研报告3篇，学习台账已建立。', '县委办公室', '2023年6月', '已完成'),
    ('2', '落实意识形态工作责任制不到位，阵地管理存在薄弱环节。', '召开意识形态工作专题会议，开展风险隐患排查，完善阵地管理制度。', '排查风险点12个，已整改10个，其余2个正在整改。', '县委宣传部', '2023年9月', '持续整改'),
    ('3', '贯彻落实上级决策部署不够有力，个别重点任务推进缓慢。', '建立重点任务督办清单，实行周调度、月通报。', '督办清单已建立，累计调度12次，重点任务按期推进。', '县委督查室', '2023年8月', '已完成'),
    ('二、全面从严治党方面', None),
    ('4', '“三重一大”制度执行不严格，个别事项未经集体研究。', '修订《“三重一大”事项决策办法》，明确事项清单和议事程序。', '办法已印发实施，事项清单已公布。', '县纪委监委', '2023年5月', '已完成'),
    ('5', '落实中央八项规定精神有差距，存在违规发放补贴问题。', '开展专项清理，追回违规发放补贴，严肃追责问责。', '追回资金3.2万元，对2名责任人进行诫勉谈话。', '县财政局', '2023年7月', '已完成'),
    ('6', '公务用车管理不规范，存在公车私用现象。', '完善公务用车管理制度，安装定位系统，开展常态化检查。', '定位系统已安装，检查4次，通报问题2起。', '县机关事务中心', '2023年10月', '已完成'),
    ('7', '政府采购程序不规范，部分项目化整为零规避招标。', '开展政府采购项目专项检查，修订采购内控制度。', '检查项目46个，纠正问题5个，内控制度已修订。', '县财政局', '2023年11月', '已完成'),
    ('三、干部队伍建设方面', None),
    ('8', '干部培训针对性不强，年轻干部实践锻炼不足。', '制定年度培训计划，选派年轻干部到基层一线锻炼。', '举办培训班3期，选派年轻干部15名到乡镇锻炼。', '县委组织部', '2023年12月', '持续整改'),
    ('9', '基层党组织建设存在短板，个别村党支部软弱涣散。', '开展软弱涣散党组织整顿，选优配强村党支部书记。', '整顿软弱涣散党组织4个，调整村党支部书记3名。', '县委组织部', '2023年12月', '持续整改'),
    ('10', '干部考核评价机制不健全，考核结果运用不充分。', '修订干部综合考核办法，强化考核结果运用。', '考核办法已修订，考核结果已与评优评先挂钩。', '县委组织部', '2023年9月', '已完成'),
]


def ledger_html():
    """A ledger long enough to run over a page break, with category rows. (Its header is one row: LibreOffice 7 draws a
    repeated header of two rows with a vertically merged cell over the first row of the next page.)"""
    import html
    rows = []
    for row in LEDGER_ROWS:
        if row[1] is None:
            rows.append(f'<tr><td colspan="7"><b>{html.escape(row[0])}</b></td></tr>')
            continue
        rows.append('<tr>' + ''.join(f'<td>{html.escape(c)}</td>' for c in row) + '</tr>')
    return f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>示例县委巡察反馈问题整改台账</title>
<style>table{{border-collapse:collapse}}td,th{{border:1px solid #000;padding:4px}}</style></head>
<body>
<h1>中共示例县委关于巡察反馈问题整改情况的通报</h1>
<p>根据市委统一部署，2023年3月1日至4月30日，市委第三巡察组对示例县开展了常规巡察，5月15日反馈了巡察意见。现将整改情况以台账形式公布如下。</p>
<table border="1" cellpadding="4" cellspacing="0" width="100%">
<thead>
<tr><th>序号</th><th>反馈问题</th><th>整改措施</th><th>整改进展</th><th>责任单位</th><th>整改时限</th><th>完成情况</th></tr>
</thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p>欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0371-63219999。</p>
<p style="text-align:right">中共示例县委</p>
<p style="text-align:right">2023年10月9日</p>
</body></html>
'''


def repeat_header_rows(src, dst, count):
    """Marks the first rows of the document's table as header rows repeated on every page (Word's 重复标题行)."""
    d = formats.docx.Document(src)
    for row in d.tables[0].rows[:count]:
        trpr = row._tr.get_or_add_trPr()
        header = formats.OxmlElement('w:tblHeader')
        header.set(formats.qn('w:val'), 'true')
        trpr.append(header)
    d.save(dst)


def two_column_page(lines):
    """The plain page with the title and issuer across the page and the body (signature too) in two columns."""
    import html
    head = [l for l in lines[:2] if not l.startswith('根据')]
    body = []
    for i, l in enumerate(lines[len(head):], len(head)):
        cls = ' class="sign"' if i >= len(lines) - 2 and formats.is_signature(l) else ''
        body.append(f'<p{cls}>{html.escape(l)}</p>')
    title = next(l for l in lines if '关于' in l)
    heads = '\n'.join(f'<h1>{html.escape(l)}</h1>' if '关于' in l else f'<h2>{html.escape(l)}</h2>' for l in head)
    css = formats.PLAIN_CSS + '.columns{column-count:2;column-gap:1.5em;font-size:12pt}'
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{css}</style></head>\n<body>\n'
            f'{heads}\n<div class="columns">\n' + '\n'.join(body) + '\n</div>\n</body></html>\n')


def cases():
    """The samples of particular cases (see the module's summary)."""
    formats_dir = os.path.dirname(OUT)
    seed = formats.lines_of(formats.SEEDS['seed-002'])
    work = os.path.join(TMP, 'cases')
    os.makedirs(os.path.join(work, 'pdf'), exist_ok=True)
    site = os.path.join(work, 'seed-002-site.html')
    open(site, 'w', encoding='utf-8').write(site_page(seed))
    chromium(site, os.path.join(formats_dir, 'seed-002-site-chromium.pdf'))
    plain = os.path.join(work, 'seed-002-short.html')
    open(plain, 'w', encoding='utf-8').write(formats.plain_page('seed-002', seed))
    formats.soffice(plain, 'docx:MS Word 2007 XML', work)
    formats.soffice(os.path.join(work, 'seed-002-short.docx'), 'pdf', os.path.join(work, 'pdf'))
    shutil.copy(os.path.join(work, 'pdf', 'seed-002-short.pdf'), os.path.join(formats_dir, 'seed-002-short-libreoffice.pdf'))
    columns = os.path.join(work, 'seed-002-two-columns.html')
    open(columns, 'w', encoding='utf-8').write(two_column_page(seed))
    chromium(columns, os.path.join(formats_dir, 'seed-002-two-columns-chromium.pdf'))
    ledger = os.path.join(formats_dir, 'ledger-long.html')
    open(ledger, 'w', encoding='utf-8').write(ledger_html())
    formats.soffice(ledger, 'docx:MS Word 2007 XML', work)
    headed = os.path.join(work, 'pdf', 'ledger-long.docx')
    repeat_header_rows(os.path.join(work, 'ledger-long.docx'), headed, 1)
    formats.soffice(headed, 'pdf', os.path.join(work, 'pdf'))
    shutil.copy(os.path.join(work, 'pdf', 'ledger-long.pdf'), os.path.join(formats_dir, 'ledger-long-libreoffice.pdf'))


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
    if '--cases' in sys.argv:
        cases()
    elif '--measure' in sys.argv:
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
