using System.Security.Cryptography;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Media;

public sealed partial class MediaProcessor
{
    public const long MaxVideoBytes = 200L * 1024 * 1024;
    public const string VideoBytesMessage = "Tệp quá dung lượng: tối đa 200 MB cho video.";
    public const string CorruptVideoMessage = "Tệp video MP4 bị hỏng hoặc không đầy đủ.";

    // Major brands of MP4 files (ISO base media with MPEG-4 parts); QuickTime ("qt  ") and 3GPP are not offered.
    private static readonly string[] Mp4Brands = ["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4"];

    private static bool IsMp4Brand(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12)
        {
            return false;
        }

        var brand = System.Text.Encoding.ASCII.GetString(head.Slice(8, 4));
        return Mp4Brands.Contains(brand, StringComparer.Ordinal);
    }

    /// <summary>
    /// Streams an MP4 to a temp file in the media folder (never held in memory), refusing it past the size limit,
    /// then checks that its top-level boxes chain to the end of the file and include a movie box.
    /// </summary>
    private async Task<MediaUpload> StoreVideoAsync(Stream input, ReadOnlyMemory<byte> head, CancellationToken ct)
    {
        if (input.CanSeek && input.Length - input.Position + head.Length > MaxVideoBytes)
        {
            throw new MediaRejectedException(VideoBytesMessage);
        }

        var storageName = RandomNumberGenerator.GetHexString(16, lowercase: true);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, storageName + ".mp4");
        var temp = target + ".tmp";
        try
        {
            long size;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                await file.WriteAsync(head, ct);
                var chunk = new byte[81920];
                int read;
                while ((read = await input.ReadAsync(chunk, ct)) > 0)
                {
                    if (file.Length + read > MaxVideoBytes)
                    {
                        throw new MediaRejectedException(VideoBytesMessage);
                    }

                    await file.WriteAsync(chunk.AsMemory(0, read), ct);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                size = file.Length;
                file.Position = 0;
                if (!await HasValidBoxesAsync(file, ct))
                {
                    throw new MediaRejectedException(CorruptVideoMessage);
                }
            }

            File.Move(temp, target);
            return new MediaUpload(storageName, MediaKind.Video, "video/mp4", size, null, null, "");
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Walks the top-level ISO BMFF boxes: each size must fit, they must end at the file's end, and one is "moov".</summary>
    private static async Task<bool> HasValidBoxesAsync(Stream file, CancellationToken ct)
    {
        var header = new byte[16];
        long position = 0;
        var hasMovie = false;
        var boxes = 0;
        while (position < file.Length)
        {
            if (++boxes > 10_000 || file.Length - position < 8)
            {
                return false;
            }

            file.Position = position;
            await file.ReadExactlyAsync(header.AsMemory(0, 8), ct);
            long boxSize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            if (boxSize == 1)
            {
                if (file.Length - position < 16)
                {
                    return false;
                }

                await file.ReadExactlyAsync(header.AsMemory(8, 8), ct);
                boxSize = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            else if (boxSize == 0)
            {
                boxSize = file.Length - position;
            }

            if (boxSize < 8 || boxSize > file.Length - position || (boxes == 1 && type != "ftyp"))
            {
                return false;
            }

            hasMovie |= type == "moov";
            position += boxSize;
        }

        return hasMovie;
    }
}
