using System.Collections;
using System.Globalization;
using System.Resources;
using Extractor.Parsing;

namespace Extractor.Cli.Localization;

/// <summary>
/// What the tool says to people — messages, the progress line, the summary, the review pages' words — in one language,
/// read from that language's resources (<c>Messages.resx</c> English, <c>Messages.zh.resx</c> Chinese). The projects run
/// with invariant globalization, which allows no culture but the invariant one, so the resources are embedded in the
/// tool itself rather than as satellite assemblies looked up by culture, and the language is chosen by
/// <see cref="UiLanguage"/>.
/// </summary>
internal sealed class Messages
{
    private static readonly Lazy<Messages> EnglishMessages = new(() => Load("en"));
    private static readonly Lazy<Messages> ChineseMessages = new(() => Load("zh"));

    private readonly Dictionary<string, string> _strings;

    private Messages(string language, Dictionary<string, string> strings)
    {
        Language = language;
        _strings = strings;
    }

    /// <summary>English, the tool's default.</summary>
    public static Messages English => EnglishMessages.Value;

    /// <summary>Chinese.</summary>
    public static Messages Chinese => ChineseMessages.Value;

    /// <summary>The languages there are resources for.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "zh"];

    /// <summary>The language code: <c>en</c> or <c>zh</c>.</summary>
    public string Language { get; }

    /// <summary>Every key and its text.</summary>
    public IReadOnlyDictionary<string, string> All => _strings;

    /// <summary>The messages for <paramref name="language"/> (<c>zh</c>, else English).</summary>
    public static Messages For(string language) => language == "zh" ? Chinese : English;

    /// <summary>The messages in the user's language (<see cref="UiLanguage.Current"/>).</summary>
    public static Messages ForCurrentUser() => For(UiLanguage.Current());

    /// <summary>The text of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such message (a mistake in the tool).</exception>
    public string this[string key] => _strings.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"no message '{key}' in the {Language} resources");

    /// <summary>The text of <paramref name="key"/> with its placeholders filled (numbers written invariantly).</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>What the library's reason for refusing a file is called.</summary>
    public string Kind(NoticeErrorKind kind) => this["Kind" + kind];

    private static Messages Load(string language)
    {
        var name = language == "en" ? "Extractor.Cli.Messages.resources" : $"Extractor.Cli.Messages.{language}.resources";
        using var stream = typeof(Messages).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from the tool");
        using var reader = new ResourceReader(stream);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in reader) strings[(string)entry.Key] = (string)entry.Value!;
        return new Messages(language, strings);
    }
}
