using System.Text.RegularExpressions;

namespace Extractor.Parsing.Rules;

/// <summary>
/// Makes the regular expressions of one compiled rule set and keeps a list of them. A pattern of the default rules is
/// taken from <see cref="DefaultPatterns"/>, compiled to C# at build time by the regex source generator (no work at run
/// time, full speed from the first match); any other pattern — a user's rules — is built with the factory's options
/// (interpreted or compiled to IL). Both kinds match alike: same pattern, same options, same timeout.
/// </summary>
internal sealed class PatternFactory(RegexOptions options, bool prebuilt = true)
{
    /// <summary>How long one match may run before it is a <see cref="RegexMatchTimeoutException"/>.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>The options every pattern is made with besides the factory's own.</summary>
    public const RegexOptions Always = RegexOptions.CultureInvariant;

    private readonly List<Regex> _made = [];

    /// <summary>A pattern that never matches stands in for an empty optional one.</summary>
    public static readonly Regex Never = new("(?!)", RegexOptions.CultureInvariant);

    /// <summary>Every pattern made so far.</summary>
    public IReadOnlyList<Regex> Made => _made;

    /// <summary>Whether every pattern made so far came compiled from the build (then there is nothing to compile at run time).</summary>
    public bool AllPrebuilt { get; private set; } = true;

    /// <summary>A rules file's pattern, <paramref name="field"/> naming it in errors.</summary>
    /// <exception cref="RuleSetException">The pattern is invalid, or empty though <paramref name="required"/>.</exception>
    public Regex Make(string? pattern, string field, bool required = false)
    {
        if (string.IsNullOrEmpty(pattern))
            return required ? throw new RuleSetException($"{field}: a pattern is needed") : Never;
        try
        {
            return Built(pattern);
        }
        catch (ArgumentException e)
        {
            throw new RuleSetException($"{field}: invalid pattern: {e.Message}", e);
        }
    }

    /// <summary>A pattern built from the rules by the library (its parts already checked).</summary>
    public Regex Built(string pattern)
    {
        var regex = prebuilt ? DefaultPatterns.Find(pattern) : null;
        if (regex is null)
        {
            regex = new Regex(pattern, options | Always, Timeout);
            AllPrebuilt = false;
        }
        _made.Add(regex);
        return regex;
    }

    /// <summary>A pattern that matches where either of two made ones does.</summary>
    public Regex Either(Regex a, Regex b) => a == Never ? b : b == Never ? a : Built($"(?:{a})|(?:{b})");
}
