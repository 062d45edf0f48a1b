using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace KhuyenCong.Web.Tests.Services.Media;

/// <summary>PNG files for the media tests: a real encoded one, one written by hand, and the chunk format between them.</summary>
public static class PngBytes
{
    /// <summary>A real PNG of one colour, encoded by ImageSharp.</summary>
    public static byte[] Solid(int width, int height, byte r = 20, byte g = 90, byte b = 160)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(r, g, b));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>A PNG written by hand: signature, IHDR (8-bit RGBA) declaring any size, one IDAT of the given raw rows, IEND.</summary>
    public static byte[] Crafted(int width, int height, byte[] rawRows)
    {
        ArgumentNullException.ThrowIfNull(rawRows);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA; compression, filter and interlace stay 0

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize))
        {
            zlib.Write(rawRows);
        }

        return [0x89, .. "PNG\r\n\x1a\n"u8, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A copy of a real PNG whose header declares another size (its CRC corrected, so only the size lies).</summary>
    public static byte[] WithDeclaredSize(byte[] png, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(png);
        var copy = png.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        return copy;
    }

    /// <summary>One chunk: length, type, data, CRC of type and data.</summary>
    public static byte[] Chunk(string type, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(data);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
