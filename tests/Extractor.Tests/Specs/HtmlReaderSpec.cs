using System.Text;
using Extractor.Parsing;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Reading HTML pages: decoding, the article among site chrome, blocks, titles.</summary>
public sealed class HtmlReaderSpec
{
    static HtmlReaderSpec() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Article = "<p>一、问题甲</p><p>整改情况：召开会议，已完成。</p>";

    private static Notice Read(string html, Encoding? encoding = null) => Parser.Parse((encoding ?? Encoding.UTF8).GetBytes(html), InputFormat.Html);

    [Test]
    public void A_page_declaring_gb2312_is_decoded_from_its_GBK_bytes()
    {
        var notice = Read($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>{Article}</body></html>",
            Encoding.GetEncoding("gbk"));
        Assert.That(notice.Source.Encoding, Is.EqualTo("gb18030"));
        Assert.That(notice.Items.Single().Problem.Title, Is.EqualTo("问题甲"));
    }

    [Test]
    public void A_page_whose_bytes_contradict_its_charset_is_detected_with_a_warning()
    {
        var notice = Read($"<html><head><meta charset=\"utf-8\"></head><body>{Article}</body></html>", Encoding.GetEncoding("gbk"));
        Assert.That(notice.Items.Single().Problem.Title, Is.EqualTo("问题甲"));
        Assert.That(notice.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.EncodingGuessed));
    }

    [Test]
    public void A_page_without_charset_is_detected_from_its_bytes()
    {
        var notice = Read($"<html><body>{Article}</body></html>", Encoding.GetEncoding("gbk"));
        Assert.That(notice.Source.Encoding, Is.EqualTo("gb18030"));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public void Br_div_and_p_all_cut_paragraphs()
    {
        var notice = Read("<div class=\"content\">&nbsp;&nbsp;一、问题甲<br>&nbsp;&nbsp;整改情况：已完成。<br><div>二、问题乙</div>整改情况：正在推进。</div>");
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改情况 | done | 0", "#2 二、 问题乙 | 整改情况 | ongoing | 0")));
    }

    [Test]
    public void Site_chrome_around_the_article_is_dropped()
    {
        var related = string.Concat(Enumerable.Range(1, 8).Select(i => $"<li><a href=\"/{i}\">关于第{i}轮巡察整改情况的通报</a></li>"));
        var notice = Read($$"""
            <html><head><title>关于巡察整改情况的通报_示例网</title><style>.x{display:block}</style><script>var x = "一、脚本";</script></head>
            <body><div class="nav"><a href="/">首页</a> | <a href="/a">机构概况</a> | <a href="/b">政务公开</a></div>
            <div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; 巡察整改</div>
            <div class="art"><div class="info">发布时间：2023-06-20　来源：巡察办　浏览次数：12</div>
            <div class="text"><p>根据市委统一部署，现将巡察整改情况予以公布。</p>{{Article}}<p>二、问题乙</p><p>整改情况：正在推进整改工作，尚未全部完成。</p></div>
            <div class="tools">【打印本页】【关闭窗口】</div></div>
            <ul class="related">{{related}}</ul></div>
            <footer>版权所有：示例市纪委监委　备案号：豫ICP备12345678号</footer><script>document.write("三、问题丙");</script></body></html>
            """);
        Assert.That(notice.Preamble, Is.EqualTo("根据市委统一部署，现将巡察整改情况予以公布。"));
        Assert.That(notice.Items, Has.Count.EqualTo(2));
        Assert.That(notice.Items[1].Rectification!.Text, Is.EqualTo("正在推进整改工作，尚未全部完成。"));
        Assert.That(notice.Title, Is.EqualTo("关于巡察整改情况的通报"), "from <title>, without the site name");
    }

    [Test]
    public void The_h1_gives_the_title_when_the_article_has_none()
    {
        var notice = Read($"<body><h1>关于县委巡察整改进展情况的通报</h1><div>{Article}<p>二、问题乙</p><p>整改情况：已完成。</p></div></body>");
        Assert.That(notice.Title, Is.EqualTo("关于县委巡察整改进展情况的通报"));
    }

    [Test]
    public void An_article_in_a_layout_table_cell_is_found()
    {
        var nav = string.Concat(Enumerable.Range(1, 6).Select(i => $"<a href=\"/{i}\">栏目{i}</a><br>"));
        var notice = Read($"<body><table><tr><td>{nav}</td><td><table><tr><td>{Article}<p>二、问题乙</p><p>整改情况：已完成。</p></td></tr></table></td></tr></table></body>");
        Assert.That(notice.Items, Has.Count.EqualTo(2));
    }

    [Test]
    public void Locations_give_the_element_path()
    {
        var notice = Read($"<html><body><div><p>前言。</p>{Article}</div></body></html>");
        Assert.That(notice.Items[0].Rectification!.Location.Path, Is.EqualTo("body/div/p[3]"));
    }

    [Test]
    public void Sloppy_markup_is_not_mistaken_for_deep_nesting()
    {
        var unclosed = string.Concat(Enumerable.Repeat("<p>段落", 500)) + string.Concat(Enumerable.Repeat("<font color=red>", 200))
            + "<script>for (;;) document.write('<div><div><div>');</script><!-- <div><div> -->";
        var notice = Read($"<body>{unclosed}{Article}</body>");
        Assert.That(notice.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public void Hidden_elements_are_not_read()
    {
        var notice = Read($"<body><div>{Article}<p style=\"display:none\">二、隐藏的问题</p><p hidden>整改情况：隐藏。</p></div></body>");
        Assert.That(notice.Items, Has.Count.EqualTo(1));
    }
}
