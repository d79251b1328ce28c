#!/usr/bin/python3
"""Makes the format samples in samples/formats from the seed notices with real producers.

Needs (Debian): pandoc, libreoffice-writer, chromium, python3-docx, fonts-noto-cjk.
Run from the repository root:  /usr/bin/python3 tools/make-format-samples.py
Only the outputs are committed; this script records how they were made.

For each seed it writes:
  NAME-gbk-chrome.html     a GB2312-declared page (bytes in GBK) with site chrome around the article
  NAME-cms-br.html         a UTF-8 CMS page whose body is one <div> of lines separated by <br>
  NAME-libreoffice.docx    LibreOffice's conversion of a plain article page
  NAME-pandoc.docx         pandoc's conversion of the same page
  NAME-autonumber.docx     python-docx, headings numbered by Word automatic numbering (styles, overrides)
  NAME-libreoffice-print.pdf  LibreOffice's PDF of its DOCX, with a "— N —" page-number footer
  NAME-chromium-print.pdf     headless Chromium's print of the plain page (with its default header and footer)
and the table-form notice table-form.html / table-form-libreoffice.docx.
Every sample needs a stem of its own: NAME.expected.json sits beside it.
"""
import copy, html, os, re, shutil, subprocess, sys, tempfile
import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'samples', 'formats')
SEEDS = {'seed-000': 'seeds/000_e2a1d9105bc8cd63.txt', 'seed-002': 'seeds/002_8d9b61e4159d9e44.txt'}
TMP = tempfile.mkdtemp(prefix='extractor-samples-')

def lines_of(path):
    text = open(os.path.join(ROOT, path), encoding='utf-8').read()
    return [l.strip().strip('\u3000').strip() for l in text.splitlines() if l.strip().strip('\u3000')]

def is_signature(line):
    return len(line) <= 20 and (re.fullmatch(r'\d{4}年\d{1,2}月\d{1,2}日', line) or line.startswith('中共'))

PLAIN_CSS = 'body{font-family:"Noto Serif CJK SC",serif;font-size:16pt;line-height:1.6;margin:2cm}p{text-indent:2em;margin:0 0 .3em 0}' \
            'h1,h2{text-align:center;text-indent:0;font-size:20pt}p.sign{text-align:right}'

def plain_page(name, lines):
    """An article page as an editor would save it: title and issuer centred, paragraphs indented two characters."""
    body = []
    for i, l in enumerate(lines):
        if i < 2 and not l.startswith('根据'):
            body.append(f'<h1>{html.escape(l)}</h1>' if '关于' in l else f'<h2>{html.escape(l)}</h2>')
        elif i >= len(lines) - 2 and is_signature(l):
            body.append(f'<p class="sign">{html.escape(l)}</p>')
        else:
            body.append(f'<p>{html.escape(l)}</p>')
    title = next(l for l in lines if '关于' in l)
    return f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{PLAIN_CSS}</style></head>\n<body>\n' + '\n'.join(body) + '\n</body></html>\n'

def gbk_chrome_page(lines):
    title = next(l for l in lines if '关于' in l)
    related = ''.join(f'<li><a href="/xcgz/{1000+i}.html">{t}</a><span>2023-0{i+1}-1{i}</span></li>' for i, t in enumerate(
        ['市委巡察办召开巡察整改督导工作推进会', '关于第三轮巡察整改情况的通报', '全市巡察工作培训班开班', '巡察整改“回头看”工作部署会召开']))
    paras = '\n'.join(f'<p style="text-indent:2em">{html.escape(l)}</p>' for l in lines)
    return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{html.escape(title)}_巡察工作_示例市纪委监委网站</title>
