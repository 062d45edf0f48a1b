using System.Security.Cryptography;
using System.Text.RegularExpressions;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;

namespace KhuyenCong.Web.Services.Media;

/// <summary>
/// Checks uploads by content (never by name or declared type), re-encodes images with ImageSharp 2.1 restricted to
/// JPEG, PNG and WebP, and stores every file under a server-made name in the media folder.
/// </summary>
public sealed partial class MediaProcessor(IOptions<DataOptions> data)
{
    public const long MaxImageBytes = 15L * 1024 * 1024;
    public const long MaxPdfBytes = 20L * 1024 * 1024;
    public const int MaxSide = 8192;
    public const int MaxMegapixels = 40;
    /// <summary>Variant names carry the width in 2–4 digits; anything smaller than this is no photo anyway.</summary>
    public const int MinSide = 16;

    public const string NotSupportedMessage = "Tệp không phải ảnh JPEG, PNG, WebP, tài liệu PDF hoặc video MP4.";
    public const string TooLargeMessage = "Ảnh quá lớn: tối đa 8.192 điểm ảnh mỗi chiều và 40 triệu điểm ảnh.";
    public const string TooSmallMessage = "Ảnh quá nhỏ: tối thiểu 16 điểm ảnh mỗi chiều.";
    public const string ImageBytesMessage = "Tệp quá dung lượng: tối đa 15 MB cho ảnh.";
    public const string PdfBytesMessage = "Tệp quá dung lượng: tối đa 20 MB cho tài liệu PDF.";
    public const string CorruptImageMessage = "Tệp ảnh bị hỏng hoặc không đọc được.";
    public const string CorruptPdfMessage = "Tệp PDF bị hỏng hoặc không đầy đủ.";

    private static ReadOnlySpan<byte> JpegStartOfScan => [0xFF, 0xDA];
    private static ReadOnlySpan<byte> JpegEndOfImage => [0xFF, 0xD9];

    private static readonly int[] VariantSteps = [480, 960, 1600];
    private static readonly Size ShareSize = new(1200, 630);

    // Decoding holds up to ~160 MB of pixels per image; two at a time keeps a small server alive under a burst.
    /// <summary>How many images are decoded and encoded at once, process-wide (each holds full pixel buffers).</summary>
    public const int MaxParallelDecodes = 2;
    private static readonly SemaphoreSlim Decodes = new(MaxParallelDecodes, MaxParallelDecodes);

    private static readonly JpegEncoder OriginalJpeg = new() { Quality = 85 };
    private static readonly JpegEncoder VariantJpeg = new() { Quality = 82 };
    private static readonly WebpEncoder VariantWebp = new() { Quality = 80, FileFormat = WebpFileFormatType.Lossy };
    private static readonly PngEncoder OriginalPng = new()
    {
        ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit8, IgnoreMetadata = true,
    };

    private readonly string folder = Path.GetFullPath(data.Value.MediaFolder);

    /// <summary>Only JPEG, PNG and WebP, decoders that skip metadata, and a 256 MB cap per allocation.</summary>
    public static Configuration ImageConfiguration { get; } = CreateImageConfiguration();

    public static IReadOnlyList<string> RegisteredFormats { get; } =
        [.. ImageConfiguration.ImageFormats.Select(f => f.Name).Order(StringComparer.Ordinal)];

    private enum FileType { Unknown, Jpeg, Png, Webp, Pdf, Mp4 }

