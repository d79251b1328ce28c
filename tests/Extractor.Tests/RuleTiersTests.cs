using Extractor.Parsing;
using Extractor.Parsing.Rules;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// A rule set is matched by the regex interpreter until a process has spent as long in the pipeline as compiling its
/// patterns to IL costs; then the compiled set takes over, and it must match exactly as the interpreted one does.
/// </summary>
public sealed class RuleTiersTests
{
    // A rectification label of its own, and a date field whose label goes into a pattern the defaults do not make.
    private static RuleSet FreshRules() =>
        RuleSetLoader.Load("""{ "labels": { "rectification": ["落实举措"] }, "metadata": { "dateFields": ["落款时间"] } }""");

    [Test]
    public void Rules_that_only_add_labels_need_no_patterns_compiled()
    {
        var tiers = CompiledRules.TiersOf(RuleSetLoader.Load("""{ "labels": { "rectification": ["落实举措"] } }"""));
        Assert.That(tiers.Interpreted.Prebuilt, Is.True, "labels are looked up, not matched by a pattern made from them");
        tiers.Spent(RuleTiers.PayBackAfter * 2);
        Assert.That(tiers.IsCompiled, Is.False);
        Assert.That(tiers.Current.Labels.MatchAt("落实举措：已完成。")?.Label, Is.EqualTo("落实举措"));
    }

    [Test]
    public void A_rule_set_is_interpreted_until_its_time_has_added_up()
    {
        var tiers = CompiledRules.TiersOf(FreshRules());
        tiers.Spent(RuleTiers.PayBackAfter / 4);
        tiers.Spent(RuleTiers.PayBackAfter / 4);
        Assert.That(tiers.IsCompiled, Is.False, "half the pay-back time compiles nothing");
        Assert.That(tiers.Current, Is.SameAs(tiers.Interpreted));
    }

    [Test]
    public void Once_the_time_has_added_up_the_compiled_set_takes_over()
    {
        var rules = FreshRules();
        var tiers = CompiledRules.TiersOf(rules);
        tiers.Spent(RuleTiers.PayBackAfter);
        // Compiling runs in the background; the wait is a generous bound, not a timing claim.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!tiers.IsCompiled && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.That(tiers.IsCompiled, Is.True);
        Assert.That(CompiledRules.For(rules), Is.Not.SameAs(tiers.Interpreted), "parsers now get the compiled set");
        Assert.That(CompiledRules.For(rules).Labels.MatchAt("落实举措：已完成。")?.Label, Is.EqualTo("落实举措"), "the user's rules are in it");
    }

    [Test]
    public void Compiled_and_interpreted_rules_give_the_same_notice_for_every_text_sample()
    {
        var tiers = CompiledRules.TiersOf(FreshRules());
        tiers.CompileNow();
        Assume.That(tiers.IsCompiled, Is.True, "this runtime compiles regular expressions to IL");
        SameNotices.Assert(tiers.Interpreted, tiers.Current);
    }
}