<link rel="stylesheet" href="/css/style.css" />
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>统计</div>");</script>
<style>.nav li{{display:inline}} .hidden{{display:none}}</style>
</head>
<body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="示例市纪委监委" /></div>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键词" /><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jgsz/">机构设置</a></li><li><a href="/xwdt/">新闻动态</a></li><li><a href="/xcgz/">巡察工作</a></li><li><a href="/scdc/">审查调查</a></li><li><a href="/jbzq/">举报专区</a></li></ul></div>
<div class="main">
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xcgz/">巡察工作</a> &gt; 正文</div>
<div class="article">
<div class="info">发布时间：2023-06-20 09:30　来源：示例市委巡察办　浏览次数：<span id="hits">1234</span>　字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
<div class="TRS_Editor">
{paras}
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a> 分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="pages">上一篇：<a href="/xcgz/999.html">全市巡察工作会议召开</a><br />下一篇：<a href="/xcgz/1001.html">巡察整改工作推进会召开</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>{related}</ul></div>
</div>
<div class="footer"><p>主办单位：中共示例市纪律检查委员会　示例市监察委员会</p><p>版权所有：示例市纪委监委　地址：示例市人民路1号　邮编：450000</p><p>备案号：豫ICP备12345678号　网站标识码：4100000001</p></div>
<script>console.log("visit");</script>
</body>
</html>
'''

def cms_br_page(lines):
    title = next(l for l in lines if '关于' in l)
    body = '<br>\n'.join('&nbsp;&nbsp;&nbsp;&nbsp;' + html.escape(l) for l in lines)
    return f'''<!DOCTYPE html>
