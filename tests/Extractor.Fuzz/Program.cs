using System.Text;
using System.Text.RegularExpressions;
using Extractor.Parsing;
using Extractor.Parsing.Readers.Pdf;
using SharpFuzz;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Fonts.Type1.Parser;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Fuzz;

/// <summary>
/// Fuzzing targets (SharpFuzz with AFL++; see run.sh and the README). The library's contract is that input it cannot
/// parse raises <see cref="NoticeFormatException"/> and nothing else: any other exception, a hang or a crash is a finding.
/// Each parsed notice is also checked against the invariants the property tests hold: locations inside the text, and
/// JSON that reads back to the same bytes.
/// </summary>
public static class Program
{
    /// <summary>Made on first use: instrumented code must not run before SharpFuzz has set up AFL's shared memory.</summary>
    private static NoticeParser Parser => LazyParser.Value;

    private static readonly Lazy<NoticeParser> LazyParser = new(() => new NoticeParser(new ParserOptions
    {
        // The default limits but pages: a small package may still inflate to a long document (a Word body of many
        // paragraphs, numbering that starts near int.MaxValue, an outline of thousands of headings), which is where
        // super-linear time and memory hid; AFL's own time-out (run.sh) turns such a case into a hang to look at.
        Limits = new ParserLimits { MaxInputBytes = 64 << 20, MaxDecompressedBytes = 256 << 20, MaxPages = 50, MaxDepth = 256 },
    }));

