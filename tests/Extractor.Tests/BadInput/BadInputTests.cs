using Extractor.Cli;
using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests.BadInput;

/// <summary>
/// Hostile and broken input: the library returns a notice or throws <see cref="NoticeFormatException"/> with a clear
/// message — never another exception type, never a hang — and the CLI reports each bad file once and goes on.
/// </summary>
public sealed class BadInputTests
{
    public static IEnumerable<TestCaseData> Cases() => BadInputCorpus.All().Select(c => new TestCaseData(c.Name).SetName("BadInput_" + c.Name));

    private static readonly Dictionary<string, BadInputCorpus.Case> ByName = BadInputCorpus.All().ToDictionary(c => c.Name);

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(60_000)]
    public void The_library_returns_a_notice_or_throws_one_documented_exception(string name)
    {
        var bad = ByName[name];
        try
        {
            var notice = Spec.Parser.Parse(bad.Bytes, InputFormat.Auto, bad.FileName);
            // The length, not the JSON: a failure message must not print a 50 MB input back.
            Assert.That(NoticeJson.Serialize(notice).Length, Is.Positive);
        }
        catch (NoticeFormatException e)
        {
            Assert.That(e.Message.Length, Is.InRange(1, 500), e.Message[..Math.Min(e.Message.Length, 500)]);
            Assert.That(e.Message.Contains("Exception", StringComparison.Ordinal) || e.Message.Contains("   at ", StringComparison.Ordinal), Is.False,
                e.Message[..Math.Min(e.Message.Length, 500)]);
            Assert.That(e.SourcePath, Is.EqualTo(bad.FileName));
        }
    }

    [TestCase("docx_zip_bomb", NoticeErrorKind.LimitExceeded, TestName = "BadInput_kind_zip_bomb")]
    [TestCase("xlsx_zip_bomb", NoticeErrorKind.LimitExceeded, TestName = "BadInput_kind_xlsx_zip_bomb")]
    [TestCase("truncated_xls_50", NoticeErrorKind.Corrupt, TestName = "BadInput_kind_truncated_xls")]
    [TestCase("truncated_word_xml_50", NoticeErrorKind.Corrupt, TestName = "BadInput_kind_truncated_word_xml")]
    [TestCase("pdf_user_password", NoticeErrorKind.Encrypted, TestName = "BadInput_kind_encrypted")]
    [TestCase("html_deep_nesting", NoticeErrorKind.LimitExceeded, TestName = "BadInput_kind_deep_html")]
    [TestCase("text_unknown_encoding", NoticeErrorKind.UnknownEncoding, TestName = "BadInput_kind_unknown_encoding")]
    [TestCase("zip_not_docx", NoticeErrorKind.UnsupportedFormat, TestName = "BadInput_kind_zip_not_docx")]
    [TestCase("empty_pdf", NoticeErrorKind.Empty, TestName = "BadInput_kind_empty")]
    [TestCase("doc_encrypted", NoticeErrorKind.Encrypted, TestName = "BadInput_kind_encrypted_doc")]
    [TestCase("doc_fat_loop", NoticeErrorKind.Corrupt, TestName = "BadInput_kind_doc_fat_loop")]
    [TestCase("doc_directory_loop", NoticeErrorKind.Corrupt, TestName = "BadInput_kind_doc_directory_loop")]
    [TestCase("doc_huge_stream_size", NoticeErrorKind.Corrupt, TestName = "BadInput_kind_doc_huge_stream")]
    [TestCase("doc_huge_fat_count", NoticeErrorKind.Corrupt, TestName = "BadInput_kind_doc_huge_fat_count")]
    [TestCase("ole_encrypted_package", NoticeErrorKind.Encrypted, TestName = "BadInput_kind_ole_encrypted_package")]
    [TestCase("ofd_huge_page_count", NoticeErrorKind.LimitExceeded, TestName = "BadInput_kind_ofd_pages")]
    [TestCase("ofd_deep_nesting", NoticeErrorKind.LimitExceeded, TestName = "BadInput_kind_ofd_deep")]
    [TestCase("ofd_xxe", NoticeErrorKind.Corrupt, TestName = "BadInput_kind_ofd_xxe")]
    [TestCase("ofd_root_escapes", NoticeErrorKind.Corrupt, TestName = "BadInput_kind_ofd_root_escapes")]
    [TestCase("random_4096_bin", NoticeErrorKind.NotText, TestName = "BadInput_kind_random_bytes")]
    public void Known_bad_files_fail_for_the_right_reason(string name, NoticeErrorKind kind)
    {
        var e = Assert.Throws<NoticeFormatException>(() => Spec.Parser.Parse(ByName[name].Bytes, InputFormat.Auto, ByName[name].FileName));
        Assert.That(e!.Kind, Is.EqualTo(kind), e.Message);
    }

    [Test]
    public void A_scan_with_OCR_off_needs_OCR()
    {
        var parser = new NoticeParser(new ParserOptions { Ocr = new() { Mode = Extractor.Parsing.Readers.Ocr.OcrMode.Never } });
        var e = Assert.Throws<NoticeFormatException>(() => parser.Parse(ByName["pdf_scanned"].Bytes, InputFormat.Auto, ByName["pdf_scanned"].FileName));
        Assert.That(e!.Kind, Is.EqualTo(NoticeErrorKind.NeedsOcr), e.Message);
    }

    [Test]
    public void A_list_number_far_past_the_alphabet_is_written_in_digits()
    {
        // A lowerLetter list starting at 2147483000 once rendered 82-million-letter numbers: 8 GB, then out of memory.
        var text = Spec.Parser.ParseWithDocument(ByName["docx_numbering_huge_start"].Bytes).Document.Text;
        Assert.That(text.Length, Is.LessThan(100), text[..Math.Min(text.Length, 100)]);
        Assert.That(text, Does.StartWith("2147483000.问题0"));
    }

    [Test]
    public void A_page_of_more_elements_than_the_limit_is_refused_before_its_tree_is_built()
    {
        var e = Assert.Throws<NoticeFormatException>(() => Spec.Parser.Parse(ByName["html_many_elements"].Bytes, InputFormat.Auto, "many.html"));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.LimitExceeded, "the page has more than 250,000 elements")));
    }

    [Test]
    public void A_page_count_claim_is_not_trusted()
    {
        // The page tree holds one page whatever /Count claims: the file reads as what it is, without allocating for the claim.
        var notice = Spec.Parser.Parse(ByName["pdf_huge_page_count"].Bytes);
        Assert.That(notice.Source.Format, Is.EqualTo("pdf"));
    }

    [Test]
    public void External_entities_are_never_resolved()
    {
        var bad = ByName["docx_xxe"];
        try
        {
            var notice = Spec.Parser.Parse(bad.Bytes, InputFormat.Auto, bad.FileName);
            Assert.That(NoticeJson.Serialize(notice), Does.Not.Contain("root:"));
        }
        catch (NoticeFormatException e)
        {
            Assert.That(e.Kind, Is.EqualTo(NoticeErrorKind.Corrupt));
            // In the user's terms: once "set the DtdProcessing property on XmlReaderSettings".
            Assert.That(e.Message, Does.Contain("declares a document type (DTD), which is refused").And.Not.Contain("XmlReaderSettings"));
        }
    }

    [Test]
    public void A_lower_decompression_limit_stops_a_large_part_while_it_is_read()
    {
        var parser = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxDecompressedBytes = 64 * 1024 } });
        var large = Docx.Build(string.Concat(Enumerable.Repeat(Docx.P("整改情况：" + new string('甲', 1000)), 100)));
        Assert.That(Assert.Throws<NoticeFormatException>(() => parser.Parse(large))!.Kind, Is.EqualTo(NoticeErrorKind.LimitExceeded));
    }

    [Test]
    public void The_input_size_limit_applies_to_files_and_streams()
    {
        var parser = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxInputBytes = 1000 } });
        Assert.That(Assert.Throws<NoticeFormatException>(() => parser.ParseFile(Repo.Seed002))!.Kind, Is.EqualTo(NoticeErrorKind.LimitExceeded));
        using var stream = File.OpenRead(Repo.Seed002);
        Assert.That(Assert.Throws<NoticeFormatException>(() => parser.Parse(stream))!.Kind, Is.EqualTo(NoticeErrorKind.LimitExceeded));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Only_regular_files_are_read_by_path()
    {
        Assert.That(NoticeParser.KindOf("/dev/zero"), Is.EqualTo(FileEntryKind.CharacterDevice));
        Assert.That(NoticeParser.KindOf(Repo.Seed002), Is.EqualTo(FileEntryKind.Regular));
        var e = Assert.Throws<NoticeFormatException>(() => Spec.Parser.ParseFile("/dev/zero"));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.Unreadable, "it is a character device, not a regular file")));
    }

    [Test]
    public void A_page_limit_stops_long_pdfs()
    {
        var parser = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxPages = 3 } });
        var e = Assert.Throws<NoticeFormatException>(() => parser.ParseFile(Repo.Sample("formats/seed-002-libreoffice-print.pdf")));
        Assert.That(e!.Message, Does.Contain("more than the 3-page limit"));
    }

    [Test]
    public void Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.That(() => Spec.Parser.ParseFile(Repo.Sample("formats/seed-000-libreoffice-print.pdf"), InputFormat.Auto, cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    [CancelAfter(300_000)]
    public void A_batch_mixing_every_bad_file_with_the_samples_reports_each_once_and_writes_every_good_output()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-bad-").FullName;
        try
        {
            var input = Path.Combine(dir, "in");
            Directory.CreateDirectory(Path.Combine(input, "bad"));
            var bad = BadInputCorpus.All().ToList();
            foreach (var c in bad) File.WriteAllBytes(Path.Combine(input, "bad", c.Name + "-" + c.FileName), c.Bytes);
            foreach (var sample in new[] { "seed-000.txt", "seed-002.txt", "formats/table-form.html", "formats/seed-002-libreoffice.docx", "formats/seed-002-libreoffice-print.pdf" })
                File.Copy(Repo.Sample(sample), Path.Combine(input, Path.GetFileName(sample)));
            // A file link loop and a folder link loop.
            File.CreateSymbolicLink(Path.Combine(input, "bad", "loop-a.txt"), Path.Combine(input, "bad", "loop-b.txt"));
            File.CreateSymbolicLink(Path.Combine(input, "bad", "loop-b.txt"), Path.Combine(input, "bad", "loop-a.txt"));
            Directory.CreateSymbolicLink(Path.Combine(input, "bad", "self"), Path.Combine(input, "bad"));

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var output = Path.Combine(dir, "out");
            var code = Program.Run(["parse", input, "-o", output, "--quiet", "--include", "**"], stdout, stderr);
            Assert.That(code, Is.EqualTo(1));

            var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var outputs = Directory.GetFiles(output, "*.json", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();
            foreach (var c in bad.Select(c => c.Name + "-" + c.FileName).Append("loop-a.txt").Append("loop-b.txt"))
            {
                var reported = lines.Count(l => l.Contains("/" + c + ":", StringComparison.Ordinal));
                Assert.That(reported + (outputs.Contains(c + ".json") ? 1 : 0), Is.EqualTo(1), $"{c}: reported {reported} times");
            }
            Assert.That(outputs, Is.SupersetOf(new[] { "seed-000.txt.json", "seed-002.txt.json", "table-form.html.json", "seed-002-libreoffice.docx.json", "seed-002-libreoffice-print.pdf.json" }));
            Assert.That(lines.Where(l => !l.StartsWith("extractor: ", StringComparison.Ordinal)), Is.Empty, "every line names the tool, the file and the reason");
            Assert.That(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no partial output is left");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
