using System.Text;
using Extractor.Parsing;

namespace Extractor.Cli.Dedup;

/// <summary>
/// The words of a notice as the parser read them — title, preamble, headings and section text, each problem,
/// rectification and field, closing — for comparing notices. Taken from the notice rather than from the extracted
/// text, so that what differs between copies of one notice and is not the notice falls away: a site's chrome left
/// around the article, page numbers, the look-alike characters of a PDF's text layer (which the parser reads as the
/// ideographs they stand for), the layout of a table.
/// </summary>
internal static class NoticeContent
{
    public static string Of(Notice notice)
    {
        var text = new StringBuilder();
        void Add(string? value)
        {
            if (!string.IsNullOrEmpty(value)) text.Append(value).Append('\n');
        }
        Add(notice.Title);
        Add(notice.Preamble);
        var sections = new Stack<Section>(notice.Sections.Reverse());
        while (sections.Count > 0)
        {
            var section = sections.Pop();
            Add(section.Marker + section.Title);
            Add(section.Body?.Text);
            for (var i = section.Sections.Count - 1; i >= 0; i--) sections.Push(section.Sections[i]);
        }
        foreach (var item in notice.Items)
        {
            Add(item.Problem.Text);
            Add(item.Rectification?.Label);
            Add(item.Rectification?.Text);
            foreach (var field in item.Fields) Add(field.Name + field.Value);
        }
        Add(notice.Closing);
        return text.ToString();
    }
}
