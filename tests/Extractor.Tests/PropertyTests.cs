using System.Text;
using System.Text.Json.Nodes;
using Extractor.Parsing;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Readers.PlainText;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Extractor.Tests;

/// <summary>
/// Invariants that hold for any text (FsCheck: generated notice-like texts, shrunk to a minimal case on failure):
/// parsing never throws; every visible character lands in exactly one place of the outline; every location lies
/// inside the text; the JSON reads back to the same bytes.
/// </summary>
public sealed class PropertyTests
{
    /// <summary>
    /// 400 cases from a fixed seed, so that CI is deterministic; set EXTRACTOR_PROPERTY_RUNS to run more, from a fresh seed
    /// (a failure prints the seed to replay).
    /// </summary>
    private static readonly Config Runs = int.TryParse(Environment.GetEnvironmentVariable("EXTRACTOR_PROPERTY_RUNS"), out var runs)
        ? Config.QuickThrowOnFailure.WithMaxTest(runs).WithQuietOnSuccess(true)
        : Config.QuickThrowOnFailure.WithMaxTest(400).WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(20261123, 5), Microsoft.FSharp.Core.FSharpOption<int>.None));

    /// <summary>Notice-like text: lines of markers, labels, sentences, ordinals, signatures and noise, with every line end.</summary>
    private static Arbitrary<string> Texts()
    {
        var markers = Gen.Elements("一、", "二、", "十一、", "（一）", "（三）", "(二)", "1.", "2、", "3．", "（1）", "(2)", "①", "②", "4、5次", "1.5亿元", "");
        var labels = Gen.Elements("整改情况：", "整改落实情况:", "整改措施：", "【整改成效】", "整改问题：", "问题2：", "反馈问题：", "整改状态：完成",
            "完成情况：已完成", "责任单位：县委办", "整改结果", "");
        var words = Gen.Elements("针对", "问题", "不到位", "已完成", "正在推进", "一是", "二是", "三是", "会议", "2023年5月6日", "，", "。", "；",
            "“三重一大”", "欢迎广大干部群众", "电话0371-1234567", "市委第五巡察组", "对示例县开展了专项巡察", "中共示例县委", " ", "\u3000",
            "\u00A0", "\u200B", "x", "⼀", "戶", "\uF900", "—", "A", "9", "𠀀𪚥", "２０２３年５月", "０３71", "审计发现的主要问题", "被审计单位的整改情况");
        var sentence = Gen.ListOf(words).Select(w => string.Concat(w));
        var noise = Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString());
        var line = Gen.Frequency(
            (6, from m in markers from l in labels from s in sentence select m + l + s),
            (1, Gen.ListOf(noise).Select(n => string.Concat(n))),
            (1, Gen.Elements("关于巡察整改情况的通报", "中共示例县委", "2024年1月10日", "【巡察整改】关于", "集中整改进展情况的通报 2023-09-18")));
        var ending = Gen.Elements("\n", "\r\n", "\r", "\n\n", "\u2028");
        var text = Gen.ListOf(from l in line from e in ending select l + e).Select(ls => string.Concat(ls));
        return text.ToArbitrary();
    }

    private static void ForAll(Action<string> property) => Check.One(Runs, Prop.ForAll(Texts(), property));

    [Test]
    public void Parsing_any_text_never_throws_except_for_empty_text() => ForAll(text =>
    {
        try
        {
            _ = Support.Spec.Parser.ParseText(text);
        }
        catch (NoticeFormatException e) when (e.Kind == NoticeErrorKind.Empty)
        {
        }
    });

    [Test]
    public void Every_visible_character_lands_in_exactly_one_place() => ForAll(text =>
    {
        var document = PlainTextReader.Read(text, "utf-16");
        var outline = OutlineProcessor.Build(Normalizer.Normalize(document), CompiledRules.Default);
        var count = new int[text.Length];
        foreach (var (_, start, end) in outline.Spans())
            for (var i = start; i < end; i++) count[i]++;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var visible = !CharClass.IsSpaceOrInvisible(c) && c is not ('\n' or '\r' or '\u2028' or '\u2029' or '\u0085');
            if (visible && count[i] != 1)
                Assert.Fail($"character {i} '{c}' (U+{(int)c:X4}) is in {count[i]} places\n{text}");
            if (!visible && count[i] > 1)
                Assert.Fail($"character {i} (U+{(int)c:X4}) is in {count[i]} places\n{text}");
        }
    });

    [Test]
    public void Sections_and_items_nest_by_location() => ForAll(text =>
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var notice = Support.Spec.Parser.ParseText(text);
        Nest(notice.Sections, 0, text.Length, text);
        // An item whose rectification is in a later part spans the parts between: only the others nest.
        var items = notice.Items.Where(i => i.Rectification?.Placement != RectificationPlacement.LaterPart).OrderBy(i => i.Location.Start).ToList();
        for (var i = 1; i < items.Count; i++)
            Assert.That(items[i].Location.Start, Is.GreaterThanOrEqualTo(items[i - 1].Location.End), $"items {items[i - 1].Index} and {items[i].Index} overlap\n{text}");
        foreach (var item in items)
        {
            // The item's section: the innermost whose span holds its start. The item lies inside it, beside its sections.
            var level = notice.Sections;
            Section? parent = null;
            while (level.FirstOrDefault(s => Holds(s.Location, item.Location.Start)) is { } inner) (parent, level) = (inner, inner.Sections);
            if (parent is not null) Assert.That(item.Location.End, Is.LessThanOrEqualTo(parent.Location.End), $"item {item.Index} ends after its section {parent.Marker}\n{text}");
            foreach (var sibling in level)
                Assert.That(item.Location.End <= sibling.Location.Start || sibling.Location.End <= item.Location.Start, Is.True,
                    $"item {item.Index} overlaps section {sibling.Marker}\n{text}");
        }
    });

    private static bool Holds(SourceLocation span, int offset) => span.Start <= offset && offset < span.End;

    private static void Nest(IReadOnlyList<Section> sections, int start, int end, string text)
    {
        foreach (var s in sections)
        {
            Assert.That(s.Location.Start >= start && s.Location.End <= end && s.Location.Start < s.Location.End, Is.True,
                $"section {s.Marker} [{s.Location.Start}, {s.Location.End}) is not inside [{start}, {end})\n{text}");
            Assert.That(s.HeadingLocation.Start >= s.Location.Start && s.HeadingLocation.End <= s.Location.End, Is.True, $"section {s.Marker}'s heading is outside it\n{text}");
            Nest(s.Sections, s.HeadingLocation.End, s.Location.End, text);
            start = s.Location.End; // the next sibling starts after this one
        }
    }

    [Test]
    public void Every_location_lies_inside_the_text() => ForAll(text =>
    {
        if (!string.IsNullOrWhiteSpace(text)) LocationsInside(text);
    });

    private static void LocationsInside(string text)
    {
        var json = JsonNode.Parse(NoticeJson.Serialize(Support.Spec.Parser.ParseText(text)))!;
        foreach (var location in Locations(json))
        {
            var start = (int)location["start"]!;
            var end = (int)location["end"]!;
            var line = (int)location["line"]!;
            Assert.That(0 <= start && start <= end && end <= text.Length && line >= 1, Is.True, location.ToJsonString());
            if (location["endLine"] is { } endLine) Assert.That((int)endLine, Is.GreaterThanOrEqualTo(line));
        }
    }

    [Test]
    public void The_json_reads_back_to_the_same_bytes() => ForAll(text =>
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var json = NoticeJson.Serialize(Support.Spec.Parser.ParseText(text));
        Assert.That(NoticeJson.Serialize(NoticeJson.Deserialize(json)), Is.EqualTo(json));
    });

    [Test]
    public void Parsing_is_deterministic() => ForAll(text =>
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        Assert.That(NoticeJson.Serialize(new NoticeParser().ParseText(text)), Is.EqualTo(NoticeJson.Serialize(Support.Spec.Parser.ParseText(text))));
    });

    private static IEnumerable<JsonObject> Locations(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o.ContainsKey("start") && o.ContainsKey("end") && o.ContainsKey("line")) yield return o;
                foreach (var (_, child) in o)
                    foreach (var l in Locations(child)) yield return l;
                break;
            case JsonArray a:
                foreach (var child in a)
                    foreach (var l in Locations(child)) yield return l;
                break;
        }
    }
}
