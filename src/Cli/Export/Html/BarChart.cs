using System.Globalization;
using System.Text;

namespace Extractor.Cli.Export.Html;

/// <summary>A horizontal bar chart as inline SVG: a label, a bar scaled to the largest value, and the value, per row.</summary>
internal static class BarChart
{
    private const int LabelWidth = 168, BarWidth = 220, Row = 22, Width = LabelWidth + BarWidth + 48;

    /// <summary>The rows to draw: a label, its value, and the CSS class of its bar.</summary>
    public sealed record Bar(string Label, int Value, string Class = "bar");

    public static void Write(StringBuilder html, string caption, IReadOnlyList<Bar> bars, string empty)
    {
        html.Append("<figure><figcaption>").Append(Html.Escape(caption)).Append("</figcaption>");
        if (bars.Count == 0)
        {
            html.Append("<p>").Append(Html.Escape(empty)).Append("</p></figure>\n");
            return;
        }
        var height = bars.Count * Row + 4;
        var max = Math.Max(1, bars.Max(b => b.Value));
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"")
            .Append(Html.Escape(caption)).Append("\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * Row + 2;
            var length = bar.Value == 0 ? 0 : Math.Max(2, (int)Math.Round((double)bar.Value / max * BarWidth));
            html.Append("<g><title>").Append(Html.Escape(bar.Label)).Append(CultureInfo.InvariantCulture, $": {bar.Value}</title>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">").Append(Html.Escape(Shorten(bar.Label))).Append("</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"{bar.Class}\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length}\" height=\"{Row - 6}\" rx=\"2\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 5}\" y=\"{y + 15}\">{bar.Value}</text></g>");
        }
        html.Append("</svg></figure>\n");
    }

    /// <summary>The <paramref name="top"/> largest counts, the rest summed as one bar named by <paramref name="others"/>.</summary>
    public static List<Bar> Top(IReadOnlyDictionary<string, int> counts, int top, Func<int, string> others)
    {
        var ordered = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var bars = ordered.Take(top).Select(c => new Bar(c.Key, c.Value)).ToList();
        if (ordered.Count > top) bars.Add(new Bar(others(ordered.Count - top), ordered.Skip(top).Sum(c => c.Value)));
        return bars;
    }

    /// <summary>A label cut to fit its column (CJK characters count two), with an ellipsis.</summary>
    private static string Shorten(string label)
    {
        const int fits = 24;
        var width = 0;
        for (var i = 0; i < label.Length; i++)
        {
            width += label[i] >= '\u1100' ? 2 : 1;
            if (width > fits) return label[..(i > 0 && char.IsHighSurrogate(label[i - 1]) ? i - 1 : i)] + "…";
        }
        return label;
    }
}