<html><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width"><title>{html.escape(title)}</title></head>
<body><div id="header"><a href="/">网站首页</a> | <a href="/list">通知公告</a></div>
<div class="wrapper"><div class="content" id="zoom">
{body}
</div></div>
<div id="footer">Copyright © 2023 示例县人民政府 All Rights Reserved</div></body></html>
'''

def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def soffice(src, fmt, outdir):
    run('soffice', '--headless', '--norestore', f'-env:UserInstallation=file://{TMP}/lo-profile', '--convert-to', fmt, '--outdir', outdir, src)

def add_page_footer(src, dst):
    """Adds a centred '— PAGE —' footer, as official documents number their pages."""
    d = docx.Document(src)
    footer = d.sections[0].footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = 1
    p.add_run('— ')
    run_ = p.add_run()
    for kind, text in (('begin', None), (None, 'PAGE'), ('separate', None), (None, '1'), ('end', None)):
        if kind:
            fc = OxmlElement('w:fldChar'); fc.set(qn('w:fldCharType'), kind); run_._r.append(fc)
        elif text == 'PAGE':
            it = OxmlElement('w:instrText'); it.set(qn('xml:space'), 'preserve'); it.text = ' PAGE '; run_._r.append(it)
        else:
            t = OxmlElement('w:t'); t.text = text; run_._r.append(t)
    p.add_run(' —')
    d.save(dst)

# ---------------------------------------------------------------- automatic numbering
MARKERS = [
    (re.compile(r'^([一二三四五六七八九十]+)、'), 0),
    (re.compile(r'^（([一二三四五六七八九十]+)）'), 1),
    (re.compile(r'^(\d+)\.'), 2),
]
CN = '一二三四五六七八九'

def cn_value(s):
    if s == '十': return 10
    if s.startswith('十'): return 10 + CN.index(s[1]) + 1
    if len(s) == 2 and s.endswith('十'): return (CN.index(s[0]) + 1) * 10
    if len(s) == 3: return (CN.index(s[0]) + 1) * 10 + CN.index(s[2]) + 1
    return CN.index(s) + 1

def numbering_xml(document, instances):
    """One abstractNum of three levels (一、 （一） 1.); num 1 plain, further nums restart a level (startOverride)."""
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    abstract = OxmlElement('w:abstractNum'); abstract.set(qn('w:abstractNumId'), '10')
    mlt = OxmlElement('w:multiLevelType'); mlt.set(qn('w:val'), 'multilevel'); abstract.append(mlt)
    for ilvl, (fmt, text) in enumerate([('chineseCounting', '%1、'), ('chineseCounting', '（%2）'), ('decimal', '%3.')]):
        lvl = OxmlElement('w:lvl'); lvl.set(qn('w:ilvl'), str(ilvl))
        for tag, val in (('w:start', '1'), ('w:numFmt', fmt), ('w:pStyle', f'Heading{ilvl+1}'), ('w:suff', 'nothing'), ('w:lvlText', text), ('w:lvlJc', 'left')):
            e = OxmlElement(tag); e.set(qn('w:val'), val); lvl.append(e)
        abstract.append(lvl)
    numbering.append(abstract)
    for num_id, overrides in instances:
        num = OxmlElement('w:num'); num.set(qn('w:numId'), str(num_id))
        a = OxmlElement('w:abstractNumId'); a.set(qn('w:val'), '10'); num.append(a)
        for ilvl, start in overrides:
            o = OxmlElement('w:lvlOverride'); o.set(qn('w:ilvl'), str(ilvl))
            s = OxmlElement('w:startOverride'); s.set(qn('w:val'), str(start)); o.append(s); num.append(o)
        numbering.append(num)

def set_num(paragraph, num_id, ilvl=None):
    element = paragraph._p if hasattr(paragraph, '_p') else paragraph.element
    ppr = element.get_or_add_pPr()
    numpr = OxmlElement('w:numPr')
    if ilvl is not None:
        i = OxmlElement('w:ilvl'); i.set(qn('w:val'), str(ilvl)); numpr.append(i)
    n = OxmlElement('w:numId'); n.set(qn('w:val'), str(num_id)); numpr.append(n)
    ppr.insert(0, numpr)

def autonumber_docx(lines, path):
    d = docx.Document()
    d.styles['Normal'].font.name = 'Noto Serif CJK SC'
    d.styles['Normal'].paragraph_format.first_line_indent = Pt(32)
    # Headings take their numbering from the style (numId 1 at their level): the inheritance Word uses.
    for ilvl in range(3):
        style = d.styles[f'Heading {ilvl+1}']
        style.paragraph_format.first_line_indent = Pt(32)
        set_num(style, 1, ilvl)
    instances = [(1, [])]
    current = 1
    counters = [0, 0, 0]
    for line in lines:
        for pattern, level in MARKERS:
            m = pattern.match(line)
            if not m: continue
            number = int(m.group(1)) if level == 2 else cn_value(m.group(1))
            expected = counters[level] + 1
            p = d.add_paragraph(line[m.end():], style=f'Heading {level+1}')
            if number != expected:
                # The typed number skips one the list would give (an unnumbered problem sits between):
                # a new list instance restarts this level at the number shown.
                current = len(instances) + 1
                instances.append((current, [(level, number)]))
            if current != 1:
                set_num(p, current, level)
            counters[level] = number
            for deeper in range(level + 1, 3): counters[deeper] = 0
            break
        else:
            p = d.add_paragraph(line)
            if is_signature(line): p.alignment = 2
    numbering_xml(d, instances)
    d.core_properties.title = next(l for l in lines if '关于' in l)
    d.save(path)

# ---------------------------------------------------------------- table-form notice
TABLE_ROWS = [
    ('一、党的政治建设方面', None),
    ('1', '学习贯彻习近平新时代中国特色社会主义思想不够深入，理论学习中心组学习流于形式。', '1.制定年度学习计划；2.开展专题研讨4次。', '已开展集中学习6次，形成调研报告3篇。', '县委办公室', '2023年6月', '已完成'),
    ('2', '落实意识形态工作责任制不到位。', '召开意识形态工作专题会议，开展风险隐患排查。', '排查风险点12个，已整改10个。', None, '2023年9月', '持续整改'),
    ('二、全面从严治党方面', None),
    ('3', '“三重一大”制度执行不严格，个别事项未经集体研究。', '修订《“三重一大”事项决策办法》，明确事项清单。', '办法已印发实施。', '县纪委监委', '2023年5月', '已完成'),
    ('4', '落实中央八项规定精神有差距，存在违规发放补贴问题。', '开展专项清理，追回违规发放补贴。', '追回资金3.2万元，对2名责任人进行诫勉谈话。', '县财政局', '2023年7月', '已完成'),
]

def table_html():
    rows = ['<tr><th rowspan="2">序号</th><th rowspan="2">反馈问题</th><th colspan="2">整改情况</th><th rowspan="2">责任单位</th><th rowspan="2">整改时限</th><th rowspan="2">完成情况</th></tr>',
            '<tr><th>整改措施</th><th>整改进展</th></tr>']
    for row in TABLE_ROWS:
        if row[1] is None:
            rows.append(f'<tr><td colspan="7"><b>{row[0]}</b></td></tr>')
            continue
        n, problem, measures, progress, unit, deadline, status = row
        unit_cell = '' if unit is None else (f'<td rowspan="2">{unit}</td>' if n == '1' else f'<td>{unit}</td>')
        rows.append(f'<tr><td>{n}</td><td>{problem}</td><td>{measures}</td><td>{progress}</td>{unit_cell}<td>{deadline}</td><td>{status}</td></tr>')
    return f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>示例县委巡察反馈问题整改台账</title>
<style>table{{border-collapse:collapse}}td,th{{border:1px solid #000;padding:4px}}</style></head>
<body>
<h1>中共示例县委关于巡察反馈问题整改情况的通报</h1>
<p>根据市委统一部署，2023年3月1日至4月30日，市委第三巡察组对示例县开展了常规巡察，5月15日反馈了巡察意见。现将整改情况以台账形式公布如下。</p>
<table>
{chr(10).join(rows)}
</table>
<p>欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0371-63219999。</p>
<p style="text-align:right">中共示例县委</p>
<p style="text-align:right">2023年10月9日</p>
</body></html>
'''

