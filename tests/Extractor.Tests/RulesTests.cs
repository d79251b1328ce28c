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
        Assert.That(rules.Markers.Select(m => m.Style), Is.EqualTo(new[] { "chinese-comma", "chinese-paren", "arabic", "arabic-paren", "circled", "problem-arabic", "problem-chinese" }));
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
    [TestCase("""{ "markers": [ { "style": "x", "pattern": "^a", "numerals": "roman" } ] }""", "markers[0].numerals", TestName = "Rules_error_bad_numerals")]
    [TestCase("""{ "markers": [ { "style": "x", "pattern": "^a" } ] }""", "markers[0].pattern", TestName = "Rules_error_no_number_group")]
    [TestCase("""{ "labelz": {} }""", "labelz", TestName = "Rules_error_unknown_field")]
    [TestCase("""{ "tags": [ { "name": "政治纪律" } ] }""", "tags[0]", TestName = "Rules_error_tag_without_keywords")]
    public void An_invalid_rules_file_is_an_error_naming_the_field(string json, string field)
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(json, "my-rules.json"));
        Assert.That(e!.Message, Does.Contain(field));
    }

    [Test]
    public void A_marker_style_added_to_the_defaults_is_recognised()
    {
        // The default set takes no other path than a user's: a style added to default-rules.json works like one given
        // with --rules (a hard-coded list of opening characters once made it do nothing).
        var article = new MarkerRule { Style = "article", Pattern = "^第(?<number>[一二三四五六七八九十]{1,3})条", Numerals = "chinese" };
        var rules = RuleSet.Default with { Markers = [.. RuleSet.Default.Markers, article] };
        var notice = new NoticeParser(new ParserOptions { Rules = rules }).ParseText(Lines("第一条问题甲", "整改情况：已完成。", "第二条问题乙", "整改情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("第一条 问题甲", "第二条 问题乙")));
    }

    [TestCase("chinese-comma", "一二三四五六七八九十", TestName = "Openings_chinese_comma")]
    [TestCase("chinese-paren", "(（", TestName = "Openings_chinese_paren")]
    [TestCase("arabic", "0123456789０１２３４５６７８９", TestName = "Openings_arabic")]
    [TestCase("circled", "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟", TestName = "Openings_circled")]
    public void The_characters_that_open_a_marker_come_from_its_pattern(string style, string openings)
    {
        var pattern = RuleSet.Default.Markers.Single(m => m.Style == style).Pattern;
        Assert.That(RegexOpenings.Of(pattern)!.Order(), Is.EqualTo(openings.Order()));
    }

    [TestCase("^(?:a|b)c", "ab", TestName = "Openings_alternation")]
    [TestCase("^x?y", "xy", TestName = "Openings_optional_atom")]
    [TestCase("^(?=z)q", "q", TestName = "Openings_lookahead_is_zero_width")]
    [TestCase(@"^\.5", ".", TestName = "Openings_escaped_punctuation_is_literal")]
    [TestCase(@"^[\u4E00-\u4E02]", "一丁丂", TestName = "Openings_escaped_code_points")]
    [TestCase("^.a", null, TestName = "Openings_any_character")]
    [TestCase("^[^a]", null, TestName = "Openings_negated_class")]
    [TestCase("^(?i)a", null, TestName = "Openings_inline_options")]
    [TestCase("^a*", null, TestName = "Openings_pattern_that_matches_empty")]
    [TestCase(@"^\p{IsCJKUnifiedIdeographs}", null, TestName = "Openings_unicode_block")]
    public void Openings_are_read_conservatively(string pattern, string? openings)
    {
        Assert.That(RegexOpenings.Of(pattern), Is.EqualTo(openings));
    }

    [Test]
    public void A_rules_file_merges_as_json_lists_add_values_replace()
    {
        var rules = RuleSetLoader.Load("""
            { "labels": { "rectification": ["整改情况", "落实举措"], "bareLabelFollower": "^一是" },
              "markers": [ { "style": "arabic", "pattern": "^(?<number>[0-9]{1,2})[.]", "numerals": "arabic" } ],
              "tags": [ { "name": "组织", "keywords": ["党组织"] } ] }
            """);
        var defaults = RuleSet.Default;
        Assert.That(rules.Labels.Rectification, Is.EqualTo(defaults.Labels.Rectification.Append("落实举措")), "a list adds what it does not have");
        Assert.That(rules.Labels.BareLabelFollower, Is.EqualTo("^一是"), "a pattern replaces");
        Assert.That(rules.Labels.Problem, Is.EqualTo(defaults.Labels.Problem), "what the file leaves out stays");
        Assert.That(rules.Markers.Select(m => m.Style), Is.EqualTo(defaults.Markers.Select(m => m.Style)), "a style of the same name replaces the default in its place");
        Assert.That(rules.Markers[2].Pattern, Is.EqualTo("^(?<number>[0-9]{1,2})[.]"));
        Assert.That(rules.Tags.Single().Name, Is.EqualTo("组织"));
    }

    [Test]
    public void A_rule_set_is_compiled_once_however_many_parsers_use_it()
    {
        var rules = RuleSetLoader.Load("""{ "labels": { "rectification": ["落实举措"] } }""");
        var first = CompiledRules.For(rules);
        Assert.That(CompiledRules.For(rules), Is.SameAs(first));
        Assert.That(CompiledRules.For(RuleSet.Default), Is.SameAs(CompiledRules.Default));
    }

    [Test]
    public void The_rules_print_as_a_rules_file_with_chinese_as_is()
    {
        var json = RuleSetLoader.ToJson(RuleSetLoader.Load("""{ "labels": { "rectification": ["落实举措"] } }"""));
        Assert.That(json, Does.Contain("\"落实举措\""));
        Assert.That(RuleSetLoader.ToJson(RuleSetLoader.Load(json)), Is.EqualTo(json), "what prints reads back to the same rules");
    }

    [TestCase("""{ "replace": "yes" }""", "replace", TestName = "Rules_error_replace_not_a_boolean")]
    [TestCase("""{ "labels": { "rectification": "整改情况" } }""", "labels.rectification", TestName = "Rules_error_list_given_as_a_string")]
    [TestCase("""[ 1, 2 ]""", "a JSON object", TestName = "Rules_error_not_an_object")]
    [TestCase("""{ "labels": """, "line 1", TestName = "Rules_error_malformed_json")]
    public void More_invalid_rules_files_name_what_is_wrong(string json, string what)
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(json, "my-rules.json"));
        Assert.That(e!.Message, Does.StartWith("my-rules.json: ").And.Contain(what));
    }

    [TestCase("""{ "markers": [ { "style": "x", "pattern": "^(?<number>a)", "numerals": "arabic", "maxNumber": "ten" } ] }""",
        "markers[0].maxNumber: expected a whole number, found the string \"ten\"", TestName = "A_wrong_type_is_named_in_the_user_s_terms_number")]
    [TestCase("""{ "labels": { "rectification": "整改情况" } }""",
        "labels.rectification: expected a list of strings, found the string \"整改情况\"", TestName = "A_wrong_type_is_named_in_the_user_s_terms_list")]
    [TestCase("""{ "stats": 5 }""", "stats: expected a list of objects, found the number 5", TestName = "A_wrong_type_is_named_in_the_user_s_terms_objects")]
    public void A_wrong_type_is_named_in_the_user_s_terms(string json, string message)
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(json, "my.rules.json"));
        Assert.That(e!.Message, Is.EqualTo("my.rules.json: " + message));
        Assert.That(e.Message, Does.Not.Contain("System.").And.Not.Contain("`1"));
    }
}
