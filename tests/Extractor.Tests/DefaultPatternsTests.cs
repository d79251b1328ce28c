using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Extractor.Parsing;
using Extractor.Parsing.Rules;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The default rules' patterns are compiled at build time: src/Parsing/Rules/DefaultPatterns.g.cs lists every pattern
/// the default rule set makes, each as a <c>[GeneratedRegex]</c> the regex source generator turns into C#. This test
/// writes that file (it is rendered from the rules, never by hand) and fails when the file in the repository is not
/// what the current default rules give: after changing src/Parsing/Rules/default-rules.json, or how the library
/// composes patterns from it, run
/// <c>EXTRACTOR_WRITE_GENERATED=1 dotnet test tests/Extractor.Tests --filter DefaultPatternsTests</c> and commit the file.
/// A stale file never gives wrong results — a pattern not in it is made at run time — only slower ones.
/// </summary>
public sealed class DefaultPatternsTests
{
    private static string GeneratedFile => Path.Combine(Repo.Root, "src", "Parsing", "Rules", "DefaultPatterns.g.cs");

    /// <summary>Every distinct pattern the default rule set makes, in the order it makes them, none taken from the build.</summary>
    private static List<Regex> DefaultRulePatterns()
    {
        var factory = new PatternFactory(RegexOptions.None, prebuilt: false);
        _ = CompiledRules.Compile(RuleSet.Default, factory);
        return [.. factory.Made.DistinctBy(r => r.ToString(), StringComparer.Ordinal)];
    }

    [Test]
    public void The_generated_file_lists_exactly_the_default_rules_patterns()
    {
        var expected = Render(DefaultRulePatterns());
        if (Environment.GetEnvironmentVariable("EXTRACTOR_WRITE_GENERATED") == "1")
        {
            File.WriteAllText(GeneratedFile, expected, new UTF8Encoding(false));
            Assert.Pass($"wrote {GeneratedFile}; rebuild to compile it");
        }
        var actual = File.ReadAllText(GeneratedFile).ReplaceLineEndings("\n");
        Assert.That(actual, Is.EqualTo(expected),
            "src/Parsing/Rules/DefaultPatterns.g.cs is not what the default rules give: run " +
            "EXTRACTOR_WRITE_GENERATED=1 dotnet test tests/Extractor.Tests --filter DefaultPatternsTests and commit it");
    }

    [Test]
    public void The_default_rules_take_every_pattern_from_the_build_with_the_same_options_and_timeout()
    {
        var factory = new PatternFactory(RegexOptions.None);
        var rules = CompiledRules.Compile(RuleSet.Default, factory);
        Assert.That(rules.Prebuilt, Is.True, "every default pattern is in DefaultPatterns.g.cs");
        foreach (var pattern in rules.Patterns)
        {
            Assert.That(DefaultPatterns.Find(pattern.ToString()), Is.SameAs(pattern), pattern.ToString());
            Assert.That(pattern.Options, Is.EqualTo(PatternFactory.Always), pattern.ToString());
            Assert.That(pattern.MatchTimeout, Is.EqualTo(PatternFactory.Timeout), pattern.ToString());
        }
    }

    [Test]
    public void A_pattern_the_defaults_do_not_make_is_made_at_run_time()
    {
        Assert.That(DefaultPatterns.Find("落实举措"), Is.Null);
        var factory = new PatternFactory(RegexOptions.None);
        var made = factory.Make("落实举措", "labels.rectification[0]");
        Assert.That(made.IsMatch("落实举措：已完成"), Is.True);
        Assert.That(factory.AllPrebuilt, Is.False);
    }

    [Test]
    public void Default_rules_are_never_compiled_again_at_run_time()
    {
        var tiers = CompiledRules.TiersOf(RuleSet.Default);
        tiers.Spent(RuleTiers.PayBackAfter * 3);
        Assert.That(tiers.Current.Prebuilt, Is.True);
        Assert.That(tiers.IsCompiled, Is.False, "no IL compile is started for patterns the build compiled");
        Assert.That(tiers.Current, Is.SameAs(tiers.Interpreted));
    }

    [Test]
    public void Patterns_from_the_build_give_the_same_notice_as_the_interpreter_for_every_text_sample()
    {
        var interpretedRules = CompiledRules.Compile(RuleSet.Default, new PatternFactory(RegexOptions.None, prebuilt: false));
        var prebuiltRules = CompiledRules.Default;
        Assert.That(prebuiltRules.Prebuilt, Is.True);
        SameNotices.Assert(interpretedRules, prebuiltRules);
    }

