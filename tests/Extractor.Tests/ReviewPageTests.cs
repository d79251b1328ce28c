using System.Text.RegularExpressions;
using Extractor.Cli.Export.Html;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// <c>-f html</c>: a review page per notice — its text with everything found highlighted in place, the outline beside it,
/// warnings linked to their place — self-contained and safe whatever the notice holds; an index for a batch.
/// </summary>
public sealed partial class ReviewPageTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-review-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Page(string input, params string[] extra)
    {
        var output = Path.Combine(_dir, "page.html");
        var (code, _, stderr) = CliRun.Run(["parse", input, "-o", output, .. extra]);
        Assert.That(code, Is.Zero, stderr);
        return File.ReadAllText(output);
    }

    [Test]
    public void A_notice_page_highlights_every_kind_of_value_in_place()
    {
        var html = Page(Write("review.txt", CliRun.ReviewNotice()));
        foreach (var layer in PageStyle.Layers)
            Assert.That(html, Does.Contain($"<span class=\"{layer.Class}"), $"no {layer.Class} highlight");
        Assert.That(html, Does.Contain("<span class=\"lb\" title=\"label\">整改情况</span>"));
        Assert.That(html, Does.Contain("<span class=\"sc done\" title=\"status: done\">已完成整改</span>"));
        Assert.That(html, Does.Contain("<span class=\"fd\" title=\"责任单位\">责任单位：镇党委</span>"));
        Assert.That(html, Does.Contain("<span class=\"ms\" title=\"measure 一是\">一是制定学习计划"));
    }

    [Test]
    public void Markup_in_a_notice_is_shown_as_text_and_nothing_runs_or_loads()
    {
        var html = Page(Write("a<b>&\"c.txt", CliRun.ReviewNotice()));
        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(1)&gt;"));
        Assert.That(html, Does.Contain("a&lt;b&gt;&amp;&quot;c.txt"));
        // Self-contained: nothing to fetch, and a policy that forbids fetching and any script.
        Assert.That(External().Matches(html), Is.Empty);
        Assert.That(html, Does.Contain("default-src 'none'").And.Contain("script-src 'none'"));
        Assert.That(html, Does.Contain(Html.Hash(PageStyle.Notice)), "the style's hash, so the policy lets the page's own style apply");
    }

    [Test]
    public void The_outline_links_every_section_and_item_and_the_warnings_link_to_their_place()
    {
        var html = Page(Write("review.txt", CliRun.ReviewNotice()));
        var notice = Parsing.NoticeJson.Deserialize(CliRun.Run("parse", Path.Combine(_dir, "review.txt")).Out);
        var ids = Id().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        var links = Link().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(links.Where(l => !ids.Contains(l)), Is.Empty, "every link has its anchor");
        foreach (var item in notice.Items) Assert.That(ids, Does.Contain($"i{item.Index}"));
        Assert.That(links, Does.Contain("i1").And.Contain("i2").And.Contain("i3"));
        Assert.That(links.Count(l => l.StartsWith('w')), Is.EqualTo(notice.Warnings.Count(w => w.Location is not null)));
        // （一） and （二） are items whose problem is their heading: their outline entries carry their status.
        Assert.That(html, Does.Contain("<a href=\"#i1\"><span class=\"badge done\">done</span><span class=\"mk\">（一）</span>学习贯彻不深入</a>"));
        Assert.That(html, Does.Contain("<a href=\"#s1\"><span class=\"mk\">一、</span>"));
    }

    [Test]
    public void A_pdf_page_shows_its_page_breaks_and_the_outline_its_pages()
    {
        var html = Page(Repo.Sample("formats/seed-002-libreoffice-print.pdf"));
        Assert.That(html, Does.Contain("<span class=\"page\" id=\"p1\">page 1</span>").And.Contain("id=\"p2\""));
        Assert.That(html, Does.Contain("<span class=\"pg\">page 1</span>"));
    }

    [Test]
    public void A_page_made_in_a_worker_is_the_page_made_in_process()
    {
        var pdf = Repo.Sample("formats/seed-002-libreoffice-print.pdf");
        Assert.That(Page(pdf, "--isolate", "all"), Is.EqualTo(Page(pdf, "--isolate", "none", "--force")));
    }

    [Test]
    public void One_notice_prints_its_page_and_a_batch_needs_a_folder()
    {
        var (code, stdout, _) = CliRun.Run("parse", Repo.Seed002, "-f", "html");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.StartWith("<!DOCTYPE html>").And.Contain("针对产业发展推进缓慢的问题"));
        Assert.That(CliRun.Run("parse", Repo.Seed002, Repo.Seed000, "-f", "html").Code, Is.EqualTo(2));
    }

    [Test]
    public void A_batch_gets_a_page_per_notice_and_an_index_with_charts_and_every_file()
    {
        var input = Path.Combine(_dir, "in");
        Write("in/a.txt", CliRun.ReviewNotice());
        Write("in/sub/b.txt", "一、问题乙\n整改情况：正在推进。");
        Write("in/sub/copy of a.txt", "来源：某网站\n" + CliRun.ReviewNotice().Replace("。", "."));
        File.WriteAllBytes(Path.Combine(input, "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        var output = Path.Combine(_dir, "review");
        var (code, _, stderr) = CliRun.Run("parse", input, "-f", "html", "-o", output);
        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(File.Exists(Path.Combine(output, "a.txt.html")) && File.Exists(Path.Combine(output, "sub", "b.txt.html")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(output, "sub", "b.txt.html")), Does.Contain("<a href=\"../index.html\">← All files</a>"));
        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.That(Regex.Count(index, "<svg "), Is.EqualTo(3), "items by status, by tag, by issuer");
        Assert.That(Regex.Count(index, "<tr[ >]"), Is.EqualTo(1 + 4), "the header and a row per file");
        Assert.That(index, Does.Contain("<a href=\"sub/copy%20of%20a.txt.html\">"));
        Assert.That(index, Does.Contain("<tr class=\"copy\">"), "the mirror copy is marked");
        Assert.That(index, Does.Contain("<tr class=\"failed\"><td>" + Html.Escape(input + "/broken.docx")));
        Assert.That(index, Does.Contain(Html.Hash(PageStyle.SortScript)), "the policy lets the sorting script run");
        Assert.That(External().Matches(index), Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(output, "errors.csv")), Does.Contain("broken.docx"));

        // Pages the tool wrote are never read back as notices.
        var again = CliRun.Run("parse", _dir, "-f", "jsonl", "-q");
        Assert.That(again.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3));
    }

    [Test]
    public void Pages_speak_the_users_language()
    {
        var output = Path.Combine(_dir, "zh.html");
        Assert.That(CliRun.RunIn("zh", "parse", Write("review.txt", CliRun.ReviewNotice()), "-o", output).Code, Is.Zero);
        var html = File.ReadAllText(output);
        Assert.That(html, Does.Contain("<html lang=\"zh-CN\">").And.Contain(">目录</h2>").And.Contain("<span class=\"badge ongoing\">整改中</span>"));
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*"(?:https?:|//)|<link|@import|url\(""")]
    private static partial Regex External();

    [GeneratedRegex("""\bid="([^"]+)""")]
    private static partial Regex Id();

    [GeneratedRegex("""href="#([^"]+)""")]
    private static partial Regex Link();
}
