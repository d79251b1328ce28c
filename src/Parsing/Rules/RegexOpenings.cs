using System.Globalization;

namespace Extractor.Parsing.Rules;

/// <summary>
/// The characters a match of a regular expression can start with, read from the pattern itself, so that a paragraph
/// whose first character opens no marker style is passed over without running any pattern. The analysis is
/// conservative: literals, character classes (ranges, <c>\d</c>, <c>\s</c>), groups, alternation, optional atoms and
/// zero-width assertions are understood; anything else (<c>.</c>, negated classes, <c>\w</c>, <c>\p{…}</c>, inline
/// options, back-references) means "any character may open it", and the pattern is always run.
/// </summary>
internal sealed class RegexOpenings
{
    private readonly string _pattern;
    private int _i;

    private RegexOpenings(string pattern) => _pattern = pattern;

    private sealed class UnknownException : Exception;

    /// <summary>The distinct characters a match can start with, or null when the pattern does not tell (or can match empty).</summary>
    public static string? Of(string pattern)
    {
        var analysis = new RegexOpenings(pattern);
        try
        {
            var (first, nullable) = analysis.Alternation();
            if (analysis._i != pattern.Length || nullable) return null;
            return new string([.. first.Order()]);
        }
        catch (UnknownException)
        {
            return null;
        }
    }

    private bool More => _i < _pattern.Length;

    private char Peek => _pattern[_i];

    private static UnknownException Unknown() => new();

    private (HashSet<char> First, bool Nullable) Alternation()
    {
        var (first, nullable) = Sequence();
        while (More && Peek == '|')
        {
            _i++;
            var (f, n) = Sequence();
            first.UnionWith(f);
            nullable |= n;
        }
        return (first, nullable);
    }

    private (HashSet<char> First, bool Nullable) Sequence()
    {
        var first = new HashSet<char>();
        var nullable = true;
        while (More && Peek is not ('|' or ')'))
        {
            var (f, n) = Atom();
            n |= Quantifier();
            if (nullable) first.UnionWith(f);
            nullable &= n;
        }
        return (first, nullable);
    }

    /// <summary>Reads a quantifier after an atom, if any; true when it allows zero repetitions.</summary>
    private bool Quantifier()
    {
        if (!More) return false;
        bool zero;
        switch (Peek)
        {
            case '*' or '?':
                zero = true;
                _i++;
                break;
            case '+':
                zero = false;
                _i++;
                break;
            case '{':
                var close = _pattern.IndexOf('}', _i);
                if (close < 0) throw Unknown();
                var bounds = _pattern[(_i + 1)..close].Split(',');
                if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)) throw Unknown();
                zero = min == 0;
                _i = close + 1;
                break;
            default:
                return false;
        }
        if (More && Peek == '?') _i++; // lazy
        return zero;
    }

    private (HashSet<char> First, bool Nullable) Atom()
    {
        var c = _pattern[_i++];
        switch (c)
        {
            case '^' or '$':
                return ([], true);
            case '.':
                throw Unknown();
            case '[':
                return (Class(), false);
            case '(':
                return Group();
            case '\\':
                return Escape(inClass: false);
            default:
                return ([c], false);
        }
    }

    private (HashSet<char> First, bool Nullable) Group()
    {
        var zeroWidth = false;
        if (More && Peek == '?')
        {
            var rest = _pattern.AsSpan(_i);
            if (rest.StartsWith("?:") || rest.StartsWith("?>")) _i += 2;
            else if (rest.StartsWith("?=") || rest.StartsWith("?!")) { _i += 2; zeroWidth = true; }
            else if (rest.StartsWith("?<=") || rest.StartsWith("?<!")) { _i += 3; zeroWidth = true; }
            else if (rest.StartsWith("?<") || rest.StartsWith("?'"))
            {
                var close = _pattern.IndexOf(rest[1] == '<' ? '>' : '\'', _i + 2);
                if (close < 0) throw Unknown();
                _i = close + 1;
            }
            else throw Unknown(); // inline options, conditionals, comments
        }
        var (first, nullable) = Alternation();
        if (!More || Peek != ')') throw Unknown();
        _i++;
        return zeroWidth ? ([], true) : (first, nullable);
    }

    private HashSet<char> Class()
    {
        if (More && Peek == '^') throw Unknown();
        var set = new HashSet<char>();
        var firstItem = true;
        while (true)
        {
            if (!More) throw Unknown();
            var c = _pattern[_i++];
            if (c == ']' && !firstItem) return set;
            firstItem = false;
            char low;
            if (c == '\\')
            {
                if (More && Peek is 'd' or 's')
                {
                    set.UnionWith(Escape(inClass: true).First);
                    continue;
                }
                low = EscapedChar();
            }
            else if (c == '[')
            {
                throw Unknown(); // [:class:] or subtraction
            }
            else
            {
                low = c;
            }
            if (More && Peek == '-' && _i + 1 < _pattern.Length && _pattern[_i + 1] != ']')
            {
                _i++;
                var h = _pattern[_i++];
                if (h == '[') throw Unknown();
                var high = h == '\\' ? EscapedChar() : h;
                if (high < low) throw Unknown();
                for (var x = low; x <= high; x++)
                {
                    set.Add(x);
                    if (x == char.MaxValue) break;
                }
                continue;
            }
            set.Add(low);
        }
    }

    /// <summary>An escape that stands for one character (<c>\u4E00</c>, <c>\.</c>).</summary>
    private char EscapedChar()
    {
        var set = Escape(inClass: true).First;
        return set.Count == 1 ? set.First() : throw Unknown();
    }

    private (HashSet<char> First, bool Nullable) Escape(bool inClass)
    {
        if (!More) throw Unknown();
        var c = _pattern[_i++];
        switch (c)
        {
            case 'd':
                return (All(char.IsDigit), false);
            case 's':
                return (All(char.IsWhiteSpace), false);
            case 'b' or 'B' or 'A' or 'G' or 'z' or 'Z' when !inClass:
                return ([], true);
            case 't': return (['\t'], false);
            case 'n': return (['\n'], false);
            case 'r': return (['\r'], false);
            case 'f': return (['\f'], false);
            case 'v': return (['\v'], false);
            case 'e': return (['\u001B'], false);
            case 'u' or 'x':
                var length = c == 'u' ? 4 : 2;
                if (_i + length > _pattern.Length
                    || !int.TryParse(_pattern.AsSpan(_i, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    throw Unknown();
                _i += length;
                return ([(char)code], false);
            default:
                // Any other letter or digit is a class, a back-reference or an option; punctuation is itself.
                if (char.IsAsciiLetterOrDigit(c)) throw Unknown();
                return ([c], false);
        }
    }

    private static HashSet<char> All(Func<char, bool> predicate)
    {
        var set = new HashSet<char>();
        for (var c = 0; c <= char.MaxValue; c++)
            if (predicate((char)c)) set.Add((char)c);
        return set;
    }
}
