using System.Buffers.Binary;
using System.IO.Compression;

namespace Extractor.Tests.Support;

/// <summary>
/// A decoded PNG image, enough to read browser screenshots: 8-bit greyscale, RGB or RGBA, not interlaced (what Chromium
/// writes). Pixels as RGB; the tests count colours and look at columns of pixels, as a person would look at the page.
/// </summary>
internal sealed class Png
{
    private readonly byte[] _rgb;

    private Png(int width, int height, byte[] rgb) => (Width, Height, _rgb) = (width, height, rgb);

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = (y * Width + x) * 3;
            return (_rgb[i], _rgb[i + 1], _rgb[i + 2]);
        }
    }

    /// <summary>Pixels of exactly <paramref name="colour"/> in the rectangle (the whole image by default).</summary>
    public int Count((byte R, byte G, byte B) colour, int x0 = 0, int y0 = 0, int x1 = -1, int y1 = -1)
    {
        if (x1 < 0) x1 = Width;
        if (y1 < 0) y1 = Height;
        var n = 0;
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
                if (this[x, y] == colour) n++;
        return n;
    }

    /// <summary>Pixels in the rectangle darker than <paramref name="level"/> on every channel (text).</summary>
    public int Dark(int x0, int y0, int x1, int y1, int level = 160)
    {
        var n = 0;
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
            {
                var (r, g, b) = this[x, y];
                if (r < level && g < level && b < level) n++;
            }
        return n;
    }

    public static Png Read(string path)
    {
        var data = File.ReadAllBytes(path);
        if (!data.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 })) throw new InvalidDataException($"{path} is not a PNG");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(data, at + 4, 4);
            var body = data.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                if (body[8] != 8 || body[12] != 0) throw new InvalidDataException($"{path}: only 8-bit, non-interlaced PNGs are read here");
                channels = body[9] switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"{path}: colour type {body[9]} is not read here") };
            }
            else if (type == "IDAT") idat.Write(body);
            at += 12 + length;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = above[i], c = i >= channels ? above[i - channels] : 0;
                row[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"{path}: filter {filter}"),
                });
            }
        }
        var rgb = new byte[width * height * 3];
        for (var p = 0; p < width * height; p++)
        {
            var source = pixels.AsSpan(p * channels, channels);
            if (channels <= 2) rgb[p * 3] = rgb[p * 3 + 1] = rgb[p * 3 + 2] = source[0];
            else source[..3].CopyTo(rgb.AsSpan(p * 3, 3));
        }
        return new Png(width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
