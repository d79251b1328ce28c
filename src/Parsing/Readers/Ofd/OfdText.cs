using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Extractor.Parsing.Readers.Pdf;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.Ofd;

/// <summary>
/// The characters of an OFD page's text objects, placed (GB/T 33190 §11): a <c>TextObject</c>'s <c>Boundary</c>
/// (<c>x y w h</c>, millimetres, y down) is its origin, its <c>CTM</c> (<c>a b c d e f</c>) maps its own coordinates,
/// <c>Size</c> is the font size; each <c>TextCode</c> places its first character at <c>X</c>, <c>Y</c> (the baseline)
/// and the next ones <c>DeltaX</c> apart — a list of advances in which <c>g N d</c> stands for N advances of d; a
/// character past the advances given, or a <c>TextCode</c> without <c>X</c> or <c>Y</c>, continues from where the one
/// before ended, at an em (half an em for narrow characters). Text objects are found in layers and nested
/// <c>PageBlock</c>s, walked without recursion to <see cref="ParserLimits.MaxDepth"/>. Positions are turned into
/// points with the baseline measured up from the page's foot, as PDF's are, so the PDF layout steps apply.
/// </summary>
internal static class OfdText
{
    private const double PointsPerMillimetre = 72 / 25.4;

    /// <summary>The glyphs of the text objects under <paramref name="root"/>.</summary>
    public static IEnumerable<Glyph> Glyphs(XElement root, double pageHeight, int maxDepth, int maxGlyphs)
    {
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((root, 0));
        var count = 0;
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > maxDepth)
                throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the OFD page nests elements more than {maxDepth} levels deep");
            if (element.Name.LocalName == "TextObject")
            {
                foreach (var glyph in TextObject(element, pageHeight))
                {
                    if (++count > maxGlyphs)
                        throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the OFD page places more than {maxGlyphs} characters");
                    yield return glyph;
                }
                continue;
            }
            foreach (var child in element.Elements().Reverse()) stack.Push((child, depth + 1));
        }
    }

    private static IEnumerable<Glyph> TextObject(XElement text, double pageHeight)
    {
        var boundary = Numbers(Attr(text, "Boundary"));
        var (ox, oy) = boundary.Count >= 2 ? (boundary[0], boundary[1]) : (0, 0);
        var ctm = Numbers(Attr(text, "CTM"));
        double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
        if (ctm.Count == 6) (a, b, c, d, e, f) = (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]);
        var scale = Math.Sqrt(Math.Abs(a * d - b * c));
        if (scale is 0 or double.NaN) scale = 1;
        var size = Number(Attr(text, "Size")) is { } s and > 0 ? s : 3.5;
        double x = 0, y = 0;
        foreach (var code in text.Elements().Where(el => el.Name.LocalName == "TextCode"))
        {
            // A character is a code point (a pair of surrogates is one), as DeltaX counts them.
            var value = code.Value.EnumerateRunes().ToList();
            if (Number(Attr(code, "X")) is { } cx) x = cx;
            if (Number(Attr(code, "Y")) is { } cy) y = cy;
            var deltas = Deltas(Attr(code, "DeltaX"), value.Count);
            for (var i = 0; i < value.Count; i++)
            {
                var rune = value[i];
                var width = Width(rune, size);
                if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune))
                {
                    // Object space → page (millimetres, y down) → points, baseline up from the foot of the page.
                    var left = ox + a * x + c * y + e;
                    var top = oy + b * x + d * y + f;
                    var right = left + width * scale;
                    yield return new Glyph(rune.ToString(), left * PointsPerMillimetre, right * PointsPerMillimetre,
                        (pageHeight - top) * PointsPerMillimetre, size * scale * PointsPerMillimetre);
                }
                x += i < deltas.Count ? deltas[i] : width;
            }
        }
    }

    /// <summary>The advances of a <c>DeltaX</c>, <c>g N d</c> expanded; never more than the characters need.</summary>
    internal static List<double> Deltas(string? deltaX, int characters)
    {
        var result = new List<double>();
        if (string.IsNullOrWhiteSpace(deltaX)) return result;
        var tokens = deltaX.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var wanted = Math.Max(0, characters - 1);
        for (var i = 0; i < tokens.Length && result.Count < wanted; i++)
        {
            if (tokens[i] == "g" && i + 2 < tokens.Length && int.TryParse(tokens[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                && Number(tokens[i + 2]) is { } repeated)
            {
                for (var k = 0; k < n && result.Count < wanted; k++) result.Add(repeated);
                i += 2;
            }
            else if (Number(tokens[i]) is { } single)
            {
                result.Add(single);
            }
        }
        return result;
    }

    /// <summary>An em for CJK and full-width characters, half an em for the rest.</summary>
    private static double Width(Rune r, double size) => r.Value >= 0x3000 || CharClass.IsCjk((char)r.Value) ? size : size / 2;

    internal static string? Attr(XElement e, string name) => e.Attribute(name)?.Value;

    internal static List<double> Numbers(string? text)
    {
        var result = new List<double>();
        if (text is null) return result;
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (Number(token) is { } n) result.Add(n);
        return result;
    }

    internal static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
}
