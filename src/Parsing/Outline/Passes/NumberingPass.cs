using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// Numbers inferred sections from their siblings of the same style (<c>（一）</c>, unnumbered, <c>（三）</c> → the
/// unnumbered problem is <c>（二）</c>) and reports gaps (<c>（三）</c> then <c>（五）</c>) and repeats; numbering that runs on
/// across parents is no gap, nor is a first problem number above 1 (<c>问题5：</c>, the problem's number in the
/// inspection's list).
/// </summary>
internal sealed class NumberingPass : IOutlinePass
{
    public void Run(OutlineProcessor processor) => Number(processor.Root, processor.Warnings, []);

    /// <summary>
    /// Numbers the children of <paramref name="section"/>, each child's subtree right after it (recursion as deep as the
    /// marker styles). <paramref name="running"/> holds the last number of each style in document order: a list may
    /// start again at 1 under each parent or run on across them (<c>（五）</c> under 一、, then <c>（六）</c> under 二、).
    /// </summary>
    private static void Number(OutlineSection section, List<OutlineWarning> warnings, Dictionary<Rules.CompiledMarker, int> running)
    {
        var last = new Dictionary<Rules.CompiledMarker, OutlineSection>();
        // The next numbered sibling of the same style after each child, found in one pass from the end (not by a scan
        // per inferred heading, which made a long list of them quadratic).
        var nextNumbered = new OutlineSection?[section.Children.Count];
        var following = new Dictionary<Rules.CompiledMarker, OutlineSection>();
        for (var c = section.Children.Count - 1; c >= 0; c--)
        {
            var child = section.Children[c];
            if (child.Style is null) continue;
            nextNumbered[c] = following.GetValueOrDefault(child.Style);
            if (!child.Inferred) following[child.Style] = child;
        }
        for (var c = 0; c < section.Children.Count; c++)
        {
            Checkpoint.Tick();
            var child = section.Children[c];
            last.TryGetValue(child.Style!, out var previous);
            if (child.Inferred)
            {
                child.Number = (previous?.Number ?? 0) + 1;
                child.MarkerText = (previous?.Marker ?? child.Marker!).Render(child.Number);
                var next = nextNumbered[c];
                warnings.Add(new OutlineWarning(WarningCodes.InferredHeading,
                    $"the problem “{TextTools.Snippet(child.Heading!.Text)}” has no number; inferred {child.MarkerText} "
                    + $"(between {previous?.MarkerText ?? "the start"} and {next?.MarkerText ?? "the end of " + Describe(section)})",
                    child.Heading));
            }
            else
            {
                var expected = (previous?.Number ?? 0) + 1;
                if (previous is null && running.TryGetValue(child.Style!, out var before) && child.Number == before + 1) expected = child.Number;
                // A problem's number (问题5：) is its number in the inspection's list: a notice may report any of them first.
                if (previous is null && !running.ContainsKey(child.Style!) && child.Style!.NamesProblem) expected = child.Number;
                if (previous is not null && child.Number == previous.Number)
                    warnings.Add(AtMarker(WarningCodes.NumberingRepeat, $"{child.MarkerText} repeats the number of the heading before it", child));
                else if (child.Number > expected)
                    warnings.Add(AtMarker(WarningCodes.NumberingGap,
                        $"{child.MarkerText} follows {previous?.MarkerText ?? "the start of " + Describe(section)}: "
                        + $"{string.Join("", Enumerable.Range(expected, child.Number - expected).Take(5).Select(child.Marker!.Render))}"
                        + $"{(child.Number - expected > 5 ? "…" : "")} missing", child));
                else if (child.Number < expected)
                    warnings.Add(AtMarker(WarningCodes.NumberingRepeat, $"{child.MarkerText} goes back after {previous!.MarkerText}", child));
            }
            last[child.Style!] = child;
            running[child.Style!] = child.Number;
            Number(child, warnings, running);
        }
    }

    private static OutlineWarning AtMarker(string code, string message, OutlineSection section) =>
        new(code, message, section.Heading, 0, section.Marker!.ContentStart);

    private static string Describe(OutlineSection section) =>
        section.Heading is null ? "the notice" : section.MarkerText;
}
