using System.CommandLine;
using System.Globalization;
using Extractor.Parsing;

namespace Extractor.Cli.Commands;

/// <summary>The options that decide how files are read — encoding, rules, limits — shared by 'parse' and its workers.</summary>
internal sealed class ReaderOptions
{
    private static readonly ParserLimits Defaults = new();

    public Option<string?> Encoding { get; } = new("--encoding")
    {
        Description = "Encoding of text input (utf-8, gb18030, gbk, big5, utf-16…). Default: detect (BOM, UTF-8, GB18030, Big5).",
        HelpName = "NAME",
    };

    public Option<FileInfo?> Rules { get; } = new("--rules")
    {
        Description = "A rules file (JSON) that extends or overrides the default rules and can add tags; see 'extractor rules'.",
        HelpName = "FILE",
    };

    public Option<int> MaxSize { get; } = new("--max-size")
    {
        Description = "Largest input file in MiB; a bigger one is reported and skipped.",
        DefaultValueFactory = _ => (int)(Defaults.MaxInputBytes >> 20),
        HelpName = "MIB",
    };

    public Option<int> MaxUnzipped { get; } = new("--max-unzipped")
    {
        Description = "Largest decompressed size of a Word, Excel or OFD package's parts, or of a .doc's text, in MiB (zip bombs stop here).",
        DefaultValueFactory = _ => (int)(Defaults.MaxDecompressedBytes >> 20),
        HelpName = "MIB",
    };

    public Option<int> MaxPages { get; } = new("--max-pages")
    {
        Description = "Most pages of a PDF or an OFD.",
        DefaultValueFactory = _ => Defaults.MaxPages,
        HelpName = "N",
    };

    public Option<int> MaxDepth { get; } = new("--max-depth")
    {
        Description = "Deepest nesting of HTML, Word or OFD elements, or of storages in a .doc.",
        DefaultValueFactory = _ => Defaults.MaxDepth,
        HelpName = "N",
    };

    public IEnumerable<Option> All => [Encoding, Rules, MaxSize, MaxUnzipped, MaxPages, MaxDepth];

    public (string? Encoding, FileInfo? Rules, ParserLimits Limits) Read(ParseResult result) => (
        result.GetValue(Encoding),
        result.GetValue(Rules),
        new ParserLimits
        {
            MaxInputBytes = (long)result.GetValue(MaxSize) << 20,
            MaxDecompressedBytes = (long)result.GetValue(MaxUnzipped) << 20,
            MaxPages = result.GetValue(MaxPages),
            MaxDepth = result.GetValue(MaxDepth),
        });

    /// <summary>The command-line arguments that give a worker the same reading options.</summary>
    public static IEnumerable<string> Arguments(string? encoding, FileInfo? rules, ParserLimits limits)
    {
        var c = CultureInfo.InvariantCulture;
        if (encoding is not null) yield return "--encoding=" + encoding;
        if (rules is not null) yield return "--rules=" + rules.FullName;
        yield return "--max-size=" + (limits.MaxInputBytes >> 20).ToString(c);
        yield return "--max-unzipped=" + (limits.MaxDecompressedBytes >> 20).ToString(c);
        yield return "--max-pages=" + limits.MaxPages.ToString(c);
        yield return "--max-depth=" + limits.MaxDepth.ToString(c);
    }
}
