using Extractor.Tests.Support;

namespace Extractor.Tests.Specs;

/// <summary>
/// The rule specs: every example of every Markdown file in this folder (outline.md, pairs.md…), each one test named
/// <c>file: Heading</c>. The format is described in Specs/README.md; the files are copied to the test output.
/// </summary>
public sealed class MarkdownSpecs
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Specs");

    public static IEnumerable<TestCaseData> Examples() =>
        MarkdownSpec.ReadDirectory(Directory).Select(e => new TestCaseData(e).SetName(e.Name));

    [TestCaseSource(nameof(Examples))]
    public void Example(SpecExample example)
    {
        if (MarkdownSpec.Run(example) is { } failure) Assert.Fail(failure);
    }
}
