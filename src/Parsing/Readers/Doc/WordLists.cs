using System.Buffers.Binary;
using System.Text;

namespace Extractor.Parsing.Readers.Doc;

/// <summary>
/// Word 97-2003 automatic numbering rendered as displayed, from the list tables of the table stream: <c>PlfLst</c>
/// (the lists, <c>LSTF</c>, each followed after the table by its nine or one <c>LVL</c>: start, number format
/// <c>nfc</c>, legal numbering, restart rule, and the number text with placeholders 0–8 for the levels' numbers) and
/// <c>PlfLfo</c> (the list instances paragraphs name by <c>sprmPIlfo</c>, whose <c>LFOLVL</c>s override a level's start
/// or the whole level). Counters are kept per list and shared by its instances, except that an instance that overrides
/// a level counts on its own (<see cref="ListCounters"/>, as for DOCX). Word 6/95 paragraph numbering (<c>ANLD</c>) is
/// not read.
/// </summary>
internal sealed class WordLists
{
    private sealed record List(int Lsid, ListLevel?[] Levels);

    private sealed record Instance(int Lsid, Dictionary<int, int> Starts, Dictionary<int, ListLevel> Levels);

    private readonly Dictionary<int, List> _lists = [];
    private readonly List<Instance> _instances = [];
    private readonly ListCounters _counters = new();

    /// <summary>Reads the list tables; what is cut short or damaged is left out.</summary>
    /// <param name="table">The table stream.</param>
    /// <param name="plfLst">Offset of <c>PlfLst</c> in it, or -1.</param>
    /// <param name="plfLfo">Offset of <c>PlfLfo</c> in it, or -1.</param>
    public WordLists(ReadOnlySpan<byte> table, long plfLst, long plfLfo)
    {
        if (plfLst >= 0 && plfLst + 2 <= table.Length) ReadLists(table, (int)plfLst);
        if (plfLfo >= 0 && plfLfo + 4 <= table.Length) ReadInstances(table, (int)plfLfo);
    }

    /// <summary>The number of the paragraph in list instance <paramref name="ilfo"/> (1-based) at <paramref name="ilvl"/>, or null.</summary>
    public string? Render(int ilfo, int ilvl)
    {
        if (ilfo <= 0 || ilfo > _instances.Count) return null;
        var instance = _instances[ilfo - 1];
        if (!_lists.TryGetValue(instance.Lsid, out var list)) return null;
        var overrides = instance.Starts.Count > 0 || instance.Levels.Count > 0;
        return _counters.Next(overrides ? $"lfo{ilfo}" : $"lst{instance.Lsid}", ilvl,
            i => instance.Levels.TryGetValue(i, out var level) ? level : i < list.Levels.Length ? list.Levels[i] : null, instance.Starts);
    }

    private void ReadLists(ReadOnlySpan<byte> table, int at)
    {
        var count = BinaryPrimitives.ReadInt16LittleEndian(table[at..]);
        var lstf = at + 2;
        var lvl = lstf + count * 28;
        if (count <= 0 || lvl > table.Length) return;
        for (var i = 0; i < count; i++)
        {
            var entry = table.Slice(lstf + i * 28, 28);
            var lsid = BinaryPrimitives.ReadInt32LittleEndian(entry);
            var simple = (entry[26] & 1) != 0;
            var levels = new ListLevel?[simple ? 1 : ListCounters.Levels];
            for (var l = 0; l < levels.Length; l++)
            {
                if (ReadLevel(table, ref lvl) is not { } level) return;
                levels[l] = level;
            }
            _lists.TryAdd(lsid, new List(lsid, levels));
        }
    }

    private void ReadInstances(ReadOnlySpan<byte> table, int at)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(table[at..]);
        var lfo = at + 4;
        if (count <= 0 || lfo + (long)count * 16 > table.Length) return;
        var data = lfo + count * 16;
        var overrideCounts = new int[count];
        for (var i = 0; i < count; i++)
        {
            _instances.Add(new Instance(BinaryPrimitives.ReadInt32LittleEndian(table[(lfo + i * 16)..]), [], []));
            overrideCounts[i] = table[lfo + i * 16 + 12];
        }
        // LfoData for each LFO in order: a CP, then its LFOLVLs, each with an LVL when it overrides the formatting.
        for (var i = 0; i < count; i++)
        {
            if (data + 4 > table.Length) return;
            data += 4;
            for (var k = 0; k < overrideCounts[i]; k++)
            {
                if (data + 8 > table.Length) return;
                var start = BinaryPrimitives.ReadInt32LittleEndian(table[data..]);
                var flags = BinaryPrimitives.ReadInt32LittleEndian(table[(data + 4)..]);
                data += 8;
                var level = flags & 0xF;
                if ((flags & 0x20) != 0)
                {
                    if (ReadLevel(table, ref data) is not { } replaced) return;
                    if (level < ListCounters.Levels) _instances[i].Levels[level] = replaced;
                }
                if ((flags & 0x10) != 0 && level < ListCounters.Levels) _instances[i].Starts[level] = start;
            }
        }
    }

    /// <summary>An <c>LVL</c>: <c>LVLF</c>, paragraph sprms, character sprms, number text.</summary>
    private static ListLevel? ReadLevel(ReadOnlySpan<byte> table, ref int at)
    {
        if (at + 28 > table.Length) return null;
        var lvlf = table.Slice(at, 28);
        var start = BinaryPrimitives.ReadInt32LittleEndian(lvlf);
        var nfc = lvlf[4];
        var legal = (lvlf[5] & 0x04) != 0;
        var noRestart = (lvlf[5] & 0x08) != 0;
        var restartLimit = lvlf[26];
        at += 28 + lvlf[24] + lvlf[25];
        if (at + 2 > table.Length) return null;
        var length = BinaryPrimitives.ReadUInt16LittleEndian(table[at..]);
        at += 2;
        if (at + length * 2 > table.Length) return null;
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var c = (char)BinaryPrimitives.ReadUInt16LittleEndian(table[(at + i * 2)..]);
            if (c < ListCounters.Levels) text.Append('%').Append((char)('1' + c));
            else text.Append(c);
        }
        at += length * 2;
        return new ListLevel(start, ListCounters.FormatOfNfc(nfc), text.ToString(), legal, noRestart ? restartLimit : null);
    }
}
