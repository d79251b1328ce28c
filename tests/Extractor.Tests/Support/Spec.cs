using System.Text;
using Extractor.Parsing;

namespace Extractor.Tests.Support;

/// <summary>
/// Helpers that make tests read like the spec: parse a fragment, and describe the result as a short outline —
/// sections indented by depth (inferred ones marked *), then one line per item, then one per warning.
/// </summary>
internal static class Spec
{
    public static readonly NoticeParser Parser = new();

    public static Notice Parse(string text) => Parser.ParseText(text);

    /// <summary>Sections as <c>marker title</c> lines, indented two spaces per level; inferred sections get a <c>*</c>.</summary>
    public static string Outline(Notice notice)
    {
        var sb = new StringBuilder();
        void Walk(IReadOnlyList<Section> sections)
        {
            foreach (var s in sections)
            {
                sb.Append(' ', (s.Depth - 1) * 2).Append(s.Marker).Append(s.Inferred ? "*" : "").Append(' ').Append(s.Title).Append('\n');
                Walk(s.Sections);
            }
        }
        Walk(notice.Sections);
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Items as <c>#N path | problem title | label | status | measures</c> lines.</summary>
    public static string Items(Notice notice) => string.Join("\n", notice.Items.Select(i =>
        $"#{i.Index} {string.Join("", i.Path)} {i.Problem.Title} | {i.Rectification?.Label ?? "-"} | "
        + $"{Status(i.Rectification?.Status)} | {i.Rectification?.Measures.Count ?? 0}"));

    /// <summary>Warnings as <c>code@line</c>.</summary>
    public static string Warnings(Notice notice) =>
        string.Join("\n", notice.Warnings.Select(w => $"{w.Code}@{w.Location?.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));

    private static string Status(RectificationStatus? status) => status switch
    {
        RectificationStatus.Done => "done",
        RectificationStatus.Ongoing => "ongoing",
        RectificationStatus.Unknown => "unknown",
        _ => "-",
    };

    /// <summary>Lines joined by line feeds (test fragments are written one paragraph per line).</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines);
}