def main():
    os.makedirs(OUT, exist_ok=True)
    for name, seed in SEEDS.items():
        lines = lines_of(seed)
        open(os.path.join(OUT, f'{name}-gbk-chrome.html'), 'wb').write(gbk_chrome_page(lines).encode('gbk'))
        open(os.path.join(OUT, f'{name}-cms-br.html'), 'w', encoding='utf-8').write(cms_br_page(lines))
        plain = os.path.join(TMP, f'{name}.html')
        open(plain, 'w', encoding='utf-8').write(plain_page(name, lines))
        soffice(plain, 'docx:MS Word 2007 XML', TMP)
        shutil.copy(os.path.join(TMP, f'{name}.docx'), os.path.join(OUT, f'{name}-libreoffice.docx'))
        run('pandoc', '-f', 'html', '-t', 'docx', '-o', os.path.join(OUT, f'{name}-pandoc.docx'), plain)
        autonumber_docx(lines, os.path.join(OUT, f'{name}-autonumber.docx'))
        footed = os.path.join(TMP, 'pdf', f'{name}.docx')
        os.makedirs(os.path.dirname(footed), exist_ok=True)
        add_page_footer(os.path.join(TMP, f'{name}.docx'), footed)
        soffice(footed, 'pdf', os.path.join(TMP, 'pdf'))
        shutil.copy(os.path.join(TMP, 'pdf', f'{name}.pdf'), os.path.join(OUT, f'{name}-libreoffice-print.pdf'))
        run('chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--no-first-run', f'--user-data-dir={TMP}/chromium', f'--print-to-pdf={os.path.join(OUT, name + "-chromium-print.pdf")}', 'file://' + plain)
    table = os.path.join(OUT, 'table-form.html')
    open(table, 'w', encoding='utf-8').write(table_html())
    soffice(table, 'docx:MS Word 2007 XML', TMP)
    shutil.copy(os.path.join(TMP, 'table-form.docx'), os.path.join(OUT, 'table-form-libreoffice.docx'))
    shutil.rmtree(TMP, ignore_errors=True)

if __name__ == '__main__':
    main()
