using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>The JSON contract: readable Chinese, deterministic bytes, a lossless round trip.</summary>
public sealed class JsonTests
{
    [Test]
    public void Chinese_is_written_as_is_not_escaped()
    {
        var json = NoticeJson.Serialize(Spec.Parser.ParseFile(Repo.Seed002));
        Assert.That(json, Does.Contain("\"issuer\": \"中共襄城县委\""));
        Assert.That(json, Does.Not.Contain("\\u"));
    }

    [Test]
    public void The_same_input_gives_byte_identical_json()
    {
        var first = NoticeJson.Serialize(new NoticeParser().ParseFile(Repo.Seed000));
        var second = NoticeJson.Serialize(new NoticeParser().ParseFile(Repo.Seed000));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Notices_are_written_as_NoticeJson_Options_writes_them_on_every_text_input()
    {
        // NoticeJson writes through the source generator's serialization code; a caller serializing a notice with the
        // public options goes through the metadata path. The two must give the same bytes.
        var parser = new NoticeParser();
        var compact = new System.Text.Json.JsonSerializerOptions(NoticeJson.Options) { WriteIndented = false };
        foreach (var file in SameNotices.TextInputs())
        {
            var notice = parser.ParseFile(file);
            Assert.That(NoticeJson.Serialize(notice), Is.EqualTo(System.Text.Json.JsonSerializer.Serialize(notice, NoticeJson.Options) + "\n"), file);
            Assert.That(NoticeJson.SerializeLine(notice), Is.EqualTo(System.Text.Json.JsonSerializer.Serialize(notice, compact)), file);
        }
    }

    [Test]
    public void Reading_the_json_back_and_writing_it_again_is_identical()
    {
        var json = NoticeJson.Serialize(Spec.Parser.ParseFile(Repo.Seed000));
        Assert.That(NoticeJson.Serialize(NoticeJson.Deserialize(json)), Is.EqualTo(json));
    }

    [Test]
    public void The_contract_has_the_documented_top_level_fields_in_order()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(NoticeJson.Serialize(Spec.Parser.ParseFile(Repo.Seed002)));
        Assert.That(doc.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
        {
            "title", "issuer", "date", "inspection", "preamble", "closing", "contacts", "stats", "sections", "items", "warnings", "source", "provenance",
        }));
    }

    [Test]
    public void Json_lines_put_one_notice_on_one_line()
    {
        var line = NoticeJson.SerializeLine(Spec.Parser.ParseFile(Repo.Seed002));
        Assert.That(line, Does.Not.Contain("\n"));
        Assert.That(NoticeJson.Deserialize(line).Items, Has.Count.EqualTo(4));
    }
}
