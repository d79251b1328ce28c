using Extractor.Parsing.Documents;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction;

/// <summary>Runs normalization, outline and extraction on a reader's output and assembles the <see cref="Notice"/>.</summary>
internal static class NoticeAssembler
{
    public static Notice Assemble(ExtractedDocument document, string? sourcePath, CompiledRules rules, CancellationToken cancellation = default)
    {
        var paragraphs = Normalizer.Normalize(document);
        cancellation.ThrowIfCancellationRequested();
        var outline = OutlineBuilder.Build(paragraphs, rules, document.Tables);
        cancellation.ThrowIfCancellationRequested();
        return Assemble(document, outline, sourcePath, rules);
    }

    internal static Notice Assemble(ExtractedDocument document, OutlineDocument outline, string? sourcePath, CompiledRules rules)
    {
        var locations = new LocationResolver(document);
        var warnings = new List<Warning>(document.Warnings);
        var metadata = MetadataExtractor.Extract(outline, document.ContainerTitle, rules, locations, warnings);
        var sections = outline.Root.Children.Select(s => Convert(s, locations)).ToList();
        var items = outline.Items.Select((item, i) => ItemExtractor.Extract(item, i + 1, rules, locations, warnings)).ToList();
        foreach (var w in outline.Warnings)
            warnings.Add(new Warning
            {
                Code = w.Code,
                Message = w.Message,
                Location = w.Paragraph is null ? null : w.End < 0 ? locations.Of(w.Paragraph) : locations.Of(w.Paragraph, w.Start, w.End),
            });
        var stats = StatsExtractor.Extract(StatsExtractor.NoticeLevelText(outline, metadata.PreambleParagraphs), rules, locations);
        return new Notice
        {
            Title = metadata.Title,
            Issuer = metadata.Issuer,
            Date = metadata.Date,
            Inspection = metadata.Inspection,
            Preamble = metadata.Preamble,
            Closing = metadata.Closing,
            Contacts = metadata.Contacts,
            Stats = stats,
            Sections = sections,
            Items = items,
            Warnings = [.. warnings.OrderBy(w => w.Location?.Start ?? -1).ThenBy(w => w.Location?.End ?? -1)],
            Source = new NoticeSource
            {
                Path = sourcePath,
                Format = FormatName(document.Format),
                Encoding = document.Encoding,
            },
            Provenance = metadata.Provenance,
        };
    }

    internal static string FormatName(InputFormat format) => format switch
    {
        InputFormat.Html => "html",
        InputFormat.Docx => "docx",
        InputFormat.Pdf => "pdf",
        _ => "text",
    };

    private static Section Convert(OutlineSection s, LocationResolver locations)
    {
        var body = s.Body.OrderBy(p => p.SourceStart).ToList();
        return new Section
        {
            Marker = s.MarkerText,
            Style = s.Style!.Style,
            Depth = s.Depth,
            Number = s.Number,
            Title = s.Content is { } content ? TextTools.FirstSentence(content.Text) : "",
            Inferred = s.Inferred,
            Location = locations.Of(s.Heading!),
            Body = body.Count > 0 ? new TextSpan { Text = TextTools.Join(body), Location = locations.Of(body) } : null,
            Sections = s.Children.Select(c => Convert(c, locations)).ToList(),
        };
    }
}
