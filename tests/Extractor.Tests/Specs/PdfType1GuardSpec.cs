using System.Text;
using Extractor.Parsing;
using Extractor.Parsing.Readers.Pdf;
using Extractor.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Fonts.Type1.Parser;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Tests.Specs;

/// <summary>
/// Embedded Type 1 font programs are made safe for PdfPig's reader, whose number reader runs past the end of a decrypted
/// portion that ends in a digit (until memory runs out): such a portion gets one more cipher byte, which decrypts to
/// white space and leaves every earlier byte as it was.
/// </summary>
public sealed class PdfType1GuardSpec
{
    private const string Clear = "%!PS-AdobeFont-1.0: Test 001.000\n/FontName /Test def\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\ncurrentfile eexec\n";

    /// <summary>The Type 1 format's eexec encryption (key 55665), four plain bytes in front.</summary>
    private static byte[] Encrypt(string plain)
    {
        var bytes = Encoding.Latin1.GetBytes("\u0001\u0002\u0003\u0004" + plain);
        var key = (ushort)55665;
        var cipher = new byte[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            cipher[i] = (byte)(bytes[i] ^ (key >> 8));
            key = (ushort)((cipher[i] + key) * 52845 + 22719);
        }
        return cipher;
    }

    private static string Hex(byte[] cipher, int width) =>
        string.Join("\n", Convert.ToHexString(cipher).Chunk(width).Select(c => new string(c)));

    private static byte[] Program(byte[] portion, string after = "cleartomark\n") =>
        [.. Encoding.Latin1.GetBytes(Clear), .. portion, .. Encoding.Latin1.GetBytes(after)];

    private static string Plain(Memory<byte> program) => Encoding.Latin1.GetString(Type1ProgramGuard.PlainText(program.Span));

    [Test]
    public void A_binary_portion_that_ends_in_a_digit_gets_a_blank_after_it()
    {
        // What fuzzing found: a private dictionary cut off inside an array of numbers.
        const string plain = "dup /Private 8 dict dup begin\n/BlueValues [-250 -25";
        var program = Program(Encrypt(plain));
        Assert.That(Plain(program), Is.EqualTo(plain));

        var safe = Type1ProgramGuard.Protect(program);
        Assert.That(safe.Length, Is.EqualTo(program.Length + 1));
        Assert.That(Plain(safe), Does.StartWith(plain).And.Length.EqualTo(plain.Length + 1));
        Assert.That(Plain(safe)[^1], Is.AnyOf('\n', ' ', '\r', '\t'));
        // PdfPig now comes to the end (it reports the dictionary as damaged) instead of reading the last digit forever.
        Assert.That(() => Type1FontParser.Parse(new MemoryInputBytes(safe), 0, 0, new StackDepthGuard(256)), Throws.Exception);
    }

    [Test]
    public void A_portion_that_ends_in_anything_else_is_left_as_it_is()
    {
        var program = Program(Encrypt("dup /Private 8 dict dup begin\n/BlueValues [-250 -25] def\nend\n"));
        Assert.That(Type1ProgramGuard.Protect(program).Equals(program), Is.True);
        var noEexec = Encoding.Latin1.GetBytes("%!PS-AdobeFont-1.0: Test\n/FontName /Test def 12345");
        Assert.That(Type1ProgramGuard.Protect(noEexec).Equals(noEexec), Is.True);
    }

    [Test]
    public void A_hex_portion_is_decoded_with_the_zero_bytes_its_line_breaks_leave_and_gets_two_hex_digits()
    {
        // PdfPig decodes a hex portion into half its length in bytes: the line breaks leave zero bytes at the end, which
        // decrypt too; the byte added goes before them and is chosen for what the last of them decrypts to.
        // The first of a run of such texts whose padding decrypts to a digit at the end.
        var (plain, program) = Enumerable.Range(700, 100)
            .Select(n => $"dup /Private 8 dict dup begin\n/StdHW [50] def\n/BlueValues [-250 -25 {n}")
            .Select(p => (p, Program(Encoding.Latin1.GetBytes(Hex(Encrypt(p), 16) + "\n"), after: "")))
            .First(pp => char.IsAsciiDigit(Plain(pp.Item2)[^1]));
        var padded = Plain(program);
        Assert.That(padded, Does.StartWith(plain).And.Length.GreaterThan(plain.Length));

        var safe = Type1ProgramGuard.Protect(program);
        Assert.That(safe.Length, Is.EqualTo(program.Length + 2));
        Assert.That(Plain(safe), Does.StartWith(plain).And.Length.EqualTo(padded.Length + 1));
        Assert.That(Plain(safe)[^1], Is.AnyOf('\n', ' ', '\r', '\t'));
    }

