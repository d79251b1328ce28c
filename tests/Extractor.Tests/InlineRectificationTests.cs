using Extractor.Parsing.Rules;

namespace Extractor.Tests;

/// <summary>
/// A rectification label run into a paragraph after a statement (<c>…不到位。整改情况：…</c>) is found where it starts,
/// so the segmenter can cut the paragraph there; anything else that looks like one is not.
/// </summary>
public sealed class InlineRectificationTests
{
    private static int Find(string text) => CompiledRules.Default.Labels.FindInlineRectification(text);

    [TestCase("制度执行不到位。整改情况：已完成。", 8, TestName = "{m}_After_a_full_stop")]
    [TestCase("制度执行不到位；整改措施：修订制度。", 8, TestName = "{m}_After_a_semicolon")]
    [TestCase("制度执行不到位。 整改情况：已完成。", 9, TestName = "{m}_One_space_between")]
    [TestCase("甚至后期有所放松。”整改进展情况：已经完成。", 10, TestName = "{m}_After_a_quotation_closing_on_a_full_stop")]
    [TestCase("制度执行不到位。【整改措施】修订制度。", 8, TestName = "{m}_In_brackets_no_separator_needed")]
    [TestCase("制度执行不到位。[整改情况]：已完成。", 8, TestName = "{m}_In_square_brackets_with_a_separator")]
    [TestCase("制度执行不到位。整改进展情况：推进中。", 8, TestName = "{m}_The_longest_label")]
    public void A_label_after_a_statement_is_found(string text, int at) => Assert.That(Find(text), Is.EqualTo(at));

    [TestCase("整改情况：已完成。", TestName = "{m}_At_the_start_a_label_not_run_in")]
    [TestCase("制度执行不到位。整改情况良好。", TestName = "{m}_No_separator_after_the_label")]
    [TestCase("制度执行不到位。【整改措施修订制度。", TestName = "{m}_A_bracket_that_does_not_close")]
    [TestCase("制度执行不到位，整改情况：已完成。", TestName = "{m}_After_a_comma")]
    [TestCase("制度执行不到位。  整改情况：已完成。", TestName = "{m}_Two_spaces_between")]
    [TestCase("制度执行不到位。”", TestName = "{m}_Nothing_after_the_quotation")]
    [TestCase("制度执行不到位。", TestName = "{m}_Nothing_after_the_full_stop")]
    public void Nothing_else_is_found(string text) => Assert.That(Find(text), Is.EqualTo(-1));
}
