namespace Extractor.Cli.Localization;

/// <summary>
/// The language the user reads. The UI culture decides when it is set (a host may set it); with invariant
/// globalization .NET does not read the locale from the environment, so the POSIX variables are read as a program in C
/// would: <c>LC_ALL</c>, then <c>LC_MESSAGES</c>, then <c>LANG</c>, the first that is set. Chinese when that names
/// Chinese (<c>zh_CN.UTF-8</c>, <c>zh-TW</c>, <c>zh</c>), English otherwise.
/// </summary>
internal static class UiLanguage
{
    private static readonly string[] Variables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>The language of this process's user: <c>zh</c> or <c>en</c>.</summary>
    public static string Current() =>
        Detect(System.Globalization.CultureInfo.CurrentUICulture.Name, Environment.GetEnvironmentVariable);

    /// <summary>The language for a UI culture name and an environment.</summary>
    public static string Detect(string? uiCulture, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(uiCulture)) return Language(uiCulture);
        foreach (var variable in Variables)
            if (environment(variable) is { Length: > 0 } value) return Language(value);
        return "en";
    }

    private static string Language(string locale) =>
        locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";
}
