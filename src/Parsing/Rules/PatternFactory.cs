using System.Text.RegularExpressions;

namespace Extractor.Parsing.Rules;

/// <summary>
/// Makes the regular expressions of one compiled rule set, all with the same options (interpreted or compiled to IL),
/// and keeps a list of them.
/// </summary>
internal sealed class PatternFactory(RegexOptions options)
{
    /// <summary>How long one match may run before it is a <see cref="RegexMatchTimeoutException"/>.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly List<Regex> _made = [];

    /// <summary>A pattern that never matches stands in for an empty optional one.</summary>
    public static readonly Regex Never = new("(?!)", RegexOptions.CultureInvariant);

    /// <summary>Every pattern made so far.</summary>
    public IReadOnlyList<Regex> Made => _made;

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
        var regex = new Regex(pattern, options | RegexOptions.CultureInvariant, Timeout);
        _made.Add(regex);
        return regex;
    }

    /// <summary>A pattern that matches where either of two made ones does.</summary>
    public Regex Either(Regex a, Regex b) => a == Never ? b : b == Never ? a : Built($"(?:{a})|(?:{b})");
}
