using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// PdfPig's stream filters, with the last general-purpose filter of a chain (Flate, LZW, ASCII85, ASCIIHex, RunLength)
/// passing an embedded Type 1 font program — a stream with <c>/Length2</c> and no <c>/Subtype</c> — through <see
/// cref="Type1ProgramGuard"/> once decoded. Image codecs are never wrapped (PdfPig looks some of them up by type), and
/// a font program stored without a filter is not seen (PdfPig calls no filter for it; LibreOffice, whose PDFs hold the
/// Type 1 programs in our samples, compresses them).
/// </summary>
internal sealed class GuardedFilterProvider(IFilterProvider inner) : IFilterProvider
{
    public static GuardedFilterProvider Instance { get; } = new(DefaultFilterProvider.Instance);

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Guard(inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Guard(inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => inner.GetAllFilters();

    private static IReadOnlyList<IFilter> Guard(IReadOnlyList<IFilter> filters)
    {
        if (filters.Count == 0 || filters[^1] is not (FlateFilter or LzwFilter or Ascii85Filter or AsciiHexDecodeFilter or RunLengthFilter))
            return filters;
        var guarded = filters.ToArray();
        guarded[^1] = new Type1Guarded(guarded[^1]);
        return guarded;
    }

    private sealed class Type1Guarded(IFilter inner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            return streamDictionary.ContainsKey(NameToken.Length2) && !streamDictionary.ContainsKey(NameToken.Subtype)
                ? Type1ProgramGuard.Protect(decoded)
                : decoded;
        }
    }
}