    public static void Main(string[] args)
    {
        var target = args.Length > 0 ? args[0] : "";
        Action<byte[]> run = target switch
        {
            "text" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Text), bytes.Length),
            "html" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Html), bytes.Length),
            "docx" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Docx), bytes.Length),
            "pdf" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Pdf), bytes.Length),
            "doc" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Doc), bytes.Length),
            "ofd" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Ofd), bytes.Length),
            "xlsx" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Xlsx), bytes.Length),
            "xls" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Xls), bytes.Length),
            "mhtml" => bytes => Check(() => Parser.Parse(bytes, InputFormat.Mhtml), bytes.Length),
            "word-xml" => bytes => Check(() => Parser.Parse(bytes, InputFormat.WordXml), bytes.Length),
            "pipeline" => bytes => Check(() => Parser.ParseText(Encoding.UTF8.GetString(bytes)), null),
            "auto" => bytes => Check(() => Parser.Parse(bytes), bytes.Length),
            "type1" => Type1,
            "truetype" => TrueType,
            _ => throw new ArgumentException("target: text, html, docx, doc, pdf, ofd, xlsx, xls, mhtml, word-xml, pipeline, auto, type1 or truetype"),
        };
        if (target is "type1" or "truetype" && args.Length == 3 && Directory.Exists(args[2]))
        {
            // Seeds: the font programs of the target's kind embedded in the PDFs of a folder (run.sh: samples/), into
            // the folder args[1].
            FontSeeds(target, args[2], args[1]);
            return;
        }
        if (args.Length > 1)
        {
            // Replay: run the target on files (a crash corpus) without AFL.
            foreach (var file in args.Skip(1)) run(File.ReadAllBytes(file));
            return;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            run(buffer.ToArray());
        });
    }

    private static void Check(Func<Notice> parse, int? sourceBytes)
    {
        Notice notice;
        try
        {
            notice = parse();
        }
        catch (NoticeFormatException e) when (e.InnerException is not RegexMatchTimeoutException)
        {
            return; // documented: bad input is reported this way
        }
        // A pattern that ran into its time-out is reported the same way, but these are the default rules: one of their
        // patterns backtracking without end on some text is a finding (a line of 60 » did, in chrome.line).
        var json = NoticeJson.Serialize(notice);
        if (NoticeJson.Serialize(NoticeJson.Deserialize(json)) != json) throw new InvalidOperationException("JSON does not read back to the same bytes");
        foreach (var location in Locations(notice))
            if (location.Start < 0 || location.End < location.Start || location.Line < 1 || (sourceBytes is null && location.End > int.MaxValue))
                throw new InvalidOperationException($"location out of range: {location}");
    }

    /// <summary>
    /// An embedded Type 1 font program, as the PDF reader hands it to PdfPig: through <see cref="Type1ProgramGuard"/>,
    /// then PdfPig's parser, whose every exception the PDF reader's font handler catches. So only a hang, a crash or
    /// running out of memory (run.sh caps the heap at 1 GiB) is a finding.
    /// </summary>
    private static void Type1(byte[] bytes)
    {
        Memory<byte> program;
        try
        {
            program = Type1ProgramGuard.Protect(bytes);
        }
        catch (InvalidDataException)
        {
            return; // refused: PdfPig reads the font without its program
        }
        Font(() => Type1FontParser.Parse(new MemoryInputBytes(program), 0, 0, new StackDepthGuard(256)));
    }

    /// <summary>
    /// An embedded TrueType program, as PdfPig reads one for a page's text: parsed, then asked for the bounding box and
    /// advance width of character codes (its glyph table read as letters are placed). PdfPig's exceptions fail that
    /// font or page, which the PDF reader reports; only a hang, a crash or running out of memory is a finding.
    /// </summary>
    private static void TrueType(byte[] bytes) => Font(() =>
    {
        var font = TrueTypeFontParser.Parse(new TrueTypeDataBytes(new MemoryInputBytes(bytes)));
        for (var code = 0; code < 300; code++)
        {
            font.TryGetBoundingBox(code, out _);
            font.TryGetAdvanceWidth(code, out _);
        }
    });

    /// <summary>
    /// Reads a font as PdfPig's font handlers do, whose exceptions fail that font or page (the PDF reader reports it).
    /// Running out of memory is a finding when the heap is full (a runaway, which a capped heap fills in seconds), not
    /// when one array larger than the cap was asked for with the heap nearly empty: PdfPig allocates a length a font
    /// declares (a table of 1.9 GB) and reads what there is, and the system commits only the pages written.
    /// </summary>
    private static void Font(Action read)
    {
        try
        {
            read();
        }
        catch (OutOfMemoryException) when (GC.GetTotalMemory(false) < 256 << 20)
        {
            // one oversized request, not a runaway
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig fails the font or the page: the PDF reader reports it
        }
    }

    /// <summary>
    /// Which font descriptor entry holds a font target's programs (a method, not a static table: no instrumented code
    /// may run before SharpFuzz has set up AFL's shared memory).
    /// </summary>
    private static NameToken FontFile(string target) => target switch
    {
        "type1" => NameToken.FontFile,
        "truetype" => NameToken.FontFile2,
        _ => throw new ArgumentException("a font target: type1 or truetype", nameof(target)),
    };

    private static void FontSeeds(string target, string pdfs, string output)
    {
        Directory.CreateDirectory(output);
        foreach (var path in Directory.EnumerateFiles(pdfs, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = PdfDocument.Open(File.ReadAllBytes(path));
                foreach (var key in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
                {
                    if (document.Structure.GetObject(key).Data is DictionaryToken descriptor
                        && descriptor.TryGet(FontFile(target), out IndirectReferenceToken reference)
                        && document.Structure.GetObject(reference.Data).Data is StreamToken stream
                        && stream.Decode(DefaultFilterProvider.Instance) is { Length: < 64 << 10 } program)
                        File.WriteAllBytes(Path.Combine(output, $"{Path.GetFileNameWithoutExtension(path)}-{reference.Data.ObjectNumber}.font"), program.ToArray());
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // not every sample opens without a password
            }
        }
    }

    private static IEnumerable<SourceLocation> Locations(Notice n)
    {
        IEnumerable<SourceLocation?> all = n.Items.SelectMany(i => new[] { i.Problem.Location, i.Rectification?.Location }
            .Concat(i.Rectification?.Measures.Select(m => m.Location) ?? []).Concat(i.Fields.Select(f => f.Location)))
            .Concat(n.Warnings.Select(w => w.Location)).Concat(n.Stats.Select(s => s.Location));
        return all.OfType<SourceLocation>();
    }
}
