using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// What the rule set says about a laid-out line, for the paragraph step: a line that opens with a heading marker
/// (<c>一、</c> <c>（2）</c>) or a label (<c>整改情况：</c>) starts a paragraph wherever it stands. The wording is the rule
/// set's; <see cref="None"/> knows none.
/// </summary>
public sealed class PdfLineCues
{
    private readonly CompiledRules? _rules;

    private PdfLineCues(CompiledRules? rules) => _rules = rules;

    /// <summary>Cues that recognise nothing: paragraphs from layout alone.</summary>
    public static PdfLineCues None { get; } = new(null);

    /// <summary>The cues of a rule set.</summary>
    public static PdfLineCues From(RuleSet rules) => new(CompiledRules.For(rules ?? throw new ArgumentNullException(nameof(rules))));

    internal static PdfLineCues From(CompiledRules rules) => new(rules);

    /// <summary>Whether a line with this text opens with a heading marker or a label, and so starts a paragraph.</summary>
    public bool OpensParagraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_rules is null) return false;
        var trimmed = text.TrimStart(' ', '\u3000', '\t');
        if (trimmed.Length == 0) return false;
        if (MarkerRecognizer.Recognize(trimmed, _rules) is not null) return true;
        return _rules.Labels.MatchAt(HanVariants.Simplify(trimmed)) is not null;
    }
}
