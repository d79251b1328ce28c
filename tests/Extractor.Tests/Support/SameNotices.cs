using Extractor.Parsing;
using Extractor.Parsing.Rules;

namespace Extractor.Tests.Support;

/// <summary>Two compiled forms of one rule set must parse alike: every text sample, seed and corpus case gives the same JSON.</summary>
internal static class SameNotices
{
    /// <summary>The text inputs the comparison runs over, in a stable order.</summary>
    public static List<string> TextInputs() =>
        [.. Directory.GetFiles(Repo.Samples, "*.txt").Concat(Directory.GetFiles(Repo.Seeds, "*.txt"))
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "real-notices", "cases"), "*.txt")).Order(StringComparer.Ordinal)];

    /// <summary>Asserts that <paramref name="actual"/> gives byte-identical JSON to <paramref name="expected"/> on every text input.</summary>
    public static void Assert(CompiledRules expected, CompiledRules actual)
    {
        var files = TextInputs();
        NUnit.Framework.Assert.That(files, Has.Count.GreaterThan(100));
        var parser = new NoticeParser();
        foreach (var file in files)
        {
            var document = parser.Read(File.ReadAllBytes(file), InputFormat.Auto, file);
            var want = NoticeJson.Serialize(NoticePipeline.Run(document, file, expected));
            var got = NoticeJson.Serialize(NoticePipeline.Run(document, file, actual));
            NUnit.Framework.Assert.That(got, Is.EqualTo(want), Path.GetFileName(file));
        }
    }
}
