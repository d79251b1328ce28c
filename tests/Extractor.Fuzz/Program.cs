using System.Text;
using System.Text.RegularExpressions;
using Extractor.Parsing;
using SharpFuzz;

namespace Extractor.Fuzz;

/// <summary>
/// Fuzzing targets (SharpFuzz with AFL++; see run.sh and the README). The library's contract is that input it cannot
/// parse raises <see cref="NoticeFormatException"/> and nothing else: any other exception, a hang or a crash is a finding.
/// Each parsed notice is also checked against the invariants the property tests hold: locations inside the text, and
/// JSON that reads back to the same bytes.
/// </summary>
public static class Program
{
    private static readonly NoticeParser Parser = new(new ParserOptions
    {
        // The default limits but pages: a small package may still inflate to a long document (a Word body of many
        // paragraphs, numbering that starts near int.MaxValue, an outline of thousands of headings), which is where
        // super-linear time and memory hid; AFL's own time-out (run.sh) turns such a case into a hang to look at.
        Limits = new ParserLimits { MaxInputBytes = 64 << 20, MaxDecompressedBytes = 256 << 20, MaxPages = 50, MaxDepth = 256 },
    });

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
            _ => throw new ArgumentException("target: text, html, docx, doc, pdf, ofd, xlsx, xls, mhtml, word-xml, pipeline or auto"),
        };
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

    private static IEnumerable<SourceLocation> Locations(Notice n)
    {
        IEnumerable<SourceLocation?> all = n.Items.SelectMany(i => new[] { i.Problem.Location, i.Rectification?.Location }
            .Concat(i.Rectification?.Measures.Select(m => m.Location) ?? []).Concat(i.Fields.Select(f => f.Location)))
            .Concat(n.Warnings.Select(w => w.Location)).Concat(n.Stats.Select(s => s.Location));
        return all.OfType<SourceLocation>();
    }
}
