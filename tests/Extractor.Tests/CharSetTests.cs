using Extractor.Parsing.Text;

namespace Extractor.Tests;

/// <summary>A character set holds exactly its members, over the whole range of UTF-16 code units.</summary>
public sealed class CharSetTests
{
    [Test]
    public void A_set_holds_its_members_and_nothing_else()
    {
        const string members = "。！？!?；;\0\uffff\ud800";
        var set = new CharSet(members);
        for (var c = 0; c <= char.MaxValue; c++)
            Assert.That(set.Contains((char)c), Is.EqualTo(members.Contains((char)c, StringComparison.Ordinal)), $"U+{c:X4}");
    }

    [Test]
    public void The_sentence_sets_are_the_documented_characters()
    {
        foreach (var c in Sentences.StatementEnds) Assert.That(Sentences.IsStatementEnd(c), Is.True, c.ToString());
        foreach (var c in Sentences.FullStops) Assert.That(Sentences.IsFullStop(c), Is.True, c.ToString());
        Assert.That(Sentences.IsFullStop('；'), Is.False, "a semicolon ends a clause, not a sentence");
        Assert.That(Sentences.IsStatementEnd('，'), Is.False);
        Assert.That(Sentences.IsStatementEnd('整'), Is.False);
    }
}
