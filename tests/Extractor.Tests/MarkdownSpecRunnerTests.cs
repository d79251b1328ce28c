using Extractor.Tests.Specs;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The runner of the Markdown rule specs can fail: wrong examples and malformed spec files, given to it as in-memory
/// Markdown, fail with a message naming the file and line.
/// </summary>
public sealed class MarkdownSpecRunnerTests
{
    private const string Notice = "```notice\n一、问题甲\n整改情况：已完成。\n```\n";

    private static string RunSingle(string markdown, string file = "wrong.md")
    {
        var examples = MarkdownSpec.Read(file, markdown);
        Assert.That(examples, Has.Count.EqualTo(1), "one example");
        return MarkdownSpec.Run(examples[0]) ?? "";
    }

    [Test]
    public void A_wrong_example_fails_with_a_message_naming_its_file_and_line()
    {
        var failure = RunSingle("# Wrong\n\n## Wrong outline\n\n" + Notice + "\n```outline\n一、 问题乙\n```\n");
        Assert.That(failure, Does.StartWith("wrong.md:3: Wrong outline\n"));
        Assert.That(failure, Does.Contain("wrong.md:10: outline not as expected"));
        Assert.That(failure, Does.Contain("一、 问题乙").And.Contain("一、 问题甲"), "expected and actual");
    }

    [Test]
    public void A_right_example_passes()
    {
        var failure = MarkdownSpec.Run(MarkdownSpec.Read("right.md", "## Right\n\n" + Notice + """

            ```outline
            一、 问题甲
            ```

            ```items
            #1 一、 问题甲 | 整改情况 | done | 0
            ```

            ```warnings
            ```

            ```expect
            items.length = 1
            items[0].index = 1.0
            items[0].path = ["一、"]
            items[0].rectification.status = "done"
            items[0].rectification.status != "ongoing"
            items[0].problem.title ~ "问题"
            title = null
            sections[0] != null
            ```
            """).Single());
        Assert.That(failure, Is.Null);
    }

    [TestCase("items.length = 2", "expected 2\n  actual   1", TestName = "Expect_length")]
    [TestCase("items[0].rectification.status = \"ongoing\"", "expected \"ongoing\"\n  actual   \"done\"", TestName = "Expect_equals")]
    [TestCase("items[0].rectification.status != \"done\"", "expected anything but \"done\"", TestName = "Expect_not_equals")]
    [TestCase("items[0].problem.title ~ \"问题乙\"", "expected a string containing \"问题乙\"\n  actual   \"问题甲\"", TestName = "Expect_contains")]
    [TestCase("items[0].path ~ \"一\"", "expected a string containing", TestName = "Expect_contains_on_an_array")]
    [TestCase("items[1].index = 2", "no element [1]: items has 1", TestName = "Expect_index_out_of_range")]
    [TestCase("items[0].rectification.lable = \"整改情况\"", "items[0].rectification has no property 'lable'", TestName = "Expect_missing_property")]
    [TestCase("title.length = 0", "title is null, it has no property 'length'", TestName = "Expect_property_of_null")]
    [TestCase("items[0].path = [\"二、\"]", "expected [\"二、\"]\n  actual   [\"一、\"]", TestName = "Expect_array")]
    public void A_failing_expect_line_reports_its_line_path_expected_and_actual(string line, string reason)
    {
        var failure = RunSingle("# Wrong\n\n## Wrong value\n\n" + Notice + "\n```expect\nitems.length = 1\n" + line + "\n```\n");
        Assert.That(failure, Does.StartWith("wrong.md:3: Wrong value\n"));
        Assert.That(failure, Does.Contain("wrong.md:12: " + line + "\n  " + reason));
        Assert.That(failure, Does.Not.Contain("wrong.md:11"), "the first line holds");
    }

    [Test]
    public void An_example_without_an_expectation_fails()
    {
        var failure = RunSingle("## No expectation\n\n" + Notice);
        Assert.That(failure, Does.StartWith("wrong.md:1: No expectation\n"));
        Assert.That(failure, Does.Contain("has no expectation block"));
    }

    [TestCase("```output\nx\n```\n", "wrong.md:10: unknown block info string 'output'", TestName = "Block_unknown_info")]
    [TestCase("```\nx\n```\n", "wrong.md:10: unknown block info string ''", TestName = "Block_no_info")]
    [TestCase("```outline\n一、 问题甲\n```\n\n```outline\n一、 问题甲\n```\n", "wrong.md:14: a second 'outline' block", TestName = "Block_second_outline")]
    [TestCase("```warnings\n```\n\n" + Notice, "wrong.md:13: a second input block", TestName = "Block_second_input")]
    [TestCase("```rules\n{ \"metadata\": { \"inspector\": \"(\" } }\n```\n\n```warnings\n```\n", "wrong.md:10: the rules block is invalid", TestName = "Block_invalid_rules")]
    public void A_malformed_example_fails(string blocks, string message)
    {
        var failure = RunSingle("# Wrong\n\n## Malformed\n\n" + Notice + "\n" + blocks);
        Assert.That(failure, Does.StartWith("wrong.md:3: Malformed\n"));
        Assert.That(failure, Does.Contain(message));
    }

