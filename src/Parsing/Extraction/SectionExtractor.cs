using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction;

/// <summary>
/// Turns the outline's section tree into <see cref="Section"/>s. A section's location spans from its heading to the end
/// of its last descendant — its body, its items, its sections — so that sections nest by location: a child lies
/// inside its parent and siblings do not overlap. An item whose rectification is in a later part
/// (<see cref="RectificationPlacement.LaterPart"/>) extends its section only by its problem.
/// </summary>
internal static class SectionExtractor
{
    /// <param name="root">The outline's root.</param>
    /// <param name="items">Every item with the outline item it came from.</param>
    /// <param name="locations">The location resolver.</param>
    public static List<Section> Extract(OutlineSection root, IReadOnlyList<(OutlineItem Outline, Item Item)> items, LocationResolver locations)
    {
        var bySection = new Dictionary<OutlineSection, int>(ReferenceEqualityComparer.Instance);
        foreach (var (outline, item) in items)
        {
            // An item answered in a later part reaches its section only with its problem.
            var end = item.Rectification?.Placement == RectificationPlacement.LaterPart ? item.Problem.Location.End : item.Location.End;
            bySection[outline.Section] = Math.Max(bySection.GetValueOrDefault(outline.Section), end);
        }
        return [.. root.Children.Select(s => Convert(s, bySection, locations))];
    }

    private static Section Convert(OutlineSection s, Dictionary<OutlineSection, int> itemEnds, LocationResolver locations)
    {
        var heading = s.Heading!;
        var body = s.Body.OrderBy(p => p.SourceStart).ToList();
        var children = s.Children.Select(c => Convert(c, itemEnds, locations)).ToList();
        var end = Math.Max(heading.SourceStop, itemEnds.GetValueOrDefault(s));
        if (body.Count > 0) end = Math.Max(end, body.Max(p => p.SourceStop));
        if (children.Count > 0) end = Math.Max(end, children.Max(c => c.Location.End));
        return new Section
        {
            Marker = s.MarkerText,
            Style = s.Style!.Style,
            Depth = s.Depth,
            Number = s.Number,
            Title = s.Content is { } content ? Sentences.First(content.Text) : "",
            Inferred = s.Inferred,
            Location = locations.Resolve(heading.SourceStart, end),
            HeadingLocation = locations.Of(heading),
            Body = body.Count > 0 ? new TextSpan { Text = Paragraph.JoinText(body), Location = locations.Of(body) } : null,
            Sections = children,
        };
    }
}
