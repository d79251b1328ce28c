using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Extractor.Parsing;
using Extractor.Parsing.Rules;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Extractor.Tests.Support;

/// <summary>A fenced block of a Markdown spec: its info string, the 1-based line of its opening fence, and its lines.</summary>
public sealed record SpecBlock(string Info, int Line, IReadOnlyList<string> Lines)
{
    /// <summary>The block's content, lines joined by line feeds.</summary>
    public string Text => string.Join("\n", Lines);
}

/// <summary>
/// One example of a Markdown spec (a <c>##</c> heading followed by an input block), or a file-level defect to report.
/// <see cref="Errors"/> are defects of the Markdown itself; an example that has any fails without running.
/// </summary>
public sealed class SpecExample
{
    internal SpecExample(string file, int line, string heading)
    {
        File = file;
        Line = line;
        Heading = heading;
    }

    /// <summary>The spec file's name (<c>outline.md</c>).</summary>
    public string File { get; }

    /// <summary>The 1-based line of the example's heading.</summary>
    public int Line { get; }

    /// <summary>The heading as written.</summary>
    public string Heading { get; }

    /// <summary>The test name: <c>FileStem: Heading words</c>, ASCII only, unique among the examples read together.</summary>
    public string Name { get; internal set; } = "";

    /// <summary>The <c>notice</c> or <c>html</c> block.</summary>
    public SpecBlock? Input { get; internal set; }

    /// <summary>The optional <c>rules</c> block.</summary>
    public SpecBlock? Rules { get; internal set; }

    /// <summary>The <c>outline</c>, <c>items</c>, <c>warnings</c> and <c>expect</c> blocks, in order.</summary>
    public List<SpecBlock> Expectations { get; } = [];

    /// <summary>Defects of the Markdown, each starting with <c>file.md:LINE</c>.</summary>
    public List<string> Errors { get; } = [];

    /// <summary><c>file.md:LINE</c> of the heading.</summary>
    public string Where => $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}";

    public override string ToString() => Name;
}

/// <summary>
/// Reads the rule specs — Markdown files of examples (see <c>Specs/README.md</c>) — and checks each example against
/// the parser. Everything a file can get wrong (no expectation, an unknown block, an unreadable <c>expect</c> line)
/// makes an example fail rather than pass silently.
/// </summary>
public static partial class MarkdownSpec
{
    public const string NoticeInfo = "notice";
    public const string HtmlInfo = "html";
    public const string RulesInfo = "rules";
    public const string OutlineInfo = "outline";
    public const string ItemsInfo = "items";
    public const string WarningsInfo = "warnings";
    public const string ExpectInfo = "expect";

    private static readonly string[] KnownInfos = [NoticeInfo, HtmlInfo, RulesInfo, OutlineInfo, ItemsInfo, WarningsInfo, ExpectInfo];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>Every example of every spec file in <paramref name="directory"/> (its README.md, the format's description, excepted).</summary>
    public static IReadOnlyList<SpecExample> ReadDirectory(string directory)
    {
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.md")
                .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            var none = new SpecExample(Path.GetFileName(directory), 0, "no spec files");
            none.Errors.Add($"{directory}: no spec files (*.md) found; are they copied to the test output?");
            return Name([none]);
        }
        return Name(files.SelectMany(f => Parse(Path.GetFileName(f), File.ReadAllText(f))).ToList());
    }

    /// <summary>The examples of one spec file, named.</summary>
    public static IReadOnlyList<SpecExample> Read(string fileName, string markdown) => Name(Parse(fileName, markdown));

    private static List<SpecExample> Parse(string fileName, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var examples = new List<SpecExample>();
        var fileErrors = new List<string>();
        SpecExample? current = null;
        string At(int line) => $"{fileName}:{line.ToString(CultureInfo.InvariantCulture)}";

        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is HeadingBlock heading)
            {
                if (heading.Level > 2) continue; // a sub-heading: prose inside the current example
                current = null;
                if (heading.Level == 2)
                {
                    current = new SpecExample(fileName, heading.Line + 1, HeadingText(heading));
                    examples.Add(current);
                }
                continue;
            }
            if (block is not FencedCodeBlock fenced) continue;

