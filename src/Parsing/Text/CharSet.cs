using System.Runtime.CompilerServices;

namespace Extractor.Parsing.Text;

/// <summary>
/// A set of characters tested in one step: a bit for each UTF-16 code unit (8 KB a set). For the few sets that loops
/// over every character of a text ask about (a sentence's full stops): comparing with each member in turn, or the
/// vectorized <see cref="string.Contains(char)"/>, costs several times more per character.
/// </summary>
internal sealed class CharSet
{
    private readonly ulong[] _bits = new ulong[(char.MaxValue + 1) / 64];

    /// <param name="members">The characters of the set.</param>
    public CharSet(string members)
    {
        foreach (var c in members) _bits[c >> 6] |= 1UL << (c & 63);
    }

    /// <summary>Whether <paramref name="c"/> is in the set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(char c) => (_bits[c >> 6] & (1UL << (c & 63))) != 0;
}