    [Test]
    public void A_program_wrapped_as_a_PFB_file_gets_its_segment_length_raised()
    {
        const string plain = "dup /Private 8 dict dup begin\n/lenIV 4 def\n/BlueScale 0.039625";
        byte[] Segment(byte type, byte[] data) => [0x80, type, .. BitConverter.GetBytes(data.Length), .. data];
        var cipher = Encrypt(plain);
        byte[] pfb = [.. Segment(1, Encoding.Latin1.GetBytes(Clear)), .. Segment(2, cipher), 0x80, 0x03];
        Assert.That(Plain(pfb), Is.EqualTo(plain));

        var safe = Type1ProgramGuard.Protect(pfb).ToArray();
        var binaryLength = BitConverter.ToInt32(safe, 6 + Clear.Length + 2);
        Assert.That(binaryLength, Is.EqualTo(cipher.Length + 1));
        Assert.That(Plain(safe), Does.StartWith(plain).And.Length.EqualTo(plain.Length + 1));
        Assert.That(safe[^2..], Is.EqualTo(new byte[] { 0x80, 0x03 }));
    }

    [Test]
    public void Programs_PdfPig_would_read_past_their_data_are_refused()
    {
        // A PFB segment longer than what follows: PdfPig would read its last byte over and over in place of the rest.
        byte[] pfb = [0x80, 1, 5, 0, 0, 0, .. "%!PS\n"u8, 0x80, 2, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3];
        Assert.That(() => Type1ProgramGuard.Protect(pfb), Throws.TypeOf<InvalidDataException>().With.Message.Contains("runs past"));
        // eexec twice: PdfPig acts on the one its tokenizer meets, and a damaged program can lead that astray — here a
        // string left open runs over the first and into the encrypted bytes (fuzzing found this), or a second encrypted
        // portion follows cleartomark (PdfPig would join the two).
        var astray = Encoding.Latin1.GetBytes("%!PS-AdobeFont-1.0: Test\n/FamilyName (Test readonly def\ncurrentfile eexec\n");
        byte[] open = [.. astray, .. Encrypt("dup /Private 8 dict"), .. ") currentfile eexec\n"u8, .. Encrypt("dup /Private 8 dict dup begin 1")];
        var twice = Program(Encrypt("dup /Private 8 dict dup begin 1"), after: "cleartomark\ncurrentfile eexec\n\u0011\u0022\u0033\u0044\u0055");
        foreach (var program in new[] { open, twice })
            Assert.That(() => Type1ProgramGuard.Protect(program), Throws.TypeOf<InvalidDataException>().With.Message.Contains("eexec more than once"));
        // The bytes followed by anything but what ends an operator are no operator.
        var named = Program(Encrypt("dup /Private 8 dict dup begin\n"), after: "cleartomark\n/eexecute 1 def\n");
        Assert.That(Type1ProgramGuard.Protect(named).Equals(named), Is.True);
        // A charstring declaring more bytes than the program holds: PdfPig would allocate them all and read them one by
        // one (2 GB and some 20 s for this one).
        var huge = Program(Encrypt("dup /Private 8 dict dup begin\n/Subrs 1 array\ndup 0 2000000000 RD abc NP\n"));
        Assert.That(() => Type1ProgramGuard.Protect(huge), Throws.TypeOf<InvalidDataException>().With.Message.Contains("declares 2000000000 bytes"));
        foreach (var form in new[] { "/a +90000 -| abc |-", "/a 90000RD abc ND", "{90000 rd abc}" })
            Assert.That(() => Type1ProgramGuard.Protect(Program(Encrypt("/CharStrings 1 dict dup begin\n" + form + "\n"))),
                Throws.TypeOf<InvalidDataException>(), form);
        // Lengths that fit, and numbers before other names, are what sound programs hold.
        var sound = Program(Encrypt("dup /Private 8 dict dup begin\n/Subrs 2 array\ndup 0 5 RD abcde NP\ndup 1 3 rd xyz NP\n/lenIV 2000000000 def\n/x 90000RDX 90000 ERD\n"));
        Assert.That(Type1ProgramGuard.Protect(sound).Equals(sound), Is.True);
    }