            var info = fenced.Info?.Trim() ?? "";
            var lines = Enumerable.Range(0, fenced.Lines.Count).Select(i => fenced.Lines.Lines[i].Slice.ToString()).ToList();
            var code = new SpecBlock(info, fenced.Line + 1, lines);
            if (!KnownInfos.Contains(info, StringComparer.Ordinal))
            {
                var message = $"{At(code.Line)}: unknown block info string '{info}' (expected one of {string.Join(", ", KnownInfos)})";
                (current?.Errors ?? fileErrors).Add(message);
                continue;
            }
            if (current is null)
            {
                fileErrors.Add($"{At(code.Line)}: a '{info}' block outside any '## example' heading");
                continue;
            }
            switch (info)
            {
                case NoticeInfo or HtmlInfo:
                    if (current.Input is not null) current.Errors.Add($"{At(code.Line)}: a second input block in one example (the first is at line {current.Input.Line.ToString(CultureInfo.InvariantCulture)})");
                    else if (current.Expectations.Count > 0) current.Errors.Add($"{At(code.Line)}: the input block must come before the expectations");
                    current.Input ??= code;
                    break;
                case RulesInfo:
                    if (current.Rules is not null) current.Errors.Add($"{At(code.Line)}: a second rules block in one example");
                    current.Rules ??= code;
                    break;
                default:
                    if (current.Expectations.Any(e => e.Info == info && info != ExpectInfo))
                        current.Errors.Add($"{At(code.Line)}: a second '{info}' block in one example");
                    if (info == ExpectInfo)
                    {
                        for (var i = 0; i < lines.Count; i++)
                            if (ExpectLine.Parse(lines[i], out var error) is null && error is not null)
                                current.Errors.Add($"{At(code.Line + 1 + i)}: cannot read this expect line ({error}): {lines[i]}");
                        if (lines.All(string.IsNullOrWhiteSpace))
                            current.Errors.Add($"{At(code.Line)}: an empty expect block asserts nothing");
                    }
                    current.Expectations.Add(code);
                    break;
            }
        }

        foreach (var example in examples)
        {
            if (example.Input is null && (example.Expectations.Count > 0 || example.Rules is not null))
                example.Errors.Add($"{example.Where}: expectation or rules blocks but no notice or html input block");
            else if (example.Input is not null && example.Expectations.Count == 0)
                example.Errors.Add($"{example.Where}: the example has no expectation block (outline, items, warnings or expect)");
        }
        var result = examples.Where(e => e.Input is not null || e.Errors.Count > 0).ToList();
        if (result.Count == 0) fileErrors.Add($"{fileName}:1: the file has no examples ('## heading' followed by a notice or html block)");
        if (fileErrors.Count > 0)
        {
            var file = new SpecExample(fileName, 1, "spec file");
            file.Errors.AddRange(fileErrors);
            result.Insert(0, file);
        }
        return result;
    }

    private static string HeadingText(HeadingBlock heading)
    {
        var sb = new StringBuilder();
        void Walk(Inline? inline)
        {
            for (; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
                    case CodeInline code: sb.Append(code.Content); break;
                    case ContainerInline container: Walk(container.FirstChild); break;
                }
            }
        }
        Walk(heading.Inline?.FirstChild);
        return sb.ToString().Trim();
    }

    /// <summary>Gives each example its test name: <c>FileStem: Heading words</c>, ASCII only, numbered when two collide.</summary>
    private static List<SpecExample> Name(List<SpecExample> examples)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var example in examples)
        {
            var name = $"{Ascii(Path.GetFileNameWithoutExtension(example.File))}: {Ascii(example.Heading)}";
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++) unique = $"{name} {n.ToString(CultureInfo.InvariantCulture)}";
            example.Name = unique;
        }
        return examples;
    }

    /// <summary>The ASCII words of a heading: letters, digits, <c>-</c>, <c>_</c>, <c>,</c> and <c>'</c>; anything else (non-ASCII,
    /// and punctuation NUnit filters or name templates read specially) is dropped.</summary>
    internal static string Ascii(string text)
    {
        var kept = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ',' or '\'' ? c : ' ').ToArray());
        var words = WhiteSpace().Replace(kept, " ").Trim().Trim(',', '-', '\'').TrimEnd();
        return words.Length == 0 ? "example" : words;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>Runs one example: null when it holds, else the failure, starting with <c>file.md:LINE</c> of the example.</summary>
    public static string? Run(SpecExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var failures = new List<string>(example.Errors);
        if (failures.Count == 0 && example.Input is { } input)
        {
            var notice = Parse(example, input, failures);
            if (notice is not null)
                foreach (var block in example.Expectations)
                    Check(example, block, notice, failures);
        }
        else if (failures.Count == 0)
        {
            failures.Add($"{example.Where}: nothing to run");
        }
        return failures.Count == 0 ? null : $"{example.Where}: {example.Heading}\n" + string.Join("\n", failures);
    }

    private static Notice? Parse(SpecExample example, SpecBlock input, List<string> failures)
    {
        var where = $"{example.File}:{input.Line.ToString(CultureInfo.InvariantCulture)}";
        NoticeParser parser;
        try
        {
            parser = example.Rules is { } rules
                ? new NoticeParser(new ParserOptions { Rules = RuleSetLoader.Load(rules.Text, $"{example.File}:{rules.Line.ToString(CultureInfo.InvariantCulture)}") })
                : Spec.Parser;
        }
        catch (RuleSetException e)
        {
            failures.Add($"{example.File}:{example.Rules!.Line.ToString(CultureInfo.InvariantCulture)}: the rules block is invalid: {e.Message}");
            return null;
        }
        try
        {
            return input.Info == HtmlInfo
                ? parser.Parse(Encoding.UTF8.GetBytes(input.Text), InputFormat.Html)
                : parser.ParseText(input.Text);
        }
        catch (NoticeFormatException e)
        {
            failures.Add($"{where}: the input cannot be parsed: {e.Message}");
            return null;
        }
    }

    private static void Check(SpecExample example, SpecBlock block, Notice notice, List<string> failures)
    {
        var where = $"{example.File}:{block.Line.ToString(CultureInfo.InvariantCulture)}";
        switch (block.Info)
        {
            case OutlineInfo: Compare(where, OutlineInfo, block.Text, Spec.Outline(notice), failures); break;
            case ItemsInfo: Compare(where, ItemsInfo, block.Text, Spec.Items(notice), failures); break;
            case WarningsInfo: Compare(where, WarningsInfo, block.Text, Spec.Warnings(notice), failures); break;
            case ExpectInfo:
                var json = JsonNode.Parse(NoticeJson.Serialize(notice));
                for (var i = 0; i < block.Lines.Count; i++)
                {
                    var line = ExpectLine.Parse(block.Lines[i], out _);
                    if (line is null) continue; // blank
                    if (line.Evaluate(json) is { } failure)
                        failures.Add($"{example.File}:{(block.Line + 1 + i).ToString(CultureInfo.InvariantCulture)}: {block.Lines[i].Trim()}\n  {failure}");
                }
                break;
        }
    }

    private static void Compare(string where, string what, string expected, string actual, List<string> failures)
    {
        if (expected == actual) return;
        static string Indent(string text) => text.Length == 0 ? "    (none)" : string.Join("\n", text.Split('\n').Select(l => "    " + l));
        failures.Add($"{where}: {what} not as expected\n  expected:\n{Indent(expected)}\n  actual:\n{Indent(actual)}");
    }

    internal static string Show(JsonNode? node) => node?.ToJsonString(ShowOptions) ?? "null";

    private static readonly JsonSerializerOptions ShowOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>
