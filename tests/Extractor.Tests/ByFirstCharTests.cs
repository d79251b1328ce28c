using Extractor.Parsing.Text;

namespace Extractor.Tests;

/// <summary>Words grouped by their first character, each group longest first: what can start at a character, in the order to try.</summary>
public sealed class ByFirstCharTests
{
    private static readonly ByFirstChar<string> Labels = new(["整改", "整改措施", "问题", "整改情况", "", "问题描述", "整改措施及成效"], w => w);

    [Test]
    public void The_words_a_character_starts_come_longest_first_then_in_ordinal_order() =>
        Assert.That(Labels.StartingWith('整'), Is.EqualTo(new[] { "整改措施及成效", "整改情况", "整改措施", "整改" }));

    [Test]
    public void Each_character_has_its_own_group() =>
        Assert.That(Labels.StartingWith('问'), Is.EqualTo(new[] { "问题描述", "问题" }));

    [Test]
    public void A_character_no_word_starts_with_has_none()
    {
        Assert.That(Labels.StartingWith('一'), Is.Null);
        Assert.That(Labels.StartingWith('\0'), Is.Null);
        Assert.That(Labels.StartingWith('\uffff'), Is.Null);
    }

    [Test]
    public void Empty_words_are_left_out_and_no_words_make_an_empty_index()
    {
        Assert.That(Labels.IsEmpty, Is.False);
        var none = new ByFirstChar<string>(["", ""], w => w);
        Assert.That(none.IsEmpty, Is.True);
        Assert.That(none.StartingWith('整'), Is.Null);
    }

    [Test]
    public void Many_first_characters_are_all_found()
    {
        var words = Enumerable.Range(0, 500).Select(i => ((char)(0x4E00 + i * 7)).ToString() + "项").ToList();
        var index = new ByFirstChar<string>(words, w => w);
        foreach (var w in words) Assert.That(index.StartingWith(w[0]), Is.EqualTo(new[] { w }), w);
    }
}