    [Test]
    public void A_sound_program_whose_padding_ends_in_a_digit_reads_the_same_after()
    {
        // LibreOffice embeds its fonts as Type 1 programs with the format's 512 zeros before cleartomark, which PdfPig
        // decrypts with the rest: in this sample the garbage they decrypt to ends in a digit (as in ~4 % of programs).
        var program = FontPrograms(Path.Combine(Repo.Root, "samples", "formats", "pdf", "utf16-bom-libreoffice.pdf"))
            .Single(p => Type1ProgramGuard.Protect(p).Length != p.Length);
        var safe = Type1ProgramGuard.Protect(program);
        Assert.That(safe.Length, Is.EqualTo(program.Length + 1));

        var before = Type1FontParser.Parse(new MemoryInputBytes(program), 0, 0, new StackDepthGuard(256));
        var after = Type1FontParser.Parse(new MemoryInputBytes(safe), 0, 0, new StackDepthGuard(256));
        Assert.That(after.Encoding, Is.EqualTo(before.Encoding));
        Assert.That(after.Encoding.Values.Select(after.GetCharacterBoundingBox), Is.EqualTo(before.Encoding.Values.Select(before.GetCharacterBoundingBox)));
        Assert.That(after.PrivateDictionary.BlueValues, Is.EqualTo(before.PrivateDictionary.BlueValues));
    }

    [Test]
    public void A_sound_program_in_hex_form_whose_padding_ends_in_a_digit_reads_the_same_after()
    {
        // The same LibreOffice program with its encrypted portion written in hex, as PFA files hold it, in lines of a
        // width for which the zero bytes PdfPig pads it with decrypt to a digit at the end.
        var binary = FontPrograms(Path.Combine(Repo.Root, "samples", "formats", "pdf", "utf16-bom-libreoffice.pdf"))
            .Single(p => Type1ProgramGuard.Protect(p).Length != p.Length);
        var start = Type1ProgramGuard.EncryptedStart(binary);
        var end = Type1ProgramGuard.EncryptedEnd(binary, start);
        var program = Enumerable.Range(32, 64)
            .Select(width => (byte[])[.. binary[..start], .. Encoding.Latin1.GetBytes(Hex(binary[start..end], width) + "\n"), .. binary[end..]])
            .First(p => char.IsAsciiDigit(Plain(p)[^1]));
        var safe = Type1ProgramGuard.Protect(program);
        Assert.That(safe.Length, Is.EqualTo(program.Length + 2));
        Assert.That(Plain(safe)[^1], Is.AnyOf('\n', ' ', '\r', '\t'));

        var before = Type1FontParser.Parse(new MemoryInputBytes(binary), 0, 0, new StackDepthGuard(256));
        var hex = Type1FontParser.Parse(new MemoryInputBytes(program), 0, 0, new StackDepthGuard(256));
        var after = Type1FontParser.Parse(new MemoryInputBytes(safe), 0, 0, new StackDepthGuard(256));
        foreach (var font in new[] { hex, after })
        {
            Assert.That(font.Encoding, Is.EqualTo(before.Encoding));
            Assert.That(font.Encoding.Values.Select(font.GetCharacterBoundingBox), Is.EqualTo(before.Encoding.Values.Select(before.GetCharacterBoundingBox)));
        }
    }

    [Test]
    public void The_fuzzing_finding_is_answered_at_once()
    {
        var path = Path.Combine(Repo.Root, "tests", "Extractor.Tests", "Corpus", "fuzz", "pdf-type1-number-at-end.pdf");
        // Its one font program was cut off in a number; checked first, so that a regression fails here and not after
        // PdfPig has taken 4 GB.
        var program = FontPrograms(path).Single();
        Assert.That(Plain(program), Does.EndWith("/BlueValues [-250 -25"));
        Assert.That(char.IsAsciiDigit(Plain(Type1ProgramGuard.Protect(program))[^1]), Is.False);

        // Its page content is damaged too: the library reports that it holds no text.
        Assert.That(() => Spec.Parser.Parse(File.ReadAllBytes(path), InputFormat.Pdf),
            Throws.TypeOf<NoticeFormatException>().With.Message.Contains("no text"));
    }

