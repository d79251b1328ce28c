using System.IO.Compression;
using System.Text;
using Extractor.Tests.Support;

namespace Extractor.Tests.BadInput;

/// <summary>
/// Hostile and broken files, generated (deterministically) where possible and otherwise read from
/// <c>tests/Extractor.Tests/Corpus</c>. Each case has a name and the bytes to write under a file name.
/// </summary>
internal static class BadInputCorpus
{
    public sealed record Case(string Name, string FileName, byte[] Bytes);

    private static string Corpus(string path) => Path.Combine(Repo.Root, "tests", "Extractor.Tests", "Corpus", path);

    public static IEnumerable<Case> All()
    {
        var random = new Random(20261123);
        foreach (var extension in new[] { "txt", "html", "docx", "pdf", "doc", "wps", "ofd", "xlsx", "xls", "mhtml", "xml", "bin" })
        {
            yield return new Case($"empty_{extension}", $"empty.{extension}", []);
            foreach (var size in new[] { 1, 17, 4096 })
            {
                var bytes = new byte[size];
                random.NextBytes(bytes);
                yield return new Case($"random_{size}_{extension}", $"random-{size}.{extension}", bytes);
            }
        }

        var pdf = File.ReadAllBytes(Corpus("pdf/tiny.pdf"));
        var docx = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "table-form-libreoffice.docx"));
        var html = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "seed-002-gbk-chrome.html"));
        var doc = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "table-form-libreoffice-word97.doc"));
        var ofd = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "seed-002-handbuilt.ofd"));
        var xls = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "table-form-calc-97.xls"));
        var xlsx = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "table-form-calc-2007.xlsx"));
        var mhtml = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "table-form-chromium.mhtml"));
        var wordXml = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "seed-002-libreoffice-2003.xml"));
        foreach (var fraction in new[] { 1, 5, 10, 25, 50, 75, 90, 99 })
        {
            yield return new Case($"truncated_xls_{fraction}", $"truncated-{fraction}.xls", xls[..(xls.Length * fraction / 100)]);
            yield return new Case($"truncated_xlsx_{fraction}", $"truncated-{fraction}.xlsx", xlsx[..(xlsx.Length * fraction / 100)]);
            yield return new Case($"truncated_mhtml_{fraction}", $"truncated-{fraction}.mhtml", mhtml[..(mhtml.Length * fraction / 100)]);
            yield return new Case($"truncated_word_xml_{fraction}", $"truncated-{fraction}.xml", wordXml[..(wordXml.Length * fraction / 100)]);
            yield return new Case($"truncated_pdf_{fraction}", $"truncated-{fraction}.pdf", pdf[..(pdf.Length * fraction / 100)]);
            yield return new Case($"truncated_docx_{fraction}", $"truncated-{fraction}.docx", docx[..(docx.Length * fraction / 100)]);
            yield return new Case($"truncated_html_{fraction}", $"truncated-{fraction}.html", html[..(html.Length * fraction / 100)]);
            yield return new Case($"truncated_doc_{fraction}", $"truncated-{fraction}.doc", doc[..(doc.Length * fraction / 100)]);
            yield return new Case($"truncated_ofd_{fraction}", $"truncated-{fraction}.ofd", ofd[..(ofd.Length * fraction / 100)]);
        }

        yield return new Case("docx_not_a_zip", "not-a-zip.docx", [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("this is not a zip archive at all")]);
        yield return new Case("zip_not_docx", "not-word.docx", Zip(("readme.txt", Encoding.UTF8.GetBytes("hello"))));
        yield return new Case("docx_zip_bomb", "bomb.docx", ZipBomb());
        yield return new Case("xls_damaged_bytes", "damaged.xls", Damaged(xls, random));
        yield return new Case("xlsx_zip_bomb", "bomb.xlsx", XlsxBomb());
        yield return new Case("ole_directory_loop", "loop.doc", OleDirectoryLoop());
        yield return new Case("docx_xxe", "xxe.docx", Xxe());
        yield return new Case("pdf_user_password", "user-password.pdf", File.ReadAllBytes(Corpus("pdf/user-password.pdf")));
        yield return new Case("pdf_scanned", "scanned.pdf", File.ReadAllBytes(Corpus("pdf/scanned.pdf")));
        yield return new Case("pdf_broken_xref", "broken-xref.pdf", MinimalPdf(brokenXref: true));
        yield return new Case("pdf_page_tree_loop", "page-loop.pdf", MinimalPdf(pagesKids: "2 0 R"));
        yield return new Case("pdf_huge_page_count", "huge-count.pdf", MinimalPdf(count: "999999999"));
        foreach (var c in BinaryCases()) yield return c;
        yield return new Case("html_deep_nesting", "deep.html", Encoding.UTF8.GetBytes(
            "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "一、问题甲" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>"));
        yield return new Case("text_50mb_line", "long-line.txt", LongLine(50 * 1024 * 1024));
        // Found by the reliability review of issue 16.
        yield return new Case("docx_numbering_huge_start", "huge-start.docx", Docx.Build(
            string.Concat(Enumerable.Range(0, 3).Select(i => Docx.P($"问题{i}", Docx.Num(1, 0)))),
            $"<w:abstractNum w:abstractNumId=\"0\">{Docx.Level(0, "lowerLetter", "%1.", start: 2147483000)}</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"));
        yield return new Case("html_many_elements", "many-elements.html", Encoding.UTF8.GetBytes(
            "<html><body>" + string.Concat(Enumerable.Repeat("<i>一</i>", 300_000)) + "</body></html>"));
        yield return new Case("docx_many_paragraphs", "many-paragraphs.docx", Docx.Build(string.Concat(Enumerable.Range(0, 40_000).Select(i => Docx.P($"{i % 999 + 1}.问题")))));
        yield return new Case("text_many_unnumbered_problems", "many-unnumbered.txt", Encoding.UTF8.GetBytes(
            "一、总体\n" + string.Concat(Enumerable.Repeat("针对制度不健全的问题\n整改情况：已完成。\n", 40_000)) + "（一）问题\n整改情况：已完成。\n"));
        foreach (var how in new[] { "truncated", "one-bad-byte", "gbk-word", "utf16le", "utf16be" })
            yield return new Case("text_decoded_" + how.Replace('-', '_'), $"decoded-{how}.txt", Specs.DecodingSpec.Damaged(how));
        yield return new Case("name_backslashes_and_dots", @"y\..\..\..\etc\passwd", Encoding.UTF8.GetBytes("一、问题甲\n整改情况：已完成。"));
        yield return new Case("text_unknown_encoding", "unknown-encoding.txt", UnknownEncoding(random));
    }

    /// <summary>Word 97-2003 and OFD files with the damage a hostile file would carry.</summary>
    private static IEnumerable<Case> BinaryCases()
    {
        WordBinary Word() => new WordBinary().P("一、问题甲").P("整改情况：已完成。");
        yield return new Case("doc_encrypted", "encrypted.doc", File.ReadAllBytes(Corpus("doc/encrypted.doc")));
        yield return new Case("doc_fat_loop", "fat-loop.doc", Word().Build(l => l.Fat[l.Starts["WordDocument"] + 1] = l.Starts["WordDocument"]));
        yield return new Case("doc_fat_self_loop", "fat-self-loop.doc", Word().Build(l => l.Fat[0] = 0));
        yield return new Case("doc_directory_loop", "directory-loop.doc", Word().Build(l => Cfb.Link(l.Directory, 1, 2, 0, 1)));
        yield return new Case("doc_huge_stream_size", "huge-stream.doc", Word().Build(l => Cfb.Size(l.Directory, 1, 0xFFFFFFFE)));
        yield return new Case("doc_huge_text_length", "huge-ccp.doc", new WordBinary { CcpText = int.MaxValue }.P("一、问题甲").Build());
        yield return new Case("doc_sector_out_of_file", "sector-out.doc", Word().Build(l => l.Fat[l.Starts["WordDocument"]] = 0x7FFFFFF0));
        var word = Word().Build();
        var huge = (byte[])word.Clone();
        BitConverter.GetBytes(0x7FFFFFFFu).CopyTo(huge, 0x2C); // FAT sector count
        yield return new Case("doc_huge_fat_count", "huge-fat.doc", huge);
        yield return new Case("ole_workbook", "book.xls", Cfb.Build([("Workbook", new byte[5000])]));
        yield return new Case("ole_encrypted_package", "secret.docx", Cfb.Build([("EncryptionInfo", new byte[64]), ("EncryptedPackage", new byte[64])]));
        var page = Ofd.Page(Ofd.Lines("关于巡察整改情况的通报", "一、问题甲", "整改情况：已完成。"));
        yield return new Case("ofd_deep_nesting", "deep.ofd", Ofd.Build([Ofd.Page(string.Concat(Enumerable.Repeat("<ofd:PageBlock>", 100_000))
            + Ofd.Text(28, 40, "一、问题甲") + string.Concat(Enumerable.Repeat("</ofd:PageBlock>", 100_000)))]));
        yield return new Case("ofd_huge_g_count", "g-count.ofd", Ofd.Build([Ofd.Page(Ofd.Text(28, 40, "一、问题甲", deltaX: "g 2147483647 5 g 99999999999 1"))]));
        yield return new Case("ofd_huge_page_count", "pages.ofd", Ofd.Build(Enumerable.Repeat(page, 3000).ToArray()));
        yield return new Case("ofd_page_loop", "page-loop.ofd", Ofd.Build([page], order: [0, 0, 0]));
        yield return new Case("ofd_xxe", "xxe.ofd", Ofd.Build([page], parts: ("OFD.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE o [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>&x;</ofd:DocRoot></ofd:DocBody></ofd:OFD>")));
        yield return new Case("ofd_root_escapes", "escape.ofd", Ofd.Build([page], docRoot: "../../../../etc/passwd"));
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            foreach (var (name, content) in entries)
                using (var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open()) entry.Write(content);
        return stream.ToArray();
    }

    /// <summary>A Word package whose document part inflates to 300 MB of spaces (a few hundred KB on disk).</summary>
    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            part.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"u8);
            for (var i = 0; i < 300; i++) part.Write(spaces);
            part.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }
        return stream.ToArray();
    }

    /// <summary>A copy with one byte in 64 overwritten at random past the header: a file damaged in transfer.</summary>
    private static byte[] Damaged(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 512; i < copy.Length; i += 64) copy[i] = (byte)random.Next(256);
        return copy;
    }

    /// <summary>A workbook whose sheet inflates to 300 MB of spaces.</summary>
    private static byte[] XlsxBomb()
    {
        var xlsx = File.ReadAllBytes(Path.Combine(Repo.Samples, "formats", "table-form-calc-2007.xlsx"));
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            part.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"u8);
            for (var i = 0; i < 300; i++) part.Write(spaces);
            part.Write("</sheetData></worksheet>"u8);
        }
        return stream.ToArray();
    }

    /// <summary>An OLE compound file whose directory chain points back at itself and whose root's children form a cycle.</summary>
    private static byte[] OleDirectoryLoop()
    {
        var bytes = Cfb.Build("Workbook", "WordDocument");
        // The FAT entry of the directory sector (sector 1) names sector 1 again; entry 2's sibling is entry 1.
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(512 + 4), 1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1024 + 2 * 128 + 0x48), 1);
        return bytes;
    }

    /// <summary>A Word document whose main part declares an external entity (XXE) that would read a local file.</summary>
    private static byte[] Xxe()
    {
        var docx = Docx.Build(Docx.P("一、问题甲") + Docx.P("整改情况：ENTITY"));
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + xml[(xml.IndexOf("<w:document", StringComparison.Ordinal))..].Replace("ENTITY", "&xxe;", StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml);
        }
        return stream.ToArray();
    }

    /// <summary>A hand-written one-page PDF with optional defects.</summary>
    internal static byte[] MinimalPdf(bool brokenXref = false, string pagesKids = "3 0 R", string count = "1")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{pagesKids}] /Count {count} >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 37 >>\nstream\nBT /F1 12 Tf 72 712 Td (Hello) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = text.Length;
        text.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append($"{(brokenXref ? offset * 7 + 3 : offset):D10} 00000 n \n");
        text.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{(brokenXref ? xref + 999 : xref)}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static byte[] LongLine(int size)
    {
        var unit = Encoding.UTF8.GetBytes("整改情况一是二是");
        var bytes = new byte[size];
        for (var i = 0; i + unit.Length <= size; i += unit.Length) unit.CopyTo(bytes, i);
        for (var i = size - size % unit.Length; i < size; i++) bytes[i] = (byte)'x';
        return bytes;
    }

    /// <summary>High bytes that no supported encoding decodes: not UTF-8, not GB18030 (0x80 and 0xFF are never valid), not Big5.</summary>
    private static byte[] UnknownEncoding(Random random)
    {
        var bytes = new byte[2048];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i % 7 == 0 ? 0x80 : 0xA1 + random.Next(0x5E));
        return bytes;
    }
}
