using System.Buffers.Binary;

namespace Extractor.Parsing.Readers.Doc;

/// <summary>
/// Property modifiers (MS-DOC 2.6: a two-byte <c>sprm</c> and its operand, whose size the sprm's <c>spra</c> bits give)
/// and the paragraph and table properties this reader takes from them.
/// </summary>
internal static class Sprms
{
    public const ushort PIlvl = 0x260A, PIlfo = 0x460B, PFInTable = 0x2416, PFTtp = 0x2417, PItap = 0x6649,
        PFInnerTableCell = 0x244B, PFInnerTtp = 0x244C, TDefTable = 0xD608, TTableHeader = 0x3404, TVertMerge = 0xD62B,
        CFRMarkDel = 0x0800, PChgTabs = 0xC615;

    /// <summary>Calls <paramref name="visit"/> with each sprm and its operand; stops at one cut short.</summary>
    public static void Each(ReadOnlySpan<byte> grpprl, SprmVisitor visit)
    {
        var at = 0;
        while (at + 2 <= grpprl.Length)
        {
            var sprm = BinaryPrimitives.ReadUInt16LittleEndian(grpprl[at..]);
            at += 2;
            int size;
            switch (sprm >> 13)
            {
                case 0 or 1: size = 1; break;
                case 2 or 4 or 5: size = 2; break;
                case 3: size = 4; break;
                case 7: size = 3; break;
                default:
                    if (sprm == TDefTable)
                    {
                        // Its size is two bytes, one more than the bytes after them.
                        if (at + 2 > grpprl.Length) return;
                        size = BinaryPrimitives.ReadUInt16LittleEndian(grpprl[at..]) + 1;
                    }
                    else
                    {
                        if (at >= grpprl.Length) return;
                        size = grpprl[at] + 1;
                        if (sprm == PChgTabs && grpprl[at] == 255) return; // a size this reader does not need to work out
                    }
                    break;
            }
            if (at + size > grpprl.Length) return;
            visit(sprm, grpprl.Slice(at, size));
            at += size;
        }
    }

    public delegate void SprmVisitor(ushort sprm, ReadOnlySpan<byte> operand);
}

/// <summary>What a paragraph's properties say about its place in a table and in a list.</summary>
internal sealed class ParagraphProperties
{
    public int Istd { get; set; }

    /// <summary>The paragraph is in a table cell (at any depth).</summary>
    public bool InTable { get; set; }

    /// <summary>The paragraph ends a row of the outermost table (its mark is the row mark).</summary>
    public bool RowEnd => _ttp && !_inner && Depth <= 1;

    private bool _ttp;
    private bool _inner;

    /// <summary>Table depth: 1 for a cell of a table in the body, more for a nested table.</summary>
    public int Depth { get; set; }

    public int Ilfo { get; set; }

    public int Ilvl { get; set; }

    /// <summary>The row's cell boundaries (twips) and each cell's <c>TC80</c> merge flags, when the row end defines them.</summary>
    public RowDefinition? Row { get; set; }

    /// <summary>The row repeats as a header row.</summary>
    public bool Header { get; set; }

    /// <summary>Applies a group of sprms in order.</summary>
    public void Apply(ReadOnlySpan<byte> grpprl) => Sprms.Each(grpprl, Apply);

    private void Apply(ushort sprm, ReadOnlySpan<byte> operand)
    {
        switch (sprm)
        {
            case Sprms.PFInTable: InTable = operand[0] != 0; if (InTable && Depth == 0) Depth = 1; break;
            case Sprms.PFTtp: _ttp = operand[0] != 0; break;
            case Sprms.PItap: Depth = Math.Max(0, BinaryPrimitives.ReadInt32LittleEndian(operand)); InTable |= Depth > 0; break;
            case Sprms.PFInnerTtp or Sprms.PFInnerTableCell: _inner |= operand[0] != 0; break;
            case Sprms.PIlfo: Ilfo = BinaryPrimitives.ReadInt16LittleEndian(operand); break;
            case Sprms.PIlvl: Ilvl = operand[0]; break;
            case Sprms.TTableHeader: Header = operand[0] != 0; break;
            case Sprms.TDefTable: Row = operand.Length > 2 ? RowDefinition.Read(operand[2..]) : null; break;
            case Sprms.TVertMerge when operand.Length >= 3 && Row is not null:
                Row.SetVerticalMerge(operand[1], operand[2]);
                break;
        }
    }
}

/// <summary>A table row's cells as <c>sprmTDefTable</c> defines them: boundaries and merge flags.</summary>
internal sealed class RowDefinition
{
    private RowDefinition(short[] boundaries, int[] horizontal, int[] vertical)
    {
        Boundaries = boundaries;
        Horizontal = horizontal;
        Vertical = vertical;
    }

    /// <summary>The cells' left edges and the last cell's right edge, in twips.</summary>
    public short[] Boundaries { get; }

    /// <summary>Per cell: 0 not merged, 1 first of horizontally merged cells, 2 merged into the cell before.</summary>
    public int[] Horizontal { get; }

    /// <summary>Per cell: 0 not merged, 1 continues the cell above, 3 first of vertically merged cells.</summary>
    public int[] Vertical { get; }

    public static RowDefinition? Read(ReadOnlySpan<byte> operand)
    {
        if (operand.Length < 1) return null;
        var cells = operand[0];
        if (operand.Length < 1 + (cells + 1) * 2) return null;
        var boundaries = new short[cells + 1];
        for (var i = 0; i <= cells; i++) boundaries[i] = BinaryPrimitives.ReadInt16LittleEndian(operand[(1 + i * 2)..]);
        var horizontal = new int[cells];
        var vertical = new int[cells];
        var tcs = operand[(1 + (cells + 1) * 2)..];
        for (var i = 0; i < cells && (i + 1) * 20 <= tcs.Length; i++)
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(tcs[(i * 20)..]);
            horizontal[i] = flags & 0x3;
            vertical[i] = (flags >> 5) & 0x3;
        }
        return new RowDefinition(boundaries, horizontal, vertical);
    }

    public void SetVerticalMerge(int cell, int flags)
    {
        if (cell < Vertical.Length) Vertical[cell] = flags;
    }
}
