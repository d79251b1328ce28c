using DocumentFormat.OpenXml;

namespace Extractor.Parsing.Readers.Docx;

/// <summary>
/// Renders Word automatic numbering as displayed, from <c>numbering.xml</c> and <c>styles.xml</c>: the
/// <c>numPr</c> of the paragraph or, failing that, of its style chain (<c>basedOn</c>); <c>numStyleLink</c>;
/// <c>lvlOverride</c> with <c>startOverride</c> or a whole level; <c>start</c>, <c>lvlRestart</c>, <c>isLgl</c>;
/// <c>lvlText</c> such as <c>%1、</c> <c>（%2）</c> <c>%1.%2</c>. Counters are kept per abstract numbering, as Word does;
/// a <c>num</c> that overrides a level is a list instance of its own. Word 2003 XML's vocabulary is read the same way:
/// <c>w:lists</c> with <c>listDef</c> (an abstract numbering), <c>list</c>/<c>ilfo</c> (an instance) and <c>nfc</c>
/// codes for formats, <c>listPr</c> for <c>numPr</c>.
/// </summary>
internal sealed class DocxNumbering
{
    private const int Levels = ListCounters.Levels;

    private sealed record Level(int Start, string Format, string Text, bool IsLegal, int? Restart, string? ParagraphStyle);

    private sealed record Abstract(Dictionary<int, Level> Levels, string? NumStyleLink);

    private sealed record Instance(int AbstractId, Dictionary<int, int> StartOverrides, Dictionary<int, Level> LevelOverrides)
    {
        public bool Overrides => StartOverrides.Count > 0 || LevelOverrides.Count > 0;
    }

    private sealed record Style(string? BasedOn, int? NumId, int? Level);

    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Abstract> _abstracts = [];
    private readonly Dictionary<int, Instance> _instances = [];
    private readonly ListCounters _counters = new();
    private readonly string? _defaultStyle;

    public DocxNumbering(OpenXmlElement? numbering, OpenXmlElement? styles)
    {
        if (styles is not null)
            foreach (var style in styles.ChildElements.Where(e => e.LocalName == "style" && Attr(e, "type") == "paragraph"))
            {
                var id = Attr(style, "styleId");
                if (id is null) continue;
                var numPr = NumPr(Child(style, "pPr"));
                _styles[id] = new Style(Val(Child(style, "basedOn")), NumId(numPr), Int(Val(Child(numPr, "ilvl"))));
                if (Attr(style, "default") is "1" or "true" or "on") _defaultStyle = id;
            }
        if (numbering is null) return;
        foreach (var element in numbering.ChildElements)
        {
            if (element.LocalName is "abstractNum" or "listDef" && Int(Attr(element, "abstractNumId") ?? Attr(element, "listDefId")) is { } abstractId)
            {
                var levels = new Dictionary<int, Level>();
                foreach (var lvl in element.ChildElements.Where(e => e.LocalName == "lvl"))
                    if (ReadLevel(lvl) is { } level && Int(Attr(lvl, "ilvl")) is { } ilvl and >= 0 and < Levels)
                        levels[ilvl] = level;
                _abstracts[abstractId] = new Abstract(levels, Val(Child(element, "numStyleLink")));
            }
            else if (element.LocalName is "num" or "list" && Int(Attr(element, "numId") ?? Attr(element, "ilfo")) is { } numId
                     && Int(Val(Child(element, "abstractNumId") ?? Child(element, "ilst"))) is { } target)
            {
                var starts = new Dictionary<int, int>();
                var overrides = new Dictionary<int, Level>();
                foreach (var o in element.ChildElements.Where(e => e.LocalName == "lvlOverride"))
                {
                    if (Int(Attr(o, "ilvl")) is not { } ilvl || ilvl is < 0 or >= Levels) continue;
                    if (Int(Val(Child(o, "startOverride"))) is { } start) starts[ilvl] = start;
                    if (Child(o, "lvl") is { } lvl && ReadLevel(lvl) is { } level) overrides[ilvl] = level;
                }
                _instances[numId] = new Instance(target, starts, overrides);
            }
        }
    }