    /// <summary>The decoded Type 1 font programs (streams with /Length2 and no /Subtype) of a PDF.</summary>
    private static List<byte[]> FontPrograms(string path)
    {
        using var document = PdfDocument.Open(File.ReadAllBytes(path));
        var programs = new List<byte[]>();
        foreach (var key in document.Structure.CrossReferenceTable.ObjectOffsets.Keys.OrderBy(k => k.ObjectNumber))
        {
            if (document.Structure.GetObject(key).Data is StreamToken stream
                && stream.StreamDictionary.ContainsKey(NameToken.Length2) && !stream.StreamDictionary.ContainsKey(NameToken.Subtype))
                programs.Add(stream.Decode(DefaultFilterProvider.Instance).ToArray());
        }
        return programs;
    }

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true)
        .WithReplay(new Replay(new Rnd(20261125, 7), Microsoft.FSharp.Core.FSharpOption<int>.None));

    public sealed record Layout(string Plain, int Form, int Width, bool Mark);

    [Test]
    public void Any_portion_ends_in_a_byte_that_is_not_a_digit_with_every_byte_before_it_kept()
    {
        // Plain texts of PostScript-like tokens, in binary or hex form (lines of any width, an odd digit at the end or
        // not), followed by cleartomark or not.
        var token = Gen.Elements("dup", "/Private", "8", "-25", "0.039", "[", "]", "{", "}", "def", " ", "\n", "1", "99", "RD", "(a)", "%c\n", "c", "cl", "clear");
        var cases = Gen.ListOf(token).Select(t => string.Concat(t))
            .SelectMany(plain => Gen.Choose(0, 2), (plain, form) => (plain, form))
            .SelectMany(_ => Gen.Choose(2, 80), (pf, width) => (pf.plain, pf.form, width))
            .SelectMany(_ => Gen.Elements(true, false), (pfw, mark) => new Layout(pfw.plain, pfw.form, pfw.width, mark));
        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var cipher = Encrypt(c.Plain);
            var portion = c.Form switch
            {
                0 => cipher,
                1 => Encoding.Latin1.GetBytes(Hex(cipher, c.Width) + "\n"),
                _ => Encoding.Latin1.GetBytes(Hex(cipher, c.Width) + "7"),
            };
            var program = Program(portion, c.Mark ? "\ncleartomark\n" : "");
            // Read as PdfPig reads it: hex when the second to fourth bytes are hex digits (and the first is no blank),
            // then padded with zero bytes to half the portion's length; the bytes from that padding on may change.
            var read = portion.Length + (c.Mark ? 1 : 0);
            var hex = portion.Length >= 4 && portion[0] != '\n' && portion[1..4].All(b => char.IsAsciiHexDigit((char)b));
            var padding = hex ? read / 2 - portion.Count(b => char.IsAsciiHexDigit((char)b)) / 2 : 0;
            var before = Plain(program);
            Memory<byte> safe;
            try
            {
                safe = Type1ProgramGuard.Protect(program);
            }
            catch (InvalidDataException e) when (c.Plain.Contains("RD", StringComparison.Ordinal))
            {
                // "99RD" or "99 RD": a charstring of 99 bytes in a plain text with fewer.
                Assert.That(e.Message, Does.Contain("declares"));
                return;
            }
            var after = Plain(safe);
            if (after == before) Assert.That(before.Length == 0 || !char.IsAsciiDigit(before[^1]), $"left ending in a digit: {c}");
            else
            {
                Assert.That(after, Has.Length.EqualTo(before.Length + 1));
                Assert.That(after[..(before.Length - padding)], Is.EqualTo(before[..(before.Length - padding)]));
                // A whole byte can be chosen, and one of 256 decrypts to a blank; after an odd hex digit only 16 can be.
                if (c.Form < 2) Assert.That(after[^1], Is.AnyOf('\n', ' ', '\r', '\t'), $"ends in no blank: {c}");
                else Assert.That(char.IsAsciiDigit(after[^1]), Is.False, $"ends in a digit: {c}");
            }
        }));
    }
}