    /// <summary>
    /// A default pattern never backtracks without end: each is run on text made of its own characters — each character
    /// repeated, and pairs of them — with tails that make a match fail late (a long run of another letter, a line
    /// break, a full stop), the way site chrome, rules lines and decorations repeat one mark (<c>»»»…</c>, <c>——…</c>).
    /// A pattern whose nested repetitions can split such a run in many ways takes exponential time and runs into its
    /// time-out (the parse then fails); the breadcrumb alternative of <c>chrome.line</c> did, on a line of 60 <c>»</c>.
    /// The texts are short (300 characters): a pattern that is merely quadratic finishes them in well under a
    /// millisecond, so the time-out is never approached unless the time grows without bound.
    /// </summary>
    [Test]
    public void No_default_pattern_backtracks_without_end_on_runs_of_its_own_characters()
    {
        var random = new Random(12);
        var slow = CompiledRules.Default.Patterns.DistinctBy(p => p.ToString(), StringComparer.Ordinal)
            .Select(p => FirstTimeOut(p, random)).OfType<string>().ToList();
        Assert.That(slow, Is.Empty, "default patterns that ran into their time-out");
    }

    /// <summary>The first run of its own characters <paramref name="pattern"/> times out on, described; null when none.</summary>
    private static string? FirstTimeOut(Regex pattern, Random random)
    {
        const string syntax = @"\()[]{}?|^$*+.";
        string[] tails = ["", new('x', 31), "\n", "。"];
        var source = pattern.ToString();
        var characters = source.Where(c => !syntax.Contains(c)).Concat(" \nx1一").Distinct().ToArray();
        var units = characters.Select(c => c.ToString()).ToList();
        for (var k = 0; k < 100; k++) units.Add($"{characters[random.Next(characters.Length)]}{characters[random.Next(characters.Length)]}");
        foreach (var unit in units)
            foreach (var tail in tails)
            {
                var text = string.Concat(Enumerable.Repeat(unit, 300 / unit.Length)) + tail;
                try
                {
                    _ = pattern.Match(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    return $"{source} on “{unit}” × {300 / unit.Length} + “{tail}”";
                }
            }
        return null;
    }

    /// <summary>The C# source of DefaultPatterns.g.cs for <paramref name="patterns"/>.</summary>
    private static string Render(List<Regex> patterns)
    {
        var s = new StringBuilder();
        s.Append("""
            // <auto-generated>
            // The default rules' patterns, compiled to C# at build time by the regex source generator. Rendered from
            // src/Parsing/Rules/default-rules.json by tests/Extractor.Tests/DefaultPatternsTests.cs — do not edit; after
            // changing the default rules run
            //   EXTRACTOR_WRITE_GENERATED=1 dotnet test tests/Extractor.Tests --filter DefaultPatternsTests
            // </auto-generated>
            #nullable enable
            using System.Text.RegularExpressions;

            namespace Extractor.Parsing.Rules;

            /// <summary>The default rules' patterns, compiled at build time; <see cref="Find"/> gives the one for a pattern string, or null.</summary>
            internal static partial class DefaultPatterns
            {
                /// <summary>The build-time regex for <paramref name="pattern"/> (options <see cref="PatternFactory.Always"/>, timeout <see cref="PatternFactory.Timeout"/>), or null when the default rules do not make it.</summary>
                public static Regex? Find(string pattern) => pattern switch
                {

            """);
        for (var i = 0; i < patterns.Count; i++) s.Append(CultureInfo.InvariantCulture, $"        S{i:000} => P{i:000}(),\n");
        s.Append("        _ => null,\n    };\n");
        var options = string.Join(" | ", PatternFactory.Always.ToString().Split(", ").Select(o => "RegexOptions." + o));
        var timeout = (int)PatternFactory.Timeout.TotalMilliseconds;
        for (var i = 0; i < patterns.Count; i++)
        {
            Assert.That(patterns[i].Options, Is.EqualTo(PatternFactory.Always));
            s.Append(CultureInfo.InvariantCulture, $"\n    private const string S{i:000} = {Literal(patterns[i].ToString())};\n");
            s.Append(CultureInfo.InvariantCulture, $"    [GeneratedRegex(S{i:000}, {options}, {timeout})]\n    private static partial Regex P{i:000}();\n");
        }
        s.Append("}\n");
        return s.ToString();
    }

    /// <summary>A C# literal for <paramref name="text"/>: verbatim when every character can stand as itself, escaped otherwise.</summary>
    internal static string Literal(string text)
    {
        static bool Plain(char c) => !char.IsControl(c) && !char.IsSurrogate(c) && char.GetUnicodeCategory(c)
            is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
        if (text.All(Plain)) return "@\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var s = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c == '\\') s.Append(@"\\");
            else if (c == '"') s.Append("\\\"");
            else if (Plain(c)) s.Append(c);
            else s.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }
        return s.Append('"').ToString();
    }
}
