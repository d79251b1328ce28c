using System.Text;
using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests.Specs;

/// <summary>The format comes from the content: a wrong extension still works.</summary>
public sealed class FormatDetectionSpec
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-format-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private Notice ParseAs(byte[] content, string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return Spec.Parser.ParseFile(path);
    }

    [Test]
    public void A_pdf_named_txt_is_read_as_pdf() =>
        Assert.That(ParseAs(File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "Extractor.Tests", "Corpus", "pdf", "tiny.pdf")), "notice.txt").Source.Format, Is.EqualTo("pdf"));

    [Test]
    public void A_docx_named_html_is_read_as_docx() =>
        Assert.That(ParseAs(Docx.Build(Docx.P("一、问题甲") + Docx.P("整改情况：已完成。")), "notice.html").Source.Format, Is.EqualTo("docx"));

    [Test]
    public void An_html_page_named_txt_is_read_as_html()
    {
        var notice = ParseAs(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>一、问题甲</p><p>整改情况：已完成。</p></body></html>"), "notice.txt");
        Assert.That(notice.Source.Format, Is.EqualTo("html"));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public void Text_that_only_mentions_markup_is_text() =>
        Assert.That(ParseAs(Encoding.UTF8.GetBytes("<注>本通报全文如下。\n一、问题甲\n整改情况：已完成。"), "notice.txt").Source.Format, Is.EqualTo("text"));

    [Test]
    public void A_Word_97_document_named_txt_is_read_as_doc() =>
        Assert.That(ParseAs(File.ReadAllBytes(Repo.Sample("formats/seed-002-libreoffice-word97.doc")), "notice.txt").Source.Format, Is.EqualTo("doc"));

    [Test]
    public void A_wps_file_in_the_Word_97_format_is_read_as_doc() =>
        Assert.That(ParseAs(File.ReadAllBytes(Repo.Sample("formats/seed-002-renamed.wps")), "notice.wps").Items, Has.Count.EqualTo(4));

    [Test]
    public void An_OLE_file_cut_short_is_a_damaged_file()
    {
        var e = Assert.Throws<NoticeFormatException>(() => ParseAs([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "notice.doc"));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.Corrupt, "the OLE compound file (a legacy Office document) is damaged: the file is shorter than its header")));
    }

    [Test]
    public void A_password_protected_Office_file_needs_its_password() =>
        Assert.That(Assert.Throws<NoticeFormatException>(() => ParseAs(Cfb.Build("EncryptionInfo", "EncryptedPackage"), "ledger.xlsx"))!.Kind,
            Is.EqualTo(NoticeErrorKind.Encrypted));

    [TestCase("Workbook", TestName = "An_OLE_file_with_a_Workbook_stream_is_an_Excel_97_2003_workbook")]
    [TestCase("Book", TestName = "An_OLE_file_with_a_Book_stream_is_an_Excel_5_workbook")]
    public void An_OLE_file_with_a_workbook_stream_is_read_as_xls(string stream)
    {
        Assert.That(Spec.Parser.DetectFormat(Cfb.Build("\u0005SummaryInformation", stream), "ledger.et"), Is.EqualTo(InputFormat.Xls));
        Assert.That(Spec.Parser.DetectFormat(Cfb.Build("WordDocument"), "ledger.xls"), Is.Not.EqualTo(InputFormat.Xls));
    }

    [Test]
    public void A_workbook_stream_inside_an_embedded_object_does_not_make_a_workbook()
    {
        // Only the root storage's streams say what the file is: Word keeps an embedded sheet in a storage of its own.
        Assert.That(Spec.Parser.DetectFormat(Cfb.Build("WordDocument", "ObjectPool"), "notice.doc"), Is.Not.EqualTo(InputFormat.Xls));
    }

    [TestCase("xl/workbook.bin", "an Excel binary workbook (.xlsb)", TestName = "An_xlsb_package_is_named")]
    [TestCase("ppt/presentation.xml", "a PowerPoint presentation", TestName = "A_pptx_package_is_named")]
    public void A_ZIP_package_of_another_format_is_named_for_what_it_is(string part, string what)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create))
            using (var writer = new StreamWriter(zip.CreateEntry(part).Open())) writer.Write("<x/>");
        var e = Assert.Throws<NoticeFormatException>(() => ParseAs(stream.ToArray(), "notice.docx"));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.UnsupportedFormat, e.Message)));
        Assert.That(e.Message, Does.StartWith("this is " + what).And.Not.Contain("save it as .docx"));
    }

    [TestCase("table-form-calc-97.xls", "ledger.et", "xls", TestName = "A_WPS_spreadsheet_that_is_a_renamed_xls_is_read_as_xls")]
    [TestCase("table-form-calc-2007.xlsx", "ledger.docx", "xlsx", TestName = "A_workbook_named_docx_is_read_as_a_workbook")]
    [TestCase("table-form-libreoffice.docx", "ledger.xlsx", "docx", TestName = "A_Word_document_named_xlsx_is_read_as_Word")]
    [TestCase("seed-002-chromium.mhtml", "notice.html", "mhtml", TestName = "A_web_archive_named_html_is_read_as_a_web_archive")]
    [TestCase("seed-002-libreoffice-2003.xml", "notice.doc", "word-xml", TestName = "Word_2003_XML_named_doc_is_read_as_Word_XML")]
    [TestCase("seed-002-libreoffice-html.doc", "notice.doc", "html", TestName = "HTML_saved_as_doc_is_read_as_HTML")]
    public void Office_formats_are_recognised_by_content(string sample, string name, string format)
    {
        var notice = ParseAs(File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", sample)), name);
        Assert.That(notice.Source.Format, Is.EqualTo(format));
        Assert.That(notice.Items, Is.Not.Empty);
    }

    [Test]
    public void An_image_needs_OCR() =>
        Assert.That(Assert.Throws<NoticeFormatException>(() => ParseAs([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "scan.txt"))!.Kind, Is.EqualTo(NoticeErrorKind.NeedsOcr));

    [Test]
    public void Errors_name_the_file()
    {
        var e = Assert.Throws<NoticeFormatException>(() => ParseAs([], "empty.txt"));
        Assert.That(e!.SourcePath, Does.EndWith("empty.txt"));
    }
}
