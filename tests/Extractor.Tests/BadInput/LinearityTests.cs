using System.Diagnostics;
using System.Text;
using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests.BadInput;

/// <summary>
/// Time and memory grow linearly with the input: each case is parsed at a size and at twice and four times that size,
/// and the growth is measured — the smaller of the two doublings' cost ratios (best of three runs each) is under 3: a
/// linear cost doubles, a quadratic one quadruples. Ratios of runs on the same machine, not times against a limit: a
/// busy machine slows every size alike, and one slowed run can spoil one ratio but not both. Allocated bytes are
/// measured the same way.
/// </summary>
[NonParallelizable]
public sealed class LinearityTests
{
    private const double MaxGrowth = 3;

    /// <summary>A case: how to make input of about <c>size</c> bytes, and the format to read it as.</summary>
    public sealed record GrowthCase(string Name, Func<int, byte[]> Make, int Size);

    private static byte[] Repeat(string unit, int size, string head = "", string tail = "")
    {
        var text = new StringBuilder(head);
        var bytes = Encoding.UTF8.GetByteCount(unit);
        for (var i = 0; i < size / bytes; i++) text.Append(unit);
        return Encoding.UTF8.GetBytes(text.Append(tail).ToString());
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        // One long line of each kind of text a rule pattern scans, alone and between a heading and its rectification.
        var units = new Dictionary<string, string>
        {
            ["measures"] = "整改情况一是二是",
            ["letters"] = "a",
            ["breadcrumbs"] = "首页>",
            ["postal"] = "邮政信箱甲",
            ["emails"] = "a@a.",
            ["statistics"] = "发现1",
            ["inspection"] = "对甲开展",
            ["inspector"] = "第一巡察组",
            ["sentences"] = "，我局高度重视",
            ["labels"] = "。整改情况：",
            ["feedback"] = "1月1日反馈",
        };
        foreach (var (name, unit) in units)
        {
            yield return new TestCaseData(new GrowthCase("line_of_" + name, size => Repeat(unit, size), 1 << 20)).SetName("Linear_time_a_line_of_" + name);
            yield return new TestCaseData(new GrowthCase("item_line_of_" + name, size => Repeat(unit, size, "一、问题甲\n", "\n整改情况：已完成。"), 1 << 20))
                .SetName("Linear_time_an_item_whose_text_is_a_line_of_" + name);
        }
    }

    /// <summary>Documents of many small parts: paragraphs, elements, headings — what a reader or the outline walks.</summary>
    public static IEnumerable<TestCaseData> Structures()
    {
        yield return new TestCaseData(new GrowthCase("docx_paragraphs", n => Docx.Build(string.Concat(Enumerable.Range(0, n).Select(i => Docx.P($"一是措施{i}。")))), 5_000))
            .SetName("Linear_time_a_Word_document_of_many_paragraphs");
        yield return new TestCaseData(new GrowthCase("html_paragraphs", n => Encoding.UTF8.GetBytes(
            "<html><body>" + string.Concat(Enumerable.Range(0, n).Select(i => $"<p>（{i % 9 + 1}）问题{i}</p>")) + "</body></html>"), 10_000))
            .SetName("Linear_time_an_HTML_page_of_many_paragraphs");
        yield return new TestCaseData(new GrowthCase("inferred_headings", n => Encoding.UTF8.GetBytes(
            "一、总体\n" + string.Concat(Enumerable.Range(0, n).Select(i => $"针对制度不健全的问题{i}\n整改情况：已完成。\n")) + "（一）问题\n整改情况：已完成。\n"), 5_000))
            .SetName("Linear_time_a_text_of_many_unnumbered_problems");
        yield return new TestCaseData(new GrowthCase("numbered_list", n => Encoding.UTF8.GetBytes(
            "一、问题\n" + string.Concat(Enumerable.Range(1, n).Select(i => $"{i % 999 + 1}.问题{i}不到位\n整改情况：已完成。\n"))), 5_000))
            .SetName("Linear_time_a_long_numbered_list");
        yield return new TestCaseData(new GrowthCase("wrapped_table", n => Encoding.UTF8.GetBytes(
            "序号 | 问题 |\n整改措施 |\n" + string.Concat(Enumerable.Range(1, n).Select(i => $"{i} | 问题{i}。 |\n已完成。 |\n"))), 5_000))
            .SetName("Linear_time_a_text_table_whose_rows_wrap");
        // Header-like lines again and again in a run of bar lines that ends on a short row from every one of them: no start
        // inside the run is retried (each retry read the run to its end: 1.5 s for 2,000 repeats, 17 s for 8,000).
        yield return new TestCaseData(new GrowthCase("undivided_bar_run", n => Encoding.UTF8.GetBytes(
            string.Concat(Enumerable.Range(1, n).Select(i => "甲 |\n乙 |\n1 |\n2 |\n")) + "1 |\n丙 | 丁\n"), 2_000))
            .SetName("Linear_time_a_run_of_bar_lines_that_does_not_divide_into_rows");
    }

    [TestCaseSource(nameof(Structures))]
    [CancelAfter(300_000)]
    public void Parsing_time_and_memory_grow_linearly_with_the_parts(GrowthCase c) => Parsing_time_and_memory_grow_linearly(c);

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(300_000)]
    public void Parsing_time_and_memory_grow_linearly(GrowthCase c)
    {
        var parser = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxInputBytes = 256L << 20 } });
        var cost = new[] { 1, 2, 4 }.Select(k => Measure(parser, c.Make(c.Size * k))).ToList();
        var time = Math.Min(cost[1].Seconds / cost[0].Seconds, cost[2].Seconds / cost[1].Seconds);
        var memory = Math.Min((double)cost[1].Bytes / cost[0].Bytes, (double)cost[2].Bytes / cost[1].Bytes);
        var report = $"{c.Name}: {string.Join(", ", cost.Select((x, i) => $"{c.Size * (1 << i)}: {x.Seconds * 1000:0} ms, {x.Bytes >> 20} MiB allocated"))}";
        TestContext.Out.WriteLine(report);
        Assert.That(time, Is.LessThan(MaxGrowth), "time: " + report);
        Assert.That(memory, Is.LessThan(MaxGrowth), "memory: " + report);
    }

    private static (double Seconds, long Bytes) Measure(NoticeParser parser, byte[] input)
    {
        var best = double.MaxValue;
        long bytes = 0;
        for (var run = 0; run < 3; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            try
            {
                parser.Parse(input, InputFormat.Auto, "input");
            }
            catch (NoticeFormatException)
            {
                // refused for a reason of its own: the cost of finding that out is what is measured
            }
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return (Math.Max(best, 1e-4), Math.Max(bytes, 1));
    }
}
