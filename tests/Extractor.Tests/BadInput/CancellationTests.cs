using System.Diagnostics;
using System.Text;
using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests.BadInput;

/// <summary>
/// A cancelled parse stops: every long loop — reading, normalizing, the outline, extraction — looks at the token, so a
/// file that timed out in a batch costs only itself. Each input is parsed once to measure it (best of three), then
/// cancelled at a fifth, two fifths and three fifths of that time: each must end in OperationCanceledException, and soon
/// after the cancel — within 15 % of the full parse (measured: under 5 %; with checks only between the stages, up to
/// 40 %) — rather than run on unseen. Ratios of the same machine's times, not fixed limits.
/// </summary>
[NonParallelizable]
public sealed class CancellationTests
{
    public static IEnumerable<TestCaseData> Inputs()
    {
        yield return new TestCaseData("text", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 20_000)
            .Select(i => $"（{i % 99 + 1}）针对制度不健全的问题{i}\n整改情况：一是建立制度，二是开展检查，已完成整改。联系电话：0371-1234567。\n"))))
            .SetName("A_cancelled_parse_of_a_long_text_stops");
        yield return new TestCaseData("docx", Docx.Build(string.Concat(Enumerable.Range(1, 20_000)
            .Select(i => Docx.P($"（{i % 99 + 1}）问题{i}不到位") + Docx.P("整改情况：一是建立制度，二是开展检查，已完成整改。")))))
            .SetName("A_cancelled_parse_of_a_long_Word_document_stops");
        yield return new TestCaseData("html", Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Range(1, 20_000)
            .Select(i => $"<p>（{i % 99 + 1}）问题{i}不到位</p><p>整改情况：已完成整改。</p>")) + "</body></html>"))
            .SetName("A_cancelled_parse_of_a_long_page_stops");
    }

    [TestCaseSource(nameof(Inputs))]
    [CancelAfter(300_000)]
    public void A_cancelled_parse_stops_soon(string format, byte[] input)
    {
        var parser = new NoticeParser();
        var full = Enumerable.Range(0, 3).Min(_ =>
        {
            var clock = Stopwatch.StartNew();
            parser.Parse(input, InputFormat.Auto, "input." + format);
            return clock.Elapsed;
        });
        foreach (var fraction in new[] { 0.2, 0.4, 0.6 })
        {
            using var cancel = new CancellationTokenSource(full * fraction);
            var clock = Stopwatch.StartNew();
            Assert.That(() => parser.Parse(input, InputFormat.Auto, "input." + format, cancel.Token), Throws.InstanceOf<OperationCanceledException>(),
                $"cancelled at {fraction:P0} of {full.TotalMilliseconds:0} ms, the parse ran to its end");
            var after = clock.Elapsed - full * fraction;
            Assert.That(after, Is.LessThan(full * 0.15), $"cancelled at {fraction:P0} of {full.TotalMilliseconds:0} ms, it stopped {after.TotalMilliseconds:0} ms later");
        }
    }
}
