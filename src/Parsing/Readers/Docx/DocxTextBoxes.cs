using DocumentFormat.OpenXml;

namespace Extractor.Parsing.Readers.Docx;

/// <summary>
/// Finds the text boxes (<c>w:txbxContent</c>) a run holds — in a DrawingML shape (<c>wps:txbx</c>), a group or canvas
/// of shapes, or a VML shape (<c>v:textbox</c>). Word writes a shape twice, as <c>mc:AlternateContent</c> with the
/// DrawingML version as its choice and a VML copy as the fallback: the choice is read, and the fallback only when the
/// choice holds no text box, so that no text is read twice.
/// </summary>
internal static class DocxTextBoxes
{
    /// <summary>Where text boxes may be, among a run's children.</summary>
    public static bool MayHold(OpenXmlElement element) => element.LocalName is "AlternateContent" or "drawing" or "pict" or "object";

    /// <summary>The outermost text boxes inside <paramref name="element"/>, in document order.</summary>
    public static List<OpenXmlElement> Find(OpenXmlElement element)
    {
        if (element.LocalName != "AlternateContent") return Outermost(element);
        foreach (var choice in element.ChildElements.Where(e => e.LocalName == "Choice"))
            if (Outermost(choice) is { Count: > 0 } boxes) return boxes;
        return element.ChildElements.FirstOrDefault(e => e.LocalName == "Fallback") is { } fallback ? Outermost(fallback) : [];
    }

    /// <summary>Text box contents under <paramref name="root"/>, not those nested inside another (they are read with it).</summary>
    private static List<OpenXmlElement> Outermost(OpenXmlElement root)
    {
        var boxes = new List<OpenXmlElement>();
        var stack = new Stack<OpenXmlElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (!ReferenceEquals(e, root) && e.LocalName == "txbxContent")
            {
                boxes.Add(e);
                continue;
            }
            if (e.LocalName == "AlternateContent" && !ReferenceEquals(e, root))
            {
                boxes.AddRange(Find(e));
                continue;
            }
            var children = e.ChildElements.ToArray(); // the list's indexer is O(i)
            for (var i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
        }
        return boxes;
    }
}
