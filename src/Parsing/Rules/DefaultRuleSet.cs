namespace Extractor.Parsing.Rules;

/// <summary>
/// The default rule set built by code rendered from <c>default-rules.json</c> (<c>DefaultRuleSet.g.cs</c>), so that a
/// process does not read the JSON to make its first parser: reading it took some 11 ms of a small file's whole run. The
/// rendering records the hash of the JSON it was made from; when the JSON shipped in the assembly is not that one (the
/// rules were changed and the file not rendered again), the JSON is read instead, so a stale file is never wrong, only
/// slower. tests/Extractor.Tests/DefaultRuleSetTests.cs renders the file and checks it.
/// </summary>
internal static partial class DefaultRuleSet
{
    /// <summary>The rule set the rendering gives, or null when it was rendered from other JSON than <paramref name="json"/>.</summary>
    public static RuleSet? For(ReadOnlySpan<byte> json) => Hash(json) == RenderedFrom ? Make() : null;

    /// <summary>FNV-1a (64-bit) of <paramref name="bytes"/>: enough to tell one version of the rules file from another.</summary>
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
