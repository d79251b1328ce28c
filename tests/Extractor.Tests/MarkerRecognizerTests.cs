using System.Text.RegularExpressions;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// A marker looked for inside a paragraph (<see cref="MarkerRecognizer.RecognizeAt"/>) is matched in place, on the range
/// from the position as far as a marker can reach, and must be exactly the marker found on that range cut out.
/// </summary>
public sealed class MarkerRecognizerTests
{
    private static readonly CompiledRules Rules = CompiledRules.Default;

    [Test]
    public void A_marker_inside_a_paragraph_is_found_where_it_starts_with_its_content_counted_from_there()
    {
        var marker = MarkerRecognizer.RecognizeAt("问题甲已整改。二、问题乙", 7, Rules);
        Assert.That(marker, Is.Not.Null);
        Assert.That((marker!.Number, marker.Text, marker.ContentStart), Is.EqualTo((2, "二、", 2)));
    }

    [Test]
    public void Text_before_the_position_is_not_part_of_the_input()
    {
        // What RecognizeAt relies on: Regex.Match(text, beginning, length) takes the range as the whole input.
        Assert.That(new Regex("^二").Match("甲二", 1, 1).Success, Is.True, "^ anchors at the range's start");
        Assert.That(new Regex("(?<=甲)二").Match("甲二", 1, 1).Success, Is.False, "a lookbehind sees nothing before it");
        Assert.That(new Regex("二$").Match("二乙", 0, 1).Success, Is.True, "$ anchors at the range's end");
    }

    [Test]
    public void In_place_and_on_a_cut_out_copy_give_the_same_marker_at_every_position_of_the_seeds_and_samples()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Root, "seeds"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Root, "samples"), "*.txt"))
            .Where(f => !Path.GetFileName(f).Contains("encoded", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("utf16", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Has.Count.GreaterThan(10));
        var compared = 0;
        foreach (var file in files)
        {
            // The whole file as one paragraph: pieces near its end are shorter than the reach, others are cut at it.
            var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', ' ');
            for (var at = 0; at < text.Length; at++)
            {
                if (!MarkerRecognizer.MayOpen(text[at], Rules)) continue;
                var piece = text.Substring(at, Math.Min(BoundedMatches.Overlap, text.Length - at));
                var expected = MarkerRecognizer.Recognize(piece, Rules);
                var actual = MarkerRecognizer.RecognizeAt(text, at, Rules);
                Assert.That(actual, Is.EqualTo(expected), $"{Path.GetFileName(file)} at {at}");
                if (expected is not null) compared++;
            }
        }
        Assert.That(compared, Is.GreaterThan(100), "markers found and compared");
    }
}
