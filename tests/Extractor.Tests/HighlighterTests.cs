using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Extractor.Cli.Export.Html;

namespace Extractor.Tests;

/// <summary>Marks over text become well-formed nested spans, whatever their overlaps; the text itself is escaped and kept whole.</summary>
public sealed partial class HighlighterTests
{
    private static string Write(string text, Mark[] marks, Point[]? points = null)
    {
        var html = new StringBuilder();
        Highlighter.Write(html, text, marks, points ?? []);
        return html.ToString();
    }

    [Test]
    public void Nested_marks_nest()
    {
        Assert.That(Write("abcdef", [new(0, 6, "rc"), new(1, 3, "ms"), new(2, 3, "sc")]),
            Is.EqualTo("<span class=\"rc\">a<span class=\"ms\">b<span class=\"sc\">c</span></span>def</span>"));
    }

    [Test]
    public void A_mark_that_crosses_another_is_split_and_reopened()
    {
        // wn [2, 5) crosses the end of pb [0, 4): pb closes at 4 with wn inside it, and wn goes on alone.
        Assert.That(Write("abcdef", [new(0, 4, "pb", "i1"), new(2, 5, "wn", "w1", "t")]),
            Is.EqualTo("<span class=\"pb\" id=\"i1\">ab<span class=\"wn\" id=\"w1\" title=\"t\">cd</span></span><span class=\"wn\" title=\"t\">e</span>f"));
    }

    [Test]
    public void A_point_outside_highlights_closes_and_reopens_them()
    {
        Assert.That(Write("abcd", [new(0, 4, "rc")], [new(2, "<hr>", Outside: true)]),
            Is.EqualTo("<span class=\"rc\">ab</span><hr><span class=\"rc\">cd</span>"));
    }

    [Test]
    public void Text_and_titles_are_escaped()
    {
        var html = Write("<script>x</script>&\"'", [new(0, 8, "pb", Title: "\"><script>")]);
        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Is.EqualTo("<span class=\"pb\" title=\"&quot;&gt;&lt;script&gt;\">&lt;script&gt;</span>x&lt;/script&gt;&amp;&quot;&#39;"));
    }

    [Test]
    public void Offsets_inside_a_surrogate_pair_move_past_it()
    {
        var text = "a\U00020000b"; // a, an ideograph of plane 2, b
        Assert.That(Write(text, [new(0, 2, "pb")]), Is.EqualTo("<span class=\"pb\">a\U00020000</span>b"));
    }

    [Test]
    public void Marks_out_of_range_or_empty_are_dropped_not_thrown()
    {
        Assert.That(Write("abc", [new(-5, 1, "pb"), new(2, 2, "ms"), new(2, 99, "rc")]),
            Is.EqualTo("<span class=\"pb\">a</span>b<span class=\"rc\">c</span>"));
    }

    [Test]
    public void Any_marks_give_well_formed_markup_that_reads_back_to_the_text()
    {
        var random = new Random(14);
        for (var run = 0; run < 300; run++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => "ab<&\n问题整"[random.Next(8)])]);
            var marks = Enumerable.Range(0, random.Next(0, 8))
                .Select(i => new Mark(random.Next(-2, text.Length + 2), random.Next(-2, text.Length + 2), "c" + i % 3)).ToArray();
            var html = Write(text, marks);
            var depth = 0;
            foreach (Match tag in Tag().Matches(html))
            {
                depth += tag.Value.StartsWith("</", StringComparison.Ordinal) ? -1 : 1;
                Assert.That(depth, Is.GreaterThanOrEqualTo(0), html);
            }
            Assert.That(depth, Is.Zero, html);
            Assert.That(WebUtility.HtmlDecode(Tag().Replace(html, "")), Is.EqualTo(text));
        }
    }

    [GeneratedRegex("</?span[^>]*>")]
    private static partial Regex Tag();
}
