using Extractor.Cli.Dedup;
using Extractor.Cli.IO;
using Extractor.Parsing;

namespace Extractor.Cli.Batch;

/// <summary>A notice a worker process serialized: its JSON as the output wants it, and the counts the summary needs.</summary>
/// <param name="Json">The notice's JSON.</param>
/// <param name="Indented">Indented JSON ending with a line feed (<see cref="NoticeJson.Serialize"/>), else one line (<see cref="NoticeJson.SerializeLine"/>).</param>
/// <param name="Items">How many items the notice has.</param>
/// <param name="Warnings">How many warnings.</param>
internal sealed record SerializedNotice(string Json, bool Indented, int Items, int Warnings);

/// <summary>What became of one input: a notice (parsed here, or serialized by a worker), or the reason it failed.</summary>
/// <param name="File">The input.</param>
/// <param name="Notice">The notice, when it was parsed in this process.</param>
/// <param name="Error">Why it failed, when it did.</param>
internal sealed record FileOutcome(InputFile File, Notice? Notice, string? Error)
{
    private Notice? _read;

    /// <summary>The notice as a worker serialized it, written out as it is when the output is JSON of the same style.</summary>
    public SerializedNotice? Serialized { get; init; }

    /// <summary>Why it failed, as the library classes it; null when it did not fail, or failed for a reason of the tool's.</summary>
    public NoticeErrorKind? ErrorKind { get; init; }

    /// <summary>The SHA-256 of the file's bytes, lower-case hex, when the output is keyed by it (DuckDB, Parquet); else, or when the file could not be read, null.</summary>
    public string? ContentHash { get; init; }

    /// <summary>The fingerprint of the notice's text, for finding copies; null when the file failed or has no text.</summary>
    public TextFingerprint? Fingerprint { get; init; }

    /// <summary>The extracted text, when the output shows the notice in place (review pages); else null.</summary>
    public NoticeText? Text { get; init; }

    /// <summary>The earlier notice of the batch this one copies, when it does.</summary>
    public DuplicateOf? DuplicateOf { get; init; }

    /// <summary>The file gave a notice.</summary>
    public bool Parsed => Notice is not null || Serialized is not null;

    /// <summary>How many items the notice has.</summary>
    public int Items => Notice?.Items.Count ?? Serialized?.Items ?? 0;

    /// <summary>How many warnings the notice has.</summary>
    public int Warnings => Notice?.Warnings.Count ?? Serialized?.Warnings ?? 0;

    /// <summary>The notice, read from the worker's JSON when it was parsed in a worker (for tables).</summary>
    public Notice? GetNotice() => Notice ?? (Serialized is { } s ? _read ??= NoticeJson.Deserialize(s.Json) : null);

    /// <summary>The notice's JSON, indented or on one line: the worker's own text when it is of that style.</summary>
    public string? Json(bool indented) =>
        Serialized is { } s && s.Indented == indented ? s.Json
        : GetNotice() is { } notice ? indented ? NoticeJson.Serialize(notice) : NoticeJson.SerializeLine(notice)
        : null;

    /// <summary>
    /// This outcome with its notice serialized in the style given, for an output that only writes the JSON: the notice
    /// itself is let go (a worker's JSON of that style is kept as it is).
    /// </summary>
    public FileOutcome Serialize(bool indented) =>
        Serialized is { } s && s.Indented == indented ? this
        : Json(indented) is { } json ? this with { Notice = null, Serialized = new SerializedNotice(json, indented, Items, Warnings) }
        : this;

    /// <summary>This outcome as a failure.</summary>
    public FileOutcome Failed(string reason) => this with { Notice = null, Serialized = null, Error = reason, Text = null, Fingerprint = null, DuplicateOf = null };
}
