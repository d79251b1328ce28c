using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction.Metadata;

/// <summary>Reads the contacts a notice offers for public supervision: telephone numbers, e-mail and postal addresses.</summary>
internal static class ContactsExtractor
{
    public static Contacts Extract(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules)
    {
        var md = rules.Metadata;
        var phones = new List<string>();
        var emails = new List<string>();
        var postal = new List<string>();
        foreach (var p in paragraphs)
        {
            Checkpoint.Tick();
            var withoutEmails = p.Text.ToCharArray();
            foreach (var m in BoundedMatches.All(md.Email, p.Text))
            {
                AddDistinct(emails, m.Value);
                withoutEmails.AsSpan(m.Index, m.End - m.Index).Fill(' ');
            }
            foreach (var m in BoundedMatches.All(md.Phone, new string(withoutEmails))) AddDistinct(phones, m.Value);
            foreach (var m in BoundedMatches.All(md.Postal, p.Text))
                if (m.Group("value").Value.Trim() is { Length: > 0 } v && !v.Contains('@')) AddDistinct(postal, v);
        }
        return new Contacts { Phones = phones, Emails = emails, Postal = postal };
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value)) list.Add(value);
    }
}
