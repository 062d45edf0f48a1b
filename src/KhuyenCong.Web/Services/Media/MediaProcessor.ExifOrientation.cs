using System.Buffers.Binary;

namespace KhuyenCong.Web.Services.Media;

public sealed partial class MediaProcessor
{
    /// <summary>
    /// Finds the EXIF orientation tag by hand (JPEG APP1, PNG eXIf, WebP EXIF), so that ImageSharp's decoders can
    /// run with metadata off and never parse EXIF, ICC or XMP from an upload. Returns 1 (as is) when absent.
    /// </summary>
    internal static class ExifOrientation
    {
        public static int Read(ReadOnlySpan<byte> file)
        {
            var tiff = Find(file);
            if (tiff.Length < 8 || !(tiff[0] == tiff[1] && tiff[0] is (byte)'I' or (byte)'M'))
            {
                return 1;
            }

            var little = tiff[0] == 'I';
            var ifd = little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[4..]);
            if (ifd > tiff.Length - 2L)
            {
                return 1;
            }

            var count = U16(tiff, (int)ifd, little);
            for (var entry = (int)ifd + 2; entry + 12 <= tiff.Length && count-- > 0; entry += 12)
            {
                if (U16(tiff, entry, little) == 0x0112 && U16(tiff, entry + 2, little) == 3)
                {
                    var value = U16(tiff, entry + 8, little);
                    return value is >= 1 and <= 8 ? value : 1;
                }
            }

            return 1;
        }

        private static int U16(ReadOnlySpan<byte> tiff, int at, bool little) => little
            ? BinaryPrimitives.ReadUInt16LittleEndian(tiff[at..])
            : BinaryPrimitives.ReadUInt16BigEndian(tiff[at..]);

        private static ReadOnlySpan<byte> Find(ReadOnlySpan<byte> file)
        {
            switch (Sniff(file))
            {
                case FileType.Jpeg:
                    for (var at = 2; at + 4 <= file.Length && file[at] == 0xFF;)
                    {
                        var marker = file[at + 1];
                        if (marker is 0xD9 or 0xDA)
                        {
                            break; // end of image or start of scan: no metadata after this
                        }

                        if (marker is 0xFF or 0x01 or (>= 0xD0 and <= 0xD7))
                        {
                            at += marker == 0xFF ? 1 : 2; // fill byte or a marker without length
                            continue;
                        }

                        var length = BinaryPrimitives.ReadUInt16BigEndian(file[(at + 2)..]);
                        if (length < 2 || at + 2 + length > file.Length)
                        {
                            break;
                        }

                        var segment = file.Slice(at + 4, length - 2);
                        if (marker == 0xE1 && segment.StartsWith("Exif\0\0"u8))
                        {
                            return segment[6..];
                        }

                        at += 2 + length;
                    }

                    break;
                case FileType.Png:
                    for (var at = 8; at + 12 <= file.Length;)
                    {
                        var length = BinaryPrimitives.ReadUInt32BigEndian(file[at..]);
                        if (length > file.Length - at - 12L)
                        {
                            break;
                        }

                        if (file.Slice(at + 4, 4).SequenceEqual("eXIf"u8))
                        {
                            return file.Slice(at + 8, (int)length);
                        }

                        at += 12 + (int)length;
                    }

                    break;
                case FileType.Webp:
                    for (var at = 12; at + 8 <= file.Length;)
                    {
                        var length = BinaryPrimitives.ReadUInt32LittleEndian(file[(at + 4)..]);
                        if (length > file.Length - at - 8L)
                        {
                            break;
                        }

                        if (file.Slice(at, 4).SequenceEqual("EXIF"u8))
                        {
                            var exif = file.Slice(at + 8, (int)length);
                            return exif.StartsWith("Exif\0\0"u8) ? exif[6..] : exif;
                        }

                        at += 8 + (int)length + (int)(length & 1);
                    }

                    break;
                default:
                    break;
            }

            return [];
        }
    }
}
