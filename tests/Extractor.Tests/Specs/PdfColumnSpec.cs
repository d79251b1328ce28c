using Extractor.Parsing.Readers.Pdf;
using Extractor.Parsing.Rules;

namespace Extractor.Tests.Specs;

/// <summary>
/// Pages laid out in columns are read column by column: a title across the page first, then the left column top to
/// bottom, then the right, then what stands across the page below; pages in one column, tables and signatures at the
/// right are read as they always were, line by line.
/// </summary>
public sealed class PdfColumnSpec
{
    // Letters 12 pt wide and high; lines 18 pt apart from the top of the page.
    private static IEnumerable<Glyph> Text(string text, double left, int row) =>
        text.Select((c, i) => new Glyph(c.ToString(), left + 12 * i, left + 12 * (i + 1), 800 - 18 * row, 12));

    private static List<string> Lines(IEnumerable<Glyph> glyphs, PdfLayoutOptions? options = null) =>
        [.. GlyphLines.Page(1, glyphs, options ?? PdfLayoutOptions.Default).Select(l => $"{l.Column}:{l.Text}")];

    /// <summary>Two columns of 15 letters (x 60–240 and 264–444) with a 24 pt gutter, eight rows each.</summary>
    private static IEnumerable<Glyph> Columns(int firstRow, int rows) => Enumerable.Range(0, rows).SelectMany(i =>
        Text($"左栏第{i + 1}行正文左栏正文左栏正文"[..15], 60, firstRow + i).Concat(Text($"右栏第{i + 1}行正文右栏正文右栏正文"[..15], 264, firstRow + i)));

    [Test]
    public void Two_columns_under_a_title_across_the_page_are_read_left_column_first()
    {
        var lines = Lines([.. Text("关于巡察整改情况的通报", 186, 0), .. Columns(2, 8), .. Text("第1页", 234, 12)]);
        Assert.That(lines[0], Is.EqualTo("0:关于巡察整改情况的通报"));
        Assert.That(lines[1..9], Is.EqualTo(Enumerable.Range(1, 8).Select(i => $"1:左栏第{i}行正文左栏正文左栏正文"[..17])));
        Assert.That(lines[9..17], Is.EqualTo(Enumerable.Range(1, 8).Select(i => $"2:右栏第{i}行正文右栏正文右栏正文"[..17])));
        Assert.That(lines[^1], Is.EqualTo("0:第1页"));
    }

    [Test]
    public void A_print_footer_beyond_the_columns_margins_stays_across_the_page()
    {
        // Chromium's footer: the URL at the page's left corner, the page count at its right, one line under the text.
        var lines = Lines([.. Columns(0, 8), .. Text("file:///a.html", 12, 8), .. Text("1/3", 540, 8)]);
        Assert.That(lines[^1], Is.EqualTo("0:file:///a.html 1/3"));
        Assert.That(lines[0], Does.StartWith("1:左栏第1行"));
        Assert.That(lines[8], Does.StartWith("2:右栏第1行"));
    }

    [Test]
    public void A_page_in_one_column_with_a_signature_at_the_right_is_read_line_by_line()
    {
        var glyphs = new List<Glyph>(Text("关于巡察整改情况的通报", 186, 0));
        for (var row = 1; row <= 8; row++) glyphs.AddRange(Text("正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文", 60, row));
        glyphs.AddRange(Text("中共示例县委", 372, 9));
        glyphs.AddRange(Text("2021年1月7日", 336, 10));
        Assert.That(Lines(glyphs), Is.EqualTo(GlyphLines.Build(1, glyphs, PdfLayoutOptions.Default).Select(l => $"0:{l.Text}")));
    }

    [Test]
    public void A_table_whose_columns_differ_in_width_is_read_row_by_row()
    {
        // 序号 | 问题: a narrow column and a wide one with a gutter between them on every row.
        var glyphs = Enumerable.Range(0, 8).SelectMany(i => Text($"{i + 1}", 60, i).Concat(Text("问题问题问题问题问题问题问题问题", 120, i))).ToList();
        Assert.That(Lines(glyphs), Has.All.StartWith("0:"));
        Assert.That(Lines(glyphs)[0], Is.EqualTo("0:1 问题问题问题问题问题问题问题问题"));
    }

    [Test]
    public void Columns_can_be_switched_off()
    {
        var lines = Lines(Columns(0, 8), PdfLayoutOptions.Default with { Columns = false });
        Assert.That(lines, Has.Count.EqualTo(8));
        Assert.That(lines[0], Is.EqualTo("0:左栏第1行正文左栏正文左栏正文 右栏第1行正文右栏正文右栏正文"));
    }

    [Test]
    public void A_paragraph_runs_on_from_the_foot_of_the_left_column_to_the_head_of_the_right()
    {
        // Margins are measured per column: the right column's lines are not indented for starting at x = 264.
        PdfLine Line(int column, int n, string text, double left, double baseline) =>
            new(1, n, text, left, left + 12 * text.Length, baseline, 12, 12) { Column = column };
        var page = new List<PdfLine>
        {
            Line(1, 1, "整改情况：已完成左栏正文左", 84, 800), Line(1, 2, "正文左栏正文左栏正文左栏正文左", 60, 782), Line(1, 3, "正文左栏正文左栏正文左栏正文左", 60, 764),
            Line(2, 4, "正文右栏正文右栏正文右栏正文右", 264, 800), Line(2, 5, "正文右栏正文右栏正文右栏正文右", 264, 782), Line(2, 6, "完。", 264, 764),
            Line(2, 7, "二、下一段", 288, 746),
        };
        var paragraphs = new LineParagraphBuilder().Paragraphs([page], PdfLineCues.From(RuleSet.Default));
        Assert.That(paragraphs.Select(p => p.Count), Is.EqualTo(new[] { 6, 1 }));
    }
}