    /// <summary>Checks and stores an upload; throws <see cref="MediaRejectedException"/> for any bad content.</summary>
    /// <param name="originalName">The uploader's name for the file: for display only, it decides nothing here.</param>
    public async Task<MediaUpload> ProcessAsync(Stream input, string originalName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var head = new byte[16];
        var headLength = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = Sniff(head.AsSpan(0, headLength));
        if (type == FileType.Unknown)
        {
            throw new MediaRejectedException(NotSupportedMessage);
        }

        if (type == FileType.Mp4)
        {
            return await StoreVideoAsync(input, head.AsMemory(0, headLength), ct);
        }

        var content = type == FileType.Pdf
            ? await ReadLimitedAsync(input, head.AsMemory(0, headLength), MaxPdfBytes, PdfBytesMessage, ct)
            : await ReadLimitedAsync(input, head.AsMemory(0, headLength), MaxImageBytes, ImageBytesMessage, ct);

        var storageName = RandomNumberGenerator.GetHexString(16, lowercase: true);
        Directory.CreateDirectory(folder);
        try
        {
            if (type == FileType.Pdf)
            {
                return StorePdf(content, storageName);
            }

            await Decodes.WaitAsync(ct);
            try
            {
                return StoreImage(content, type, storageName, ct);
            }
            finally
            {
                Decodes.Release();
            }
        }
        catch
        {
            Delete(storageName);
            throw;
        }
    }

    /// <summary>Deletes every file of an upload (original, variants, share image, leftover temp files).</summary>
    public void Delete(string storageName)
    {
        if (!StorageNamePattern().IsMatch(storageName))
        {
            throw new ArgumentException("Not a storage name.", nameof(storageName));
        }

        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, storageName + "*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The full path of a stored file, or null when the name is not one we make or the file is missing.</summary>
    public string? PathOf(string fileName)
    {
        if (fileName is null || !FileNamePattern().IsMatch(fileName))
        {
            return null;
        }

        var path = Path.Combine(folder, fileName);
        return File.Exists(path) ? path : null;
    }

    private static Configuration CreateImageConfiguration()
    {
        var configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = 256 }),
        };
        configuration.ImageFormatsManager.SetDecoder(JpegFormat.Instance, new JpegDecoder { IgnoreMetadata = true });
        configuration.ImageFormatsManager.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        configuration.ImageFormatsManager.SetDecoder(WebpFormat.Instance, new WebpDecoder { IgnoreMetadata = true });
        return configuration;
    }

    private static FileType Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => FileType.Jpeg,
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => FileType.Png,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => FileType.Webp,
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => FileType.Pdf,
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] when IsMp4Brand(head) => FileType.Mp4,
        _ => FileType.Unknown,
    };

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes, so an oversized upload is never read whole.</summary>
    private static async Task<ArraySegment<byte>> ReadLimitedAsync(
        Stream input, ReadOnlyMemory<byte> head, long limit, string message, CancellationToken ct)
    {
        if (input.CanSeek && input.Length - input.Position + head.Length > limit)
        {
            throw new MediaRejectedException(message);
        }

        using var buffer = new MemoryStream(input.CanSeek ? (int)(input.Length - input.Position) + head.Length : 1 << 16);
        buffer.Write(head.Span);
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new MediaRejectedException(message);
            }
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private MediaUpload StorePdf(ArraySegment<byte> content, string storageName)
    {
        // We don't parse PDFs; a header and an end marker at least catch truncated and mislabelled files.
        var tail = content.AsSpan(Math.Max(0, content.Count - 1024));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            throw new MediaRejectedException(CorruptPdfMessage);
        }

        var size = WriteAtomic(storageName + ".pdf", s => s.Write(content));
        return new MediaUpload(storageName, MediaKind.Pdf, "application/pdf", size, null, null, "");
    }

    /// <summary>Writes to a temp name first, so a crash never leaves a half file under a servable name.</summary>
    private long WriteAtomic(string fileName, Action<Stream> write)
    {
        var target = Path.Combine(folder, fileName);
        var temp = target + ".tmp";
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            write(file);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, target);
        return new FileInfo(target).Length;
    }

    [GeneratedRegex("^[0-9a-f]{16}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex StorageNamePattern();

    // [0-9], not \d (which also matches other scripts' digits), and \z, not $ (which allows a trailing newline).
    [GeneratedRegex("^[0-9a-f]{16}(-([0-9]{2,4}|share))?\\.(jpg|webp|png|pdf|mp4)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
