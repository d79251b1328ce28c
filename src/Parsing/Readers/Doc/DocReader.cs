using Extractor.Parsing.Readers.Ole;

namespace Extractor.Parsing.Readers.Doc;

/// <summary>
/// Reads a Word 97-2003 binary document (<c>.doc</c>, and WPS Office's <c>.wps</c>, the same format) natively: the OLE
/// compound file (<see cref="CompoundFile"/>), the file information block (<see cref="WordFib"/>), the text through the
/// piece table (<see cref="WordText"/>), paragraph and table properties and tracked deletions
/// (<see cref="WordFormatting"/>), list numbers (<see cref="WordLists"/>), and the walk into paragraphs, fields' results
/// and tables (<see cref="DocBodyWalker"/>). Only the main text is read: headers, footers, footnotes, comments and text
/// boxes are not. Location: the 0-based paragraph index.
/// </summary>
public sealed class DocReader : INoticeReader
{
    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Doc;

    /// <summary>Certain for an OLE compound file whose directory has a <c>WordDocument</c> stream.</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        CompoundFile.TryOpen(content, new ParserLimits())?.Stream("WordDocument") is not null ? FormatConfidence.Certain : FormatConfidence.None;

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var bytes = NoticeReaders.Bytes(content);
        try
        {
            return Read(bytes, context);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or ArgumentException)
        {
            // A structure pointing where no check above looked: still a damaged file, not a crash.
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word document is damaged: a structure in it points outside its stream", e);
        }
    }

    private static ExtractedDocument Read(byte[] bytes, ReaderContext context)
    {
        var limits = context.Limits;
        var file = CompoundFile.Open(bytes, limits);
        var main = file.Stream("WordDocument")
            ?? throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, "this OLE compound file holds no Word document");
        var document = file.Read(bytes, main);
        var fib = WordFib.Read(document);
        if (fib.Encrypted) throw new NoticeFormatException(NoticeErrorKind.Encrypted, "the Word document is encrypted and needs a password");
        var tableName = fib.TableStream1 ? "1Table" : "0Table";
        var tableEntry = file.Stream(tableName)
            ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the Word document is damaged: its table stream ({tableName}) is missing");
        var table = file.Read(bytes, tableEntry);
        context.Cancellation.ThrowIfCancellationRequested();

        var text = WordText.Read(document, fib.Part(WordFib.Clx, table), fib.CcpText, limits);
        var formatting = new WordFormatting(document, fib.Part(WordFib.PlcfBtePapx, table), fib.Part(WordFib.PlcfBteChpx, table),
            fib.Part(WordFib.Stshf, table), limits.MaxDepth);
        var lists = new WordLists(table, fib.Offset(WordFib.PlfLst), fib.Offset(WordFib.PlfLfo));
        var builder = new ExtractedDocumentBuilder();
        new DocBodyWalker(builder, text, formatting, lists, context.Cancellation).Walk();
        return builder.Build(InputFormat.Doc, null, [], SummaryInformation.Title(file, bytes));
    }
}
