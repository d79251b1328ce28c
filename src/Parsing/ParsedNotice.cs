using Extractor.Parsing.Readers;

namespace Extractor.Parsing;

/// <summary>A notice together with the document its reader extracted (<see cref="NoticeParser.ParseWithDocument"/>).</summary>
/// <param name="Notice">The notice.</param>
/// <param name="Document">
/// What the reader extracted: <see cref="ExtractedDocument.Text"/> is the text the notice's locations index
/// (<c>Document.Text[location.Start..location.End]</c> is where a value was read), and its blocks say on which page,
/// paragraph or element each part of it is.
/// </param>
public sealed record ParsedNotice(Notice Notice, ExtractedDocument Document);
