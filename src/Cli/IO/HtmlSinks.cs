using Extractor.Cli.Batch;
using Extractor.Cli.Export.Html;
using Extractor.Cli.Localization;

namespace Extractor.Cli.IO;

/// <summary>Writes one notice's review page to a file.</summary>
internal sealed class HtmlFileSink(string path, bool force, Messages messages) : IResultSink
{
    public void Write(FileOutcome outcome)
    {
        if (outcome.Parsed) AtomicFile.WriteAllText(path, NoticePage.Build(outcome, messages), force);
    }

    public void Complete() { }

    public void Dispose() { }
}

/// <summary>
/// Writes a review page per notice under a folder, mirroring the input tree (<c>DIR/REL/NAME.EXT.html</c>), each linking
/// back to the batch's index, and the index itself (<c>DIR/index.html</c>) when the batch completes; the pages are made
/// durable together then (<see cref="Durability"/>).
/// </summary>
internal sealed class HtmlDirectorySink(string directory, bool force, Messages messages) : IResultSink
{
    private readonly IndexPage _index = new(messages);

    /// <summary>The index's file name.</summary>
    public const string IndexName = "index.html";

    public void Write(FileOutcome outcome)
    {
        string? link = null;
        if (outcome.Parsed)
        {
            var depth = outcome.File.RelativePath.Count(c => c == '/');
            AtomicFile.WriteAllText(Target(directory, outcome.File), NoticePage.Build(outcome, messages, string.Concat(Enumerable.Repeat("../", depth)) + IndexName), force,
                durable: false);
            link = Html.Href(outcome.File.RelativePath + ".html");
        }
        _index.Add(outcome, link);
    }

    /// <summary>Writes the index, then makes the batch's pages durable together (<see cref="Durability"/>).</summary>
    public void Complete()
    {
        AtomicFile.WriteAllText(Path.Combine(directory, IndexName), _index.Build(), force, durable: false);
        Durability.SyncFileSystem(directory);
    }

    public void Dispose() { }

    /// <summary>The page for <paramref name="input"/> under <paramref name="root"/>; never outside it.</summary>
    public static string Target(string root, InputFile input) => JsonDirectorySink.Target(root, input, ".html");
}

/// <summary>Prints one notice's review page.</summary>
internal sealed class HtmlStdoutSink(TextWriter output, Messages messages) : IResultSink
{
    public void Write(FileOutcome outcome)
    {
        if (outcome.Parsed) output.Write(NoticePage.Build(outcome, messages));
    }

    public void Complete() => output.Flush();

    public void Dispose() { }
}
