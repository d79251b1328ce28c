using Extractor.Parsing;
using Extractor.Parsing.Rules;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests;

/// <summary>Rules are data: the default set loads, a rules file extends it, and a bad one names its field.</summary>
public sealed class RulesTests
{
    [Test]
    public void The_default_rules_load_and_compile()
    {
        var rules = RuleSet.Default;
        Assert.That(rules.Labels.Rectification, Does.Contain("整改情况"));
        Assert.That(rules.Markers.Select(m => m.Style), Is.EqualTo(new[] { "chinese-comma", "chinese-paren", "arabic", "arabic-paren", "circled" }));
        Assert.DoesNotThrow(() => _ = new NoticeParser(new ParserOptions { Rules = rules }));
    }

    [Test]
    public void A_rules_file_adds_a_label()
    {
        var rules = RuleSetLoader.Load("""{ "labels": { "rectification": ["落实举措"] } }""");
        var parser = new NoticeParser(new ParserOptions { Rules = rules });
        var notice = parser.ParseText(Lines("一、问题甲", "落实举措：召开会议。"));
        Assert.That(notice.Items.Single().Rectification!.Label, Is.EqualTo("落实举措"));
        Assert.That(rules.Labels.Rectification, Does.Contain("整改情况"), "defaults are kept");
    }

    [Test]
    public void A_rules_file_can_replace_the_defaults()
    {
        var rules = RuleSetLoader.Load("""
            { "replace": true,
              "markers": [ { "style": "di", "pattern": "^第(?<number>[一二三四五六七八九十]+)条", "numerals": "chinese" } ],
              "labels": { "rectification": ["落实"], "separators": ["："] } }
            """);
        Assert.That(rules.Labels.Rectification, Is.EqualTo(new[] { "落实" }));
        var notice = new NoticeParser(new ParserOptions { Rules = rules }).ParseText(Lines("第一条问题甲", "落实：已完成。"));
        Assert.That(notice.Sections.Single().Style, Is.EqualTo("di"));
    }

    [TestCase("""{ "metadata": { "inspector": "(unclosed" } }""", "metadata.inspector", TestName = "Rules_error_bad_pattern")]
    [TestCase("""{ "markers": [ { "style": "x", "pattern": "^a", "numerals": "roman" } ] }""", "markers[5].numerals", TestName = "Rules_error_bad_numerals")]
    [TestCase("""{ "markers": [ { "style": "x", "pattern": "^a" } ] }""", "markers[5].pattern", TestName = "Rules_error_no_number_group")]
    [TestCase("""{ "labelz": {} }""", "labelz", TestName = "Rules_error_unknown_field")]
    [TestCase("""{ "tags": [ { "name": "政治纪律" } ] }""", "tags[0]", TestName = "Rules_error_tag_without_keywords")]
    public void An_invalid_rules_file_is_an_error_naming_the_field(string json, string field)
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(json, "my-rules.json"));
        Assert.That(e!.Message, Does.Contain(field));
    }
}
