namespace Extractor.Parsing.Text;

/// <summary>
/// The line-breaking rules of Chinese typesetting (禁则, as GB/T 15834 and JIS X 4051 state them, and as word processors
/// and browsers apply them): no line starts with a closing bracket, a closing quote or a stop, and none ends with an
/// opening bracket or quote. A reader of laid-out text uses them to tell where a line break cannot have ended a paragraph.
/// </summary>
internal static class LineBreaking
{
    /// <summary>Characters a line never starts with: closing brackets and quotes, stops, and the signs that follow a number.</summary>
    public const string NoBreakBefore = "）)〕］]】》〉」』｝}”’，,。．、；;：:？?！!…‥·%％‰";

    /// <summary>Characters a line never ends with: opening brackets and quotes.</summary>
    public const string NoBreakAfter = "（(〔［[【《〈「『｛{“‘";

    /// <summary>Whether a line may not start with <paramref name="c"/>.</summary>
    public static bool IsNoBreakBefore(char c) => NoBreakBefore.Contains(c, StringComparison.Ordinal);

    /// <summary>Whether a line may not end with <paramref name="c"/>.</summary>
    public static bool IsNoBreakAfter(char c) => NoBreakAfter.Contains(c, StringComparison.Ordinal);
}
