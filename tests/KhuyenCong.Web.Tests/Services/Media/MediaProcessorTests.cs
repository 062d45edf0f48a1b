using System.Text;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.Services.Media;

/// <summary>
/// The upload corpus is made here, per test, in a temp data folder: images encoded by ImageSharp itself, PNGs
/// crafted byte by byte (bombs), and files that only pretend to be images. The bomb tests count the process's
/// managed allocations, so the class runs alone, after the parallel tests (another test's allocations counted).
/// </summary>
[Collection(nameof(ScaleOut.RunsAlone))]
public sealed class MediaProcessorTests : IDisposable
{
    private const string Payload = "<script>alert(1)</script>";
    private const string Artist = "Nguyen Van Paparazzi";

    private static readonly string[] ExpectedFormats = ["JPEG", "PNG", "WEBP"];

    private readonly ITestOutputHelper output;
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "kc-media-" + Guid.NewGuid().ToString("N"));

    public MediaProcessorTests(ITestOutputHelper output)
    {
        this.output = output;
        Processor = new MediaProcessor(Microsoft.Extensions.Options.Options.Create(new DataOptions { Path = dataPath }));
    }

    private MediaProcessor Processor { get; }

    private string MediaFolder => Path.Combine(dataPath, "media");

    private Task<MediaUpload> Process(byte[] content, string name = "anh.jpg") =>
        Processor.ProcessAsync(new MemoryStream(content), name, CancellationToken.None);

    private string[] StoredFiles() => Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder) : [];

    // Images ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Jpeg_is_stored_reencoded_with_variants_and_a_share_image()
    {
        var source = Encode(Picture(2000, 1200), new JpegEncoder { Quality = 95 });

        var upload = await Process(source);

        Assert.Equal(MediaKind.Image, upload.Kind);
        Assert.Equal("image/jpeg", upload.ContentType);
        Assert.Matches("^[0-9a-f]{16}$", upload.StorageName);
        Assert.Equal((2000, 1200), (upload.Width, upload.Height));
        Assert.Equal("480,960,1600", upload.VariantWidths);
        Assert.Equal(new FileInfo(Stored(upload.StorageName + ".jpg")).Length, upload.Size);
        Assert.NotEqual(source, File.ReadAllBytes(Stored(upload.StorageName + ".jpg")));
        foreach (var width in new[] { 480, 960, 1600 })
        {
            Assert.Equal((width, width * 3 / 5), Size(Stored($"{upload.StorageName}-{width}.webp")));
            Assert.Equal((width, width * 3 / 5), Size(Stored($"{upload.StorageName}-{width}.jpg")));
        }

        Assert.Equal((1200, 630), Size(Stored(upload.StorageName + "-share.jpg")));
        Assert.Equal(8, StoredFiles().Length);
    }

    [Theory]
    [InlineData(1000, "480,960")]
    [InlineData(1600, "480,960")]
    [InlineData(481, "480")]
    [InlineData(480, "480")]
    [InlineData(300, "300")]
    public async Task Only_widths_below_the_source_are_made_and_at_least_one(int width, string expected)
    {
        var upload = await Process(Encode(Picture(width, 200), new JpegEncoder()));

        Assert.Equal(expected, upload.VariantWidths);
        foreach (var w in expected.Split(','))
        {
            Assert.Equal(int.Parse(w, System.Globalization.CultureInfo.InvariantCulture), Size(Stored($"{upload.StorageName}-{w}.webp")).Width);
        }
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task Exif_with_gps_and_artist_is_gone_from_every_output(string format)
    {
        using var image = Picture(800, 600);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Artist, Artist);
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(10, 1), new Rational(46, 1), new Rational(30, 1)]);
        var source = Encode(image, EncoderFor(format));
        Assert.True(Contains(source, Artist), "the source must carry the EXIF we want removed");

        var upload = await Process(source);

        foreach (var file in StoredFiles())
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(Contains(bytes, Artist), file);
            Assert.False(Contains(bytes, "Exif\0\0"), file);
            var info = Image.Identify(file);
            Assert.Null(info.Metadata.ExifProfile);
            Assert.Null(info.Metadata.XmpProfile);
            Assert.Null(info.Metadata.IccProfile);
            Assert.Null(info.Metadata.IptcProfile);
        }

        Assert.Equal((800, 600), (upload.Width, upload.Height));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task Exif_orientation_is_applied_before_the_tag_is_dropped(string format)
    {
        using var image = Picture(200, 100);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6); // "rotate 90° clockwise to view"

        var upload = await Process(Encode(image, EncoderFor(format)));

        Assert.Equal((100, 200), (upload.Width, upload.Height));
        Assert.Equal((100, 200), Size(Stored(upload.StorageName + ".jpg")));
    }

    [Fact]
    public async Task Opaque_png_becomes_a_jpeg()
    {
        var upload = await Process(Encode(Picture(600, 400), new PngEncoder()), "logo.png");

        Assert.Equal("image/jpeg", upload.ContentType);
        Assert.True(File.Exists(Stored(upload.StorageName + ".jpg")));
        Assert.False(File.Exists(Path.Combine(MediaFolder, upload.StorageName + ".png")));
    }

    [Fact]
    public async Task Png_with_alpha_keeps_alpha_in_png_and_webp_and_jpeg_is_flattened_on_white()
    {
        var upload = await Process(Encode(Picture(600, 400, transparentLeft: true), new PngEncoder()), "logo.png");

        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal("480", upload.VariantWidths);
        using (var original = Image.Load<Rgba32>(Stored(upload.StorageName + ".png")))
        {
            Assert.Equal(0, original[10, 10].A);
        }

        using (var webp = Image.Load<Rgba32>(Stored(upload.StorageName + "-480.webp")))
        {
            Assert.True(webp[10, 10].A < 32, $"alpha {webp[10, 10].A}");
        }

        using var jpeg = Image.Load<Rgba32>(Stored(upload.StorageName + "-480.jpg"));
        var corner = jpeg[10, 10];
        Assert.True(corner.R > 240 && corner.G > 240 && corner.B > 240, corner.ToString());
    }

    [Fact]
    public async Task Webp_is_stored_reencoded()
    {
        var source = Encode(Picture(800, 600), new WebpEncoder { Quality = 90 });

        var upload = await Process(source, "anh.webp");

        Assert.Equal("image/jpeg", upload.ContentType);
        Assert.Equal("480", upload.VariantWidths);
        Assert.Equal((800, 600), Size(Stored(upload.StorageName + ".jpg")));
        Assert.NotEqual(source, File.ReadAllBytes(Stored($"{upload.StorageName}-480.webp")));
    }

    [Fact]
    public async Task Content_decides_the_kind_not_the_file_name()
    {
        var image = await Process(Encode(Picture(64, 64), new PngEncoder()), "tai-lieu.pdf");
        var pdf = await Process(MinimalPdf(), "anh.jpg");

        Assert.Equal(MediaKind.Image, image.Kind);
        Assert.Equal(MediaKind.Pdf, pdf.Kind);
    }

    [Fact]
    public async Task Each_upload_gets_a_fresh_random_name()
    {
        var source = Encode(Picture(64, 64), new JpegEncoder());

        var first = await Process(source);
        var second = await Process(source);

        Assert.NotEqual(first.StorageName, second.StorageName);
    }

    [Fact]
    public async Task Concurrent_uploads_all_succeed()
    {
        var source = Encode(Picture(1200, 800), new JpegEncoder());

        var uploads = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Process(source))));

        Assert.Equal(6, uploads.Select(u => u.StorageName).Distinct().Count());
    }

    [Fact]
    public async Task Tiny_image_is_refused()
    {
        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Process(Encode(Picture(8, 8), new PngEncoder())));

        Assert.Equal(MediaProcessor.TooSmallMessage, ex.Message);
    }

    // Bombs and broken files ---------------------------------------------------------------------------------

    [Theory]
    [InlineData(50_000, 50_000)]
    [InlineData(8_000, 6_000)] // each side allowed, 48 MP not: decoding would take ~190 MB
    [InlineData(9_000, 16)]
    public async Task Png_declaring_huge_dimensions_is_refused_before_decoding(int width, int height)
    {
        var bomb = PngBytes.Crafted(width, height, new byte[1024]);
        Assert.True(bomb.Length < 200, $"{bomb.Length} bytes");
        GC.Collect();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var (workingSet, peak) = (process.WorkingSet64, process.PeakWorkingSet64);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Process(bomb, "bomb.png"));

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        output.WriteLine(
            $"{width}x{height}: managed allocations {allocated / 1024} KB, working set {process.WorkingSet64 >> 20} MB " +
            $"(+{(process.WorkingSet64 - workingSet) >> 20} MB), peak {process.PeakWorkingSet64 >> 20} MB (+{(process.PeakWorkingSet64 - peak) >> 20} MB)");
        Assert.Equal(MediaProcessor.TooLargeMessage, ex.Message);
        Assert.True(allocated < 64L << 20, $"{allocated} bytes allocated");
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Crafted_png_of_a_sane_size_is_accepted_so_the_bomb_test_crafts_valid_files()
    {
        var upload = await Process(PngBytes.Crafted(64, 48, new byte[48 * (1 + 64 * 4)]), "crafted.png");

        Assert.Equal((64, 48), (upload.Width, upload.Height));
        Assert.Equal("image/png", upload.ContentType); // all pixels are transparent black
    }

    [Theory]
    [InlineData("jpeg", 0.99)]
    [InlineData("jpeg", 0.9)]
    [InlineData("jpeg", 0.5)]
    [InlineData("jpeg", 0.02)]
    [InlineData("png", 0.99)]
    [InlineData("png", 0.5)]
    [InlineData("png", 0.02)]
    [InlineData("webp", 0.99)]
    [InlineData("webp", 0.5)]
    [InlineData("webp", 0.02)]
    public async Task Truncated_image_is_refused(string format, double keep)
    {
        var source = Encode(Picture(640, 480), EncoderFor(format));

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Process(source[..(int)(source.Length * keep)]));

        Assert.Equal(MediaProcessor.CorruptImageMessage, ex.Message);
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task Image_with_corrupted_middle_is_refused_or_stored_as_a_clean_reencode(string format)
    {
        var source = Encode(Picture(640, 480), EncoderFor(format));
        for (var i = source.Length / 2; i < source.Length / 2 + 64; i++)
        {
            source[i] ^= 0x5A;
        }

        var outcome = await RejectedOrStoredClean(source, payload: null);

        output.WriteLine($"{format} with 64 flipped bytes: {outcome}");
    }

    [Fact]
    public async Task Empty_file_is_refused()
    {
        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Process([]));

        Assert.Equal(MediaProcessor.NotSupportedMessage, ex.Message);
    }

    // Files that pretend ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("tiff")]
    [InlineData("bmp")]
    [InlineData("gif")]
    [InlineData("svg-with-script")]
    [InlineData("html-named-jpg")]
    [InlineData("gifar")]
    [InlineData("jpeg-magic-then-html")]
    [InlineData("png-signature-then-html")]
    [InlineData("webp-riff-then-html")]
    public async Task Non_image_or_foreign_format_is_refused(string kind)
    {
        byte[] content = kind switch
        {
            "tiff" => [.. "II*\0"u8, 8, 0, 0, 0, 0, 0, .. new byte[64]],
            "bmp" => Encode(Picture(64, 64), new BmpEncoder()),
            "gif" => Encode(Picture(64, 64), new GifEncoder()),
            "svg-with-script" => Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">{Payload}</svg>"),
            "html-named-jpg" => Encoding.UTF8.GetBytes($"<!doctype html><html><body>{Payload}</body></html>"),
            "gifar" => [.. Encode(Picture(64, 64), new GifEncoder()), .. "PK\x03\x04"u8, .. Encoding.UTF8.GetBytes(Payload)],
            "jpeg-magic-then-html" => [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.UTF8.GetBytes($"<html>{Payload}</html>")],
            "png-signature-then-html" => [0x89, .. "PNG\r\n\x1a\n"u8, .. Encoding.UTF8.GetBytes($"<html>{Payload}</html>")],
            "webp-riff-then-html" => [.. "RIFF\x40\0\0\0WEBP"u8, .. Encoding.UTF8.GetBytes($"<html>{Payload}</html>")],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Process(content, "anh.jpg"));

        output.WriteLine($"{kind}: {ex.Message}");
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("jpeg-then-html")]
    [InlineData("jpeg-then-zip")]
    [InlineData("jpeg-comment-script")]
    [InlineData("png-text-chunk-script")]
    [InlineData("png-then-html")]
    public async Task Image_carrying_a_payload_is_stored_only_as_a_fresh_encode_without_it(string kind)
    {
        var jpeg = Encode(Picture(640, 480), new JpegEncoder());
        var png = Encode(Picture(640, 480), new PngEncoder());
        var payload = Encoding.UTF8.GetBytes(Payload);
        byte[] content = kind switch
        {
            "jpeg-then-html" => [.. jpeg, .. Encoding.UTF8.GetBytes($"<html><body>{Payload}</body></html>")],
            "jpeg-then-zip" => [.. jpeg, .. "PK\x03\x04"u8, .. payload],
            "jpeg-comment-script" => [0xFF, 0xD8, 0xFF, 0xFE, 0, (byte)(payload.Length + 2), .. payload, .. jpeg[2..]],
            "png-text-chunk-script" => [.. png[..33], .. PngBytes.Chunk("tEXt", [.. "Comment\0"u8, .. payload]), .. png[33..]],
            "png-then-html" => [.. png, .. payload],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Assert.True(Contains(content, Payload));

        var upload = await Process(content, "anh.jpg");

        Assert.Equal(MediaKind.Image, upload.Kind);
        AssertStoredClean(content, Payload);
    }

    // PDF ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Minimal_pdf_is_stored_unchanged()
    {
        var pdf = MinimalPdf();

        var upload = await Process(pdf, "quyet-dinh.pdf");

        Assert.Equal(MediaKind.Pdf, upload.Kind);
        Assert.Equal("application/pdf", upload.ContentType);
        Assert.Null(upload.Width);
        Assert.Null(upload.Height);
        Assert.Equal("", upload.VariantWidths);
        Assert.Equal(pdf.Length, upload.Size);
        Assert.Equal(pdf, File.ReadAllBytes(Stored(upload.StorageName + ".pdf")));
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task Pdf_without_eof_marker_is_refused()
    {
        var pdf = MinimalPdf();

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Process(pdf[..^20], "cut.pdf"));

        Assert.Equal(MediaProcessor.CorruptPdfMessage, ex.Message);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Pdf_over_the_limit_is_refused()
    {
        var pdf = new byte[MediaProcessor.MaxPdfBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        "%%EOF\n"u8.CopyTo(pdf.AsSpan(pdf.Length - 6));

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Process(pdf, "big.pdf"));

        Assert.Equal(MediaProcessor.PdfBytesMessage, ex.Message);
    }

    // Size limit -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Oversized_seekable_upload_is_refused_after_reading_only_its_header()
    {
        var content = new byte[MediaProcessor.MaxImageBytes + 1];
        Encode(Picture(64, 64), new JpegEncoder()).CopyTo(content, 0);
        using var stream = new MemoryStream(content);

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Processor.ProcessAsync(stream, "big.jpg", CancellationToken.None));

        Assert.Equal(MediaProcessor.ImageBytesMessage, ex.Message);
        Assert.True(stream.Position <= 16, $"read {stream.Position} bytes");
    }

    [Fact]
    public async Task Oversized_unseekable_upload_is_refused_without_reading_past_the_limit()
    {
        using var stream = new EndlessJpegStream();

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => Processor.ProcessAsync(stream, "big.jpg", CancellationToken.None));

        Assert.Equal(MediaProcessor.ImageBytesMessage, ex.Message);
        Assert.True(stream.BytesRead <= MediaProcessor.MaxImageBytes + 1, $"read {stream.BytesRead} bytes");
        Assert.Empty(StoredFiles());
    }

    // Configuration, names and deletion ---------------------------------------------------------------------------

    [Fact]
    public void Only_jpeg_png_and_webp_are_registered()
    {
        Assert.Equal(ExpectedFormats, MediaProcessor.RegisteredFormats.Select(n => n.ToUpperInvariant()).Order(StringComparer.Ordinal));
        var configuration = MediaProcessor.ImageConfiguration;
        Assert.Equal(3, configuration.ImageFormats.Count());
        Assert.All(configuration.ImageFormats, f => Assert.NotNull(configuration.ImageFormatsManager.FindDecoder(f)));
        Assert.Null(Image.DetectFormat(configuration, Encode(Picture(16, 16), new BmpEncoder())));
        Assert.Null(Image.DetectFormat(configuration, Encode(Picture(16, 16), new GifEncoder())));
    }

    [Theory]
    [InlineData("../x.jpg")]
    [InlineData("abc.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789abcdef.exe")]
    [InlineData("0123456789ABCDEF.jpg")]
    [InlineData("0123456789abcdef-1.jpg")]
    [InlineData("0123456789abcdef-12345.jpg")]
    [InlineData("0123456789abcdef.jpg\n")]
    [InlineData("0123456789abcdef-٤٨٠.jpg")]
    [InlineData("0123456789abcdef.jpg.tmp")]
    [InlineData("../0123456789abcdef.jpg")]
    [InlineData("0123456789abcdef/../../x.jpg")]
    [InlineData("")]
    public void PathOf_refuses_names_we_never_make(string name)
    {
        Directory.CreateDirectory(MediaFolder);
        File.WriteAllText(Path.Combine(MediaFolder, "0123456789abcdef.jpg.tmp"), "half");

        Assert.Null(Processor.PathOf(name));
    }

    [Fact]
    public async Task PathOf_refuses_absolute_paths_even_to_stored_files()
    {
        var upload = await Process(Encode(Picture(64, 64), new JpegEncoder()));

        var path = Processor.PathOf(upload.StorageName + ".jpg");

        Assert.Equal(Path.Combine(Path.GetFullPath(MediaFolder), upload.StorageName + ".jpg"), path);
        Assert.Null(Processor.PathOf(path!));
        Assert.Null(Processor.PathOf(upload.StorageName + "-480.jpg")); // valid name, no such file
    }

    [Fact]
    public async Task Delete_removes_every_file_of_one_upload_only()
    {
        var kept = await Process(Encode(Picture(1000, 500), new JpegEncoder()));
        var deleted = await Process(Encode(Picture(1000, 500), new JpegEncoder()));

        Processor.Delete(deleted.StorageName);

        Assert.DoesNotContain(StoredFiles(), f => Path.GetFileName(f).StartsWith(deleted.StorageName, StringComparison.Ordinal));
        Assert.Equal(6, StoredFiles().Length);
        Assert.Throws<ArgumentException>(() => Processor.Delete("*"));
        Assert.NotNull(Processor.PathOf(kept.StorageName + "-960.webp"));
    }

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    // Helpers ----------------------------------------------------------------------------------------------------

    private async Task<string> RejectedOrStoredClean(byte[] content, string? payload)
    {
        try
        {
            await Process(content);
        }
        catch (MediaRejectedException ex)
        {
            Assert.Empty(StoredFiles());
            return "refused: " + ex.Message;
        }

        AssertStoredClean(content, payload);
        return "stored, re-encoded";
    }

    private void AssertStoredClean(byte[] content, string? payload)
    {
        Assert.NotEmpty(StoredFiles());
        foreach (var file in StoredFiles())
        {
            var bytes = File.ReadAllBytes(file);
            Assert.NotEqual(content, bytes);
            Assert.False(payload is not null && Contains(bytes, payload), $"{file} still holds the payload");
            using var decoded = Image.Load<Rgba32>(file);
            Assert.True(decoded.Width > 0);
        }
    }

    private string Stored(string fileName) => Path.Combine(MediaFolder, fileName);

    private static (int Width, int Height) Size(string path)
    {
        var info = Image.Identify(path);
        return (info.Width, info.Height);
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    private static IImageEncoder EncoderFor(string format) => format switch
    {
        "jpeg" => new JpegEncoder { Quality = 90 },
        "png" => new PngEncoder(),
        "webp" => new WebpEncoder { Quality = 90 },
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>A gradient (so encoders have real work), optionally with a fully transparent left half.</summary>
    private static Image<Rgba32> Picture(int width, int height, bool transparentLeft = false)
    {
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = transparentLeft && x < width / 2
                        ? new Rgba32(0, 0, 0, 0)
                        : new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), 128, 255);
                }
            }
        });
        return image;
    }

    private static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        using (image)
        {
            image.Save(stream, encoder);
        }

        return stream.ToArray();
    }

    private static byte[] MinimalPdf()
    {
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var obj in new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        })
        {
            offsets.Add(body.Length);
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{obj}\nendobj\n");
        }

        var xref = body.Length;
        body.Append("xref\n0 4\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        body.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    /// <summary>A forward-only upload that never ends: a JPEG start, then zeros, counting what was read.</summary>
    private sealed class EndlessJpegStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            if (BytesRead == 0 && count >= 3)
            {
                buffer[offset] = 0xFF;
                buffer[offset + 1] = 0xD8;
                buffer[offset + 2] = 0xFF;
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
