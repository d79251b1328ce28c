using System.Diagnostics;
using System.Text.RegularExpressions;
using Extractor.Cli.Localization;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>Chinese for Chinese readers: messages, progress and summary follow the UI culture or LANG/LC_ALL; headers follow --headers.</summary>
public sealed partial class LocalizationTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-l10n-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [TestCase("zh-CN", null, null, null, "zh", TestName = "A_Chinese_UI_culture_speaks_Chinese")]
    [TestCase("en-US", null, null, "zh_CN.UTF-8", "en", TestName = "An_English_UI_culture_wins_over_LANG")]
    [TestCase("", null, null, "zh_CN.UTF-8", "zh", TestName = "LANG_zh_CN_speaks_Chinese")]
    [TestCase("", null, null, "zh_TW.Big5", "zh", TestName = "LANG_zh_TW_speaks_Chinese")]
    [TestCase("", "C", null, "zh_CN.UTF-8", "en", TestName = "LC_ALL_wins_over_LANG")]
    [TestCase("", null, "zh_CN.UTF-8", "en_US.UTF-8", "zh", TestName = "LC_MESSAGES_wins_over_LANG")]
    [TestCase("", "zh_SG.UTF-8", "en_US.UTF-8", null, "zh", TestName = "LC_ALL_wins_over_LC_MESSAGES")]
    [TestCase("", null, null, null, "en", TestName = "Nothing_set_speaks_English")]
    [TestCase("", null, null, "de_DE.UTF-8", "en", TestName = "Other_languages_get_English")]
    public void The_language_comes_from_the_UI_culture_then_the_POSIX_variables(string culture, string? lcAll, string? lcMessages, string? lang, string expected)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = lcAll, ["LC_MESSAGES"] = lcMessages, ["LANG"] = lang };
        Assert.That(UiLanguage.Detect(culture, name => environment.GetValueOrDefault(name)), Is.EqualTo(expected));
    }

    [Test]
    public void Every_message_is_in_both_languages_with_placeholders_that_format()
    {
        Assert.That(Messages.Chinese.All.Keys.Order(), Is.EqualTo(Messages.English.All.Keys.Order()));
        var args = new object?[] { "a", 1, 2, 3, 4, 5, 6, 7 };
        foreach (var language in new[] { Messages.English, Messages.Chinese })
            foreach (var (key, text) in language.All)
            {
                Assert.That(() => language.Format(key, args), Throws.Nothing, $"{language.Language} {key}");
                Assert.That(Placeholders(text).Max(), Is.LessThan(8));
            }
        foreach (var (key, text) in Messages.Chinese.All.Where(m => !m.Key.StartsWith("Kind", StringComparison.Ordinal)))
            Assert.That(Han().IsMatch(text) || Placeholders(Messages.English[key]).Count > 0, Is.True, $"{key} is not translated: {text}");
    }

    private static List<int> Placeholders(string text) => [-1, .. Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Test]
    public void The_summary_and_errors_are_in_Chinese_for_a_Chinese_reader()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        File.Copy(Repo.Seed002, Path.Combine(input, "a.txt"));
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        var (code, _, stderr) = CliRun.RunIn("zh", "parse", input, "-o", Path.Combine(_dir, "out"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("empty.txt：空文件（"));
        Assert.That(stderr, Does.Match("extractor: 共 2 个文件，用时 [0-9.]+ 秒（每秒 [0-9.]+ 个）：解析成功 1 个（1 个有警告），失败 1 个；问题 4 条"));
        Assert.That(CliRun.RunIn("zh", "parse", input, "-o", Path.Combine(_dir, "out")).Err, Does.Contain("已存在；如要替换，请加 --force"));
    }

    [Test]
    public void The_progress_line_is_in_Chinese_for_a_Chinese_reader()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Cli.Program.Run(["parse", Repo.Sample("seed-002.txt"), Repo.Sample("skipped-number.txt"), "-o", Path.Combine(_dir, "out")], stdout, stderr,
            errorIsTerminal: true, language: "zh");
        Assert.That(stderr.ToString(), Does.Contain("解析中"));
    }

    [TestCase("zh_CN.UTF-8", "共 1 个文件", TestName = "The_tool_reads_LANG_zh_CN")]
    [TestCase("C.UTF-8", "1 files in", TestName = "The_tool_reads_LANG_C")]
    public void The_installed_tool_reads_the_language_from_the_environment(string lang, string expected)
    {
        // The tool as a user runs it: its own process, with LANG set and invariant globalization.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(Cli.Program).Assembly.Location, "parse", Repo.Samples, "--include", "seed-002.txt", "-o", Path.Combine(_dir, "out") })
            start.ArgumentList.Add(arg);
        start.Environment["LANG"] = lang;
        start.Environment.Remove("LC_ALL");
        start.Environment.Remove("LC_MESSAGES");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(stderr, Does.Contain(expected));
    }

    [Test]
    public void Chinese_headers_name_the_csv_and_xlsx_columns_in_Chinese()
    {
        var csv = Path.Combine(_dir, "items.csv");
        Assert.That(CliRun.Run("parse", Repo.Seed002, "-o", csv, "--headers", "zh").Code, Is.Zero);
        Assert.That(File.ReadAllLines(csv)[0].TrimStart('\uFEFF'),
            Is.EqualTo("文件,标题,发文单位,日期,巡察组,序号,编号,所属章节,问题概要,问题,整改标签,整改情况,整改状态,措施数,标签,其他字段,页码,行号,重复于"));
        var xlsx = Path.Combine(_dir, "all.xlsx");
        Assert.That(CliRun.Run("parse", Repo.Seed002, "-o", xlsx, "--headers", "zh").Code, Is.Zero);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value);
        Assert.That(sheets, Is.EqualTo(new[] { "通报", "问题", "错误" }));
        var header = workbook.WorkbookPart.WorksheetParts.ElementAt(1).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().First();
        Assert.That(header.InnerText, Does.StartWith("文件标题发文单位"));
        Assert.That(CliRun.Run("parse", Repo.Seed002, "--headers", "zh").Code, Is.EqualTo(2), "JSON has no headers");
    }

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