    private static Level? ReadLevel(OpenXmlElement lvl) => new(
        Int(Val(Child(lvl, "start"))) ?? 1,
        Val(Child(lvl, "numFmt")) ?? ListCounters.FormatOfNfc(Int(Val(Child(lvl, "nfc")))),
        Val(Child(lvl, "lvlText")) ?? "",
        (Child(lvl, "isLgl") ?? Child(lvl, "legal")) is { } legal && Val(legal) is not ("0" or "false" or "off"),
        Int(Val(Child(lvl, "lvlRestart"))),
        Val(Child(lvl, "pStyle")));

    /// <summary>The number Word displays before <paramref name="paragraph"/>, or null; counters advance.</summary>
    public string? Render(OpenXmlElement paragraph)
    {
        var pPr = Child(paragraph, "pPr");
        var numPr = NumPr(pPr);
        var numId = NumId(numPr);
        var ilvl = Int(Val(Child(numPr, "ilvl")));
        var styleId = Val(Child(pPr, "pStyle")) ?? _defaultStyle;
        for (var (id, hops) = (styleId, 0); id is not null && hops < 32 && (numId is null || ilvl is null); hops++)
        {
            if (!_styles.TryGetValue(id, out var style)) break;
            numId ??= style.NumId;
            if (ilvl is null && style.NumId is not null) ilvl = style.Level;
            id = style.BasedOn;
        }
        if (numId is not { } n || n == 0 || !_instances.TryGetValue(n, out var instance)) return null;
        if (!_abstracts.TryGetValue(instance.AbstractId, out var definition)) return null;
        if (definition.NumStyleLink is { } link && _styles.TryGetValue(link, out var linked)
            && linked.NumId is { } linkedNum && _instances.TryGetValue(linkedNum, out var linkedInstance)
            && _abstracts.TryGetValue(linkedInstance.AbstractId, out var linkedDefinition))
            definition = linkedDefinition;
        ilvl ??= definition.Levels.FirstOrDefault(l => l.Value.ParagraphStyle == styleId && styleId is not null).Key;
        var level = Math.Clamp(ilvl ?? 0, 0, Levels - 1);
        Level? LevelAt(int i) => instance.LevelOverrides.TryGetValue(i, out var o) ? o : definition.Levels.GetValueOrDefault(i);
        return _counters.Next(instance.Overrides ? $"n{n}" : $"a{instance.AbstractId}", level,
            i => LevelAt(i) is { } l ? new ListLevel(l.Start, l.Format, l.Text, l.IsLegal, l.Restart) : null, instance.StartOverrides);
    }

    /// <summary>The numbering properties of paragraph properties: <c>numPr</c>, or Word 2003's <c>listPr</c>.</summary>
    private static OpenXmlElement? NumPr(OpenXmlElement? pPr) => Child(pPr, "numPr") ?? Child(pPr, "listPr");

    /// <summary>The list instance numbering properties name: <c>numId</c>, or Word 2003's <c>ilfo</c>.</summary>
    private static int? NumId(OpenXmlElement? numPr) => Int(Val(Child(numPr, "numId") ?? Child(numPr, "ilfo")));

    internal static OpenXmlElement? Child(OpenXmlElement? e, string localName)
    {
        if (e is null) return null;
        foreach (var child in e.ChildElements)
            if (child.LocalName == localName) return child;
        return null;
    }

    internal static string? Attr(OpenXmlElement? e, string localName)
    {
        if (e is null) return null;
        foreach (var a in e.GetAttributes())
            if (a.LocalName == localName) return a.Value;
        return null;
    }

    internal static string? Val(OpenXmlElement? e) => Attr(e, "val");

    private static int? Int(string? s) =>
        int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
