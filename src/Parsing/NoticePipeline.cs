using Extractor.Parsing.Extraction;
using Extractor.Parsing.Extraction.Metadata;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Readers;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing;

/// <summary>
/// The pipeline after the reader: normalization, outline, extraction. Each stage knows nothing of the others; this
/// drives them in turn and puts the <see cref="Notice"/> together.
/// </summary>
internal static class NoticePipeline
{
    public static Notice Run(ExtractedDocument document, string? sourcePath, CompiledRules rules, CancellationToken cancellation = default)
    {
        var paragraphs = Normalizer.Normalize(document, out var glosses);
        cancellation.ThrowIfCancellationRequested();
        var outline = OutlineProcessor.Build(paragraphs, rules, document.Tables);
        cancellation.ThrowIfCancellationRequested();
        return Extract(document, outline, glosses, sourcePath, rules);
    }

    private static Notice Extract(ExtractedDocument document, OutlineDocument outline, List<(int Start, int End)> glosses, string? sourcePath, CompiledRules rules)
    {
        var locations = new LocationResolver(document);
        var warnings = new List<Warning>(document.Warnings);
        if (glosses.Count > 0)
            warnings.Add(new Warning
            {
                Code = WarningCodes.ConverterDamage,
                Message = $"{glosses.Count} pinyin glosses a character converter left after ideographs (such as “{document.Text[glosses[0].Start..glosses[0].End]}”) were dropped",
                Location = locations.Resolve(glosses[0].Start, glosses[0].End),
            });
        if (LostCharacters.Find(document.Text) is { Count: > 0 } lost)
            warnings.Add(new Warning
            {
                Code = WarningCodes.ConverterDamage,
                Message = $"{lost.Sum(l => l.End - l.Start)} characters were lost in conversion and stand as question marks (such as “{TextTools.Snippet(document.Text[Math.Max(0, lost[0].Start - 4)..Math.Min(document.Text.Length, lost[0].End + 4)].ReplaceLineEndings(" "))}”); the text keeps them as they are",
                Location = locations.Resolve(lost[0].Start, lost[0].End),
            });
        var metadata = MetadataExtractor.Extract(outline, document.ContainerTitle, rules, locations, warnings);
        var items = outline.Items.Select((item, i) =>
        {
            Checkpoint.Tick();
            return (item, ItemExtractor.Extract(item, i + 1, rules, locations, warnings));
        }).ToList();
        var sections = SectionExtractor.Extract(outline.Root, items, locations);
        foreach (var w in outline.Warnings)
            warnings.Add(new Warning
            {
                Code = w.Code,
                Message = w.Message,
                Location = w.Paragraph is null ? null : w.End < 0 ? locations.Of(w.Paragraph) : locations.Of(w.Paragraph, w.Start, w.End),
            });
        Checkpoint.Now();
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
            Items = [.. items.Select(i => i.Item2)],
            Warnings = [.. warnings.OrderBy(w => w.Location?.Start ?? -1).ThenBy(w => w.Location?.End ?? -1)],
            Source = new NoticeSource { Path = sourcePath, Format = document.Format.Name, Encoding = document.Encoding, Pages = document.Pages },
            Provenance = metadata.Provenance,
        };
    }
}
