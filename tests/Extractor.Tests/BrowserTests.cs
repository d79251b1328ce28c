using Extractor.Cli.Export.Html;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The review pages as a person sees them, in a real browser (headless Chromium): the highlights are there in their
/// colours, the outline's long titles wrap inside its pane, the page is not blank, and the index's script runs under
/// the page's own security policy.
/// </summary>
[NonParallelizable]
public sealed class BrowserTests
{
    private const int Width = 1280, Height = 1000;
    private string _dir = "";
    private string _review = "";

    [OneTimeSetUp]
    public void WritePages()
    {
        Chromium.Require();
        _dir = Directory.CreateTempSubdirectory("extractor-browser-").FullName;
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "review.txt"), CliRun.ReviewNotice(CliRun.UnbreakableTitle));
        File.Copy(Repo.Sample("formats/table-form.html"), Path.Combine(input, "table-form.html"));
        File.Copy(Repo.Sample("narrative-stats.txt"), Path.Combine(input, "narrative-stats.txt"));
        _review = Path.Combine(_dir, "review");
        var (code, _, stderr) = CliRun.Run("parse", input, "-f", "html", "-o", _review, "-q");
        Assert.That(code, Is.Zero, stderr);
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        if (_dir.Length > 0) Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void The_highlights_show_in_their_colours_on_a_page_that_is_not_blank()
    {
        var png = Chromium.Screenshot(Path.Combine(_review, "review.txt.html"), Path.Combine(_dir, "review.png"), Width, Height);
        Assert.That((png.Width, png.Height), Is.EqualTo((Width, Height)));
        foreach (var layer in new[] { "pb", "rc", "lb", "ms", "fd", "hd", "st", "md" })
            Assert.That(png.Count(PageStyle.Colour(layer)), Is.GreaterThan(150), $"the {layer} highlight is not on screen");
        Assert.That(png.Count(PageStyle.Colour("sc")), Is.GreaterThan(50), "the ongoing status cue");
        var white = png.Count((255, 255, 255));
        Assert.That(white, Is.LessThan(png.Width * png.Height * 0.9), "the page is mostly blank");
        Assert.That(png.Dark(380, 150, Width, Height), Is.GreaterThan(5_000), "no text on the page");
    }

    [Test]
    public void Long_titles_wrap_inside_the_outline_pane()
    {
        var png = Chromium.Screenshot(Path.Combine(_review, "review.txt.html"), Path.Combine(_dir, "tree.png"), Width, Height);
        var pane = Convert.ToByte(PageStyle.PaneColour[1..3], 16);
        // The pane (21rem = 336 px) is drawn in its colour from top to bottom below the header; find its right border.
        var top = Enumerable.Range(0, Height).First(y => png[5, y] == (pane, Convert.ToByte(PageStyle.PaneColour[3..5], 16), Convert.ToByte(PageStyle.PaneColour[5..7], 16)));
        var border = Enumerable.Range(200, 300).First(x => png[x, top + 40].R < pane - 20);
        Assert.That(border, Is.InRange(330, 340), "the pane's border");
        Assert.That(png.Dark(5, top, border - 1, Height), Is.GreaterThan(2_000), "the outline shows its entries");
        // Nothing of the outline is drawn in its right padding, nor beyond the pane: the long title wrapped.
        Assert.That(png.Dark(border - 8, top, border - 1, Height, level: 200), Is.Zero, "the outline's text runs into the pane's edge");
        Assert.That(png.Dark(border + 2, top, border + 20, Height, level: 200), Is.Zero, "the outline's text runs out of the pane");
    }

    [Test]
    public void The_index_shows_its_charts_and_its_table_sorts_under_its_security_policy()
    {
        var index = Path.Combine(_review, "index.html");
        var png = Chromium.Screenshot(index, Path.Combine(_dir, "index.png"), Width, Height);
        Assert.That(png.Count((0x81, 0xc7, 0x84)), Is.GreaterThan(100), "the done bar");
        Assert.That(png.Count((0x64, 0xb5, 0xf6)), Is.GreaterThan(100), "the bars of tags and issuers");
        Assert.That(png.Dark(0, 0, Width, Height), Is.GreaterThan(3_000));
        // The script turns each heading into a sort button; it runs only if the policy's hash is the script's.
        var dom = Chromium.Dom(index);
        Assert.That(dom, Does.Contain("<th data-type=\"number\"><button type=\"button\">items</button></th>"));
    }

    [Test]
    public void The_index_reads_without_javascript()
    {
        var dom = File.ReadAllText(Path.Combine(_review, "index.html"));
        Assert.That(dom, Does.Contain("<th data-type=\"number\">items</th>").And.Contain("review.txt.html"));
    }
}