    [TestCase("items.length 1", "expected 'PATH = JSON'", TestName = "Unparsable_no_operator")]
    [TestCase("items..length = 1", "is not a path", TestName = "Unparsable_bad_path")]
    [TestCase("title = 问题甲", "the value is not JSON", TestName = "Unparsable_value_not_json")]
    [TestCase("title = ", "the value is not JSON", TestName = "Unparsable_no_value")]
    [TestCase("title ~ 3", "'~' takes a JSON string", TestName = "Unparsable_contains_a_number")]
    public void An_unparsable_expect_line_fails(string line, string reason)
    {
        var failure = RunSingle("## Unparsable\n\n" + Notice + "\n```expect\n" + line + "\n```\n");
        Assert.That(failure, Does.StartWith("wrong.md:1: Unparsable\n"));
        Assert.That(failure, Does.Contain("wrong.md:9: cannot read this expect line (").And.Contain(reason));
    }

    [Test]
    public void An_empty_expect_block_fails()
    {
        Assert.That(RunSingle("## Empty\n\n" + Notice + "\n```expect\n\n```\n"), Does.Contain("wrong.md:8: an empty expect block asserts nothing"));
    }

    [TestCase("# Prose only\n\nNo examples.\n", "wrong.md:1: the file has no examples", TestName = "File_without_examples")]
    [TestCase("# Title\n\n" + Notice + "\n## Example\n\n" + Notice + "\n```warnings\n```\n", "wrong.md:3: a 'notice' block outside", TestName = "File_block_before_first_example")]
    [TestCase("## Expectation only\n\n```outline\n一、 问题甲\n```\n", "wrong.md:1: expectation or rules blocks but no notice or html input block", TestName = "File_expectation_without_input")]
    public void A_malformed_file_fails(string markdown, string message)
    {
        var failures = MarkdownSpec.Read("wrong.md", markdown).Select(MarkdownSpec.Run).ToList();
        Assert.That(failures, Has.Some.Contain(message));
    }

    [Test]
    public void An_html_example_with_rules_uses_them_for_itself_only()
    {
        const string Markdown = """
            ## With rules

            ```html
            <body><p>一、问题甲</p><p>整改做法：已完成。</p></body>
            ```

            ```rules
            { "labels": { "rectification": ["整改做法"] } }
            ```

            ```items
            #1 一、 问题甲 | 整改做法 | done | 0
            ```

            ## Without rules

            ```html
            <body><p>一、问题甲</p><p>整改做法：已完成。</p></body>
            ```

            ```items
            #1 一、 问题甲 | 整改做法 | done | 0
            ```
            """;
        var examples = MarkdownSpec.Read("rules.md", Markdown);
        Assert.That(MarkdownSpec.Run(examples[0]), Is.Null);
        Assert.That(MarkdownSpec.Run(examples[1]), Does.StartWith("rules.md:15: Without rules\nrules.md:21: items not as expected"));
    }

    [Test]
    public void Names_are_ascii_and_unique()
    {
        var examples = MarkdownSpec.Read("名单-list.md", "## 一、 Same heading，甲\n\n" + Notice + "\n```warnings\n```\n\n## Same heading 乙\n\n" + Notice + "\n```warnings\n```\n\n## 问题\n\n" + Notice + "\n```warnings\n```\n");
        Assert.That(examples.Select(e => e.Name), Is.EqualTo(new[] { "list: Same heading", "list: Same heading 2", "list: example" }));
    }

    [Test]
    public void The_spec_directory_holds_the_rule_specs_with_unique_ascii_names()
    {
        var examples = MarkdownSpec.ReadDirectory(MarkdownSpecs.Directory);
        Assert.That(examples.Select(e => e.File).Distinct(), Is.SupersetOf(new[] { "outline.md", "pairs.md", "measures-and-status.md", "metadata.md", "tables.md" }));
        Assert.That(examples.Select(e => e.Name), Is.Unique);
        Assert.That(examples.Select(e => e.Name), Has.All.Matches<string>(n => n!.All(char.IsAscii)));
        Assert.That(examples.SelectMany(e => e.Errors), Is.Empty);
    }
}
