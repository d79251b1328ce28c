using Extractor.Parsing;

namespace Extractor.Cli.Export;

/// <summary>A section with its place in the tree: a 1-based id in document order (pre-order) and its parent's id.</summary>
internal sealed record FlatSection(Section Section, int Id, int? Parent);

/// <summary>The section tree of a notice, flattened in document order, and the sections an item sits in.</summary>
internal sealed class SectionTree
{
    private SectionTree(IReadOnlyList<FlatSection> sections) => Sections = sections;

    /// <summary>Every section in document order (a parent before its children), walked without recursion.</summary>
    public IReadOnlyList<FlatSection> Sections { get; }

    public static SectionTree Of(Notice notice)
    {
        var flat = new List<FlatSection>();
        var stack = new Stack<(Section Section, int? Parent)>();
        for (var i = notice.Sections.Count - 1; i >= 0; i--) stack.Push((notice.Sections[i], null));
        while (stack.Count > 0)
        {
            var (section, parent) = stack.Pop();
            var id = flat.Count + 1;
            flat.Add(new FlatSection(section, id, parent));
            for (var i = section.Sections.Count - 1; i >= 0; i--) stack.Push((section.Sections[i], id));
        }
        return new SectionTree(flat);
    }

    /// <summary>
    /// The sections an item sits in, outermost first, found by location: each section whose span holds the item's,
    /// down to (not including) the one whose heading is the item's problem.
    /// </summary>
    public IReadOnlyList<FlatSection> Around(Item item)
    {
        var path = new List<FlatSection>();
        int? parent = null;
        foreach (var s in Sections)
        {
            if (s.Parent != parent) continue;
            var span = s.Section.Location;
            if (span.Start > item.Location.Start || item.Location.End > span.End) continue;
            var heading = s.Section.HeadingLocation;
            if (heading.Start <= item.Problem.Location.Start && item.Problem.Location.Start < heading.End) break; // its own heading
            path.Add(s);
            parent = s.Id;
        }
        return path;
    }
}
