using Extractor.Cli.Batch;
using Extractor.Parsing;

namespace Extractor.Cli.Export.Relational;

/// <summary>A row of one of the <see cref="DataSchema"/> tables, its values in column order (<see cref="DataType"/> gives each its CLR type).</summary>
internal readonly record struct DataRow(DataTable Table, object?[] Values);

/// <summary>
/// The rows an outcome gives: a notice's row and the rows of its sections, items, measures, fields, warnings and
/// stated figures, each keyed by the file's content hash; or an error's row. Values are typed as the columns are:
/// string, int, bool, DateOnly, decimal, double, a list of strings or bytes, or null.
/// </summary>
internal static class DataRows
{
    public static IEnumerable<DataRow> Of(FileOutcome outcome)
    {
        if (outcome.GetNotice() is not { } n)
        {
            yield return new DataRow(DataSchema.Errors, [outcome.File.DisplayPath, outcome.ContentHash, outcome.Error]);
            yield break;
        }
        var key = outcome.ContentHash ?? throw new InvalidOperationException($"{outcome.File.DisplayPath} was parsed without its content hash");
        yield return new DataRow(DataSchema.Notices, NoticeRow(outcome, n, key));
        var tree = SectionTree.Of(n);
        foreach (var s in tree.Sections)
        {
            var section = s.Section;
            yield return new DataRow(DataSchema.Sections,
            [
                key, s.Id, s.Parent, section.Depth, section.Marker, section.Style, section.Number, section.Title, section.Inferred,
                section.Body?.Text, .. Location(section.Location), section.HeadingLocation.Start, section.HeadingLocation.End,
            ]);
        }
        foreach (var item in n.Items)
        {
            var around = tree.Around(item);
            var r = item.Rectification;
            yield return new DataRow(DataSchema.Items,
            [
                key, item.Index, around.Count > 0 ? around[^1].Id : null, string.Concat(item.Path), string.Join(" / ", around.Select(a => a.Section.Title)),
                item.Problem.Title, item.Problem.Text, r?.Label, r?.Text, r is null ? null : Tables.Status(r.Status), r?.StatusCue?.Text,
                r?.Measures.Count ?? 0, item.Tags, .. Location(item.Location),
            ]);
            if (r is not null)
                for (var i = 0; i < r.Measures.Count; i++)
                {
                    var m = r.Measures[i];
                    yield return new DataRow(DataSchema.Measures, [key, item.Index, i + 1, m.Marker, m.Number, m.Text, .. Location(m.Location)]);
                }
            for (var i = 0; i < item.Fields.Count; i++)
            {
                var f = item.Fields[i];
                yield return new DataRow(DataSchema.Fields, [key, item.Index, i + 1, f.Name, f.Value, .. Location(f.Location)]);
            }
        }
        for (var i = 0; i < n.Warnings.Count; i++)
        {
            var w = n.Warnings[i];
            yield return new DataRow(DataSchema.Warnings, [key, i + 1, w.Code, w.Message, .. Location(w.Location)]);
        }
        for (var i = 0; i < n.Stats.Count; i++)
        {
            var s = n.Stats[i];
            yield return new DataRow(DataSchema.Stats, [key, i + 1, s.Name, s.Value, s.Unit, s.Text, .. Location(s.Location)]);
        }
    }

    private static object?[] NoticeRow(FileOutcome outcome, Notice n, string key)
    {
        int Count(RectificationStatus s) => n.Items.Count(i => (i.Rectification?.Status ?? RectificationStatus.Unknown) == s);
        return
        [
            key, outcome.File.DisplayPath, n.Source.Format, n.Source.Encoding, n.Title, n.Issuer, n.Date, n.Inspection.Inspector,
            n.Inspection.Target, n.Inspection.Kind, n.Inspection.Start, n.Inspection.End, n.Inspection.FeedbackDate, n.Preamble, n.Closing,
            n.Items.Count, Count(RectificationStatus.Done), Count(RectificationStatus.Ongoing), Count(RectificationStatus.Unknown),
            n.Warnings.Count, n.Contacts.Phones, n.Contacts.Emails, n.Contacts.Postal,
            outcome.DuplicateOf?.Hash, outcome.DuplicateOf?.Similarity, outcome.Fingerprint?.ToBytes(),
        ];
    }

    private static object?[] Location(SourceLocation? l) => [l?.Page, l?.Line, l?.Start, l?.End];
}
