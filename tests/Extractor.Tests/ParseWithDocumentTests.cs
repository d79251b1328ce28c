using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// <see cref="NoticeParser.ParseWithDocument"/>: the notice with the text its locations index, for a program that shows a
/// notice beside its source.
/// </summary>
public sealed class ParseWithDocumentTests
{
    [TestCase("seed-002.txt", TestName = "Text_locations_index_the_document_text")]
    [TestCase("formats/seed-002-cms-br.html", TestName = "Html_locations_index_the_document_text")]
    [TestCase("formats/seed-002-libreoffice.docx", TestName = "Docx_locations_index_the_document_text")]
    [TestCase("formats/seed-002-libreoffice-print.pdf", TestName = "Pdf_locations_index_the_document_text")]
    public void The_notice_is_the_one_Parse_gives_and_its_locations_index_the_documents_text(string sample)
    {
        var bytes = File.ReadAllBytes(Repo.Sample(sample));
        var parsed = Spec.Parser.ParseWithDocument(bytes, InputFormat.Auto, sample);
        Assert.That(NoticeJson.Serialize(parsed.Notice), Is.EqualTo(NoticeJson.Serialize(Spec.Parser.Parse(bytes, InputFormat.Auto, sample))));
        var text = parsed.Document.Text;
        foreach (var item in parsed.Notice.Items)
        {
            var at = item.Rectification!.Location;
            Assert.That(text[at.Start..at.End], Does.StartWith(item.Rectification.Label!), $"item {item.Index}'s rectification starts with its label");
            Assert.That(item.Location.Start, Is.LessThanOrEqualTo(item.Problem.Location.Start));
            Assert.That(item.Location.End, Is.LessThanOrEqualTo(text.Length));
        }
        Assert.That(parsed.Document.Format.Name, Is.EqualTo(parsed.Notice.Source.Format));
    }
}