/// One line of an <c>expect</c> block: <c>PATH = JSON</c>, <c>PATH != JSON</c> or <c>PATH ~ "text"</c>. PATH is dotted
/// camelCase with <c>[n]</c> indices from the notice JSON's root; <c>.length</c> of an array is its element count.
/// </summary>
internal sealed partial class ExpectLine
{
    private ExpectLine(string path, IReadOnlyList<object> segments, string op, JsonNode? value)
    {
        Path = path;
        Segments = segments;
        Op = op;
        Value = value;
    }

    public string Path { get; }

    /// <summary>Property names (string) and indices (int).</summary>
    public IReadOnlyList<object> Segments { get; }

    public string Op { get; }

    public JsonNode? Value { get; }

    [GeneratedRegex(@"^\s*(?<path>[^\s=!~]+)\s*(?<op>!=|=|~)\s*(?<value>.*?)\s*$")]
    private static partial Regex LineSyntax();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*$")]
    private static partial Regex PathSyntax();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\]")]
    private static partial Regex Segment();

    /// <summary>The line read, or null with <paramref name="error"/> saying why (null too for a blank line, with no error).</summary>
    public static ExpectLine? Parse(string text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = LineSyntax().Match(text);
        if (!match.Success)
        {
            error = "expected 'PATH = JSON', 'PATH != JSON' or 'PATH ~ \"text\"'";
            return null;
        }
        var path = match.Groups["path"].Value;
        if (!PathSyntax().IsMatch(path))
        {
            error = $"'{path}' is not a path like items[0].rectification.status";
            return null;
        }
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(match.Groups["value"].Value);
        }
        catch (JsonException e)
        {
            error = $"the value is not JSON: {e.Message}";
            return null;
        }
        var op = match.Groups["op"].Value;
        if (op == "~" && (value is null || value.GetValueKind() != JsonValueKind.String))
        {
            error = "'~' takes a JSON string";
            return null;
        }
        var segments = Segment().Matches(path).Select(m => m.Value.StartsWith('[')
            ? (object)int.Parse(m.Value[1..^1], CultureInfo.InvariantCulture)
            : m.Value).ToList();
        return new ExpectLine(path, segments, op, value);
    }

    /// <summary>Null when the line holds for <paramref name="root"/>, else why not (expected and actual).</summary>
    public string? Evaluate(JsonNode? root)
    {
        JsonNode? node = root;
        var at = "";
        foreach (var segment in Segments)
        {
            if (segment is int index)
            {
                if (node is not JsonArray array) return $"{Where(at)} is {Kind(node)}, not an array";
                if (index >= array.Count) return $"no element [{index.ToString(CultureInfo.InvariantCulture)}]: {Where(at)} has {array.Count.ToString(CultureInfo.InvariantCulture)}";
                node = array[index];
                at += $"[{index.ToString(CultureInfo.InvariantCulture)}]";
                continue;
            }
            var name = (string)segment;
            if (name == "length" && node is JsonArray counted)
                node = JsonValue.Create(counted.Count);
            else if (node is JsonObject obj)
            {
                if (!obj.TryGetPropertyValue(name, out node))
                    return $"{Where(at)} has no property '{name}' (it has {string.Join(", ", obj.Select(p => p.Key))})";
            }
            else return $"{Where(at)} is {Kind(node)}, it has no property '{name}'";
            at += at.Length == 0 ? name : "." + name;
        }
        var actual = MarkdownSpec.Show(node);
        return Op switch
        {
            "=" => JsonNode.DeepEquals(node, Value) ? null : $"expected {MarkdownSpec.Show(Value)}\n  actual   {actual}",
            "!=" => JsonNode.DeepEquals(node, Value) ? $"expected anything but {MarkdownSpec.Show(Value)}\n  actual   {actual}" : null,
            _ => node is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Contains(Value!.GetValue<string>(), StringComparison.Ordinal)
                ? null
                : $"expected a string containing {MarkdownSpec.Show(Value)}\n  actual   {actual}",
        };
    }

    private static string Where(string at) => at.Length == 0 ? "the notice" : at;

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ => node.GetValueKind().ToString().ToLowerInvariant(),
    };
}
