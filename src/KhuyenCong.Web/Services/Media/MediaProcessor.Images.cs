using System.Buffers.Binary;
using System.Globalization;
using KhuyenCong.Web.Models;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace KhuyenCong.Web.Services.Media;

/// <summary>The image path of an upload: identify, decode without metadata, orient, strip, re-encode the original, its variants and share image.</summary>
public sealed partial class MediaProcessor
{
    private MediaUpload StoreImage(ArraySegment<byte> content, FileType type, string storageName, CancellationToken ct)
    {
        if (!IsComplete(content, type))
        {
            throw new MediaRejectedException(CorruptImageMessage);
        }

        using var image = Decode(content);
        ct.ThrowIfCancellationRequested();

        // Only a PNG or WebP with transparent pixels keeps them (PNG original, WebP variants); JPEG outputs get white.
        var transparent = type != FileType.Jpeg && HasTransparency(image);
        var size = transparent
            ? WriteAtomic(storageName + ".png", s => image.Save(s, OriginalPng))
            : WriteAtomic(storageName + ".jpg", s => image.Save(s, OriginalJpeg));

        var widths = VariantSteps.Where(w => w < image.Width).DefaultIfEmpty(image.Width).ToArray();
        foreach (var width in widths)
        {
            ct.ThrowIfCancellationRequested();
            var height = Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width));
            using var variant = image.Clone(x => x.Resize(width, height));
            WriteAtomic($"{storageName}-{width}.webp", s => variant.Save(s, VariantWebp));
            variant.Mutate(x => x.BackgroundColor(Color.White));
            WriteAtomic($"{storageName}-{width}.jpg", s => variant.Save(s, VariantJpeg));
        }

        using (var share = image.Clone(x => x
            .Resize(new ResizeOptions { Size = ShareSize, Mode = ResizeMode.Crop, Position = AnchorPositionMode.Center })
            .BackgroundColor(Color.White)))
        {
            WriteAtomic(storageName + "-share.jpg", s => share.Save(s, VariantJpeg));
        }

        return new MediaUpload(
            storageName, MediaKind.Image, transparent ? "image/png" : "image/jpeg", size, image.Width, image.Height,
            string.Join(',', widths.Select(w => w.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>Identify (headers only) and refuse oversized pictures before a single pixel buffer exists.</summary>
    private static Image<Rgba32> Decode(ArraySegment<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.Array!, content.Offset, content.Count, writable: false);
            var info = Image.Identify(ImageConfiguration, stream) ?? throw new MediaRejectedException(NotSupportedMessage);
            CheckDimensions(info.Width, info.Height);

            stream.Position = 0;
            var image = Image.Load<Rgba32>(ImageConfiguration, stream);
            try
            {
                CheckDimensions(image.Width, image.Height);
                var orientation = ExifOrientation.Read(content);
                if (orientation > 1)
                {
                    // The decoders skipped metadata, so hand AutoOrient the one tag it needs, then drop it again.
                    image.Metadata.ExifProfile = new ExifProfile();
                    image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)orientation);
                    image.Mutate(x => x.AutoOrient());
                }

                StripMetadata(image);
                return image;
            }
            catch
            {
                image.Dispose();
                throw;
            }
        }
        catch (UnknownImageFormatException)
        {
            throw new MediaRejectedException(NotSupportedMessage);
        }
        catch (InvalidMemoryOperationException)
        {
            throw new MediaRejectedException(TooLargeMessage);
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException)
        {
            throw new MediaRejectedException(CorruptImageMessage);
        }
        catch (Exception ex) when (ex is not (MediaRejectedException or OperationCanceledException or OutOfMemoryException))
        {
            // A decoder tripping over hostile bytes (index, overflow, argument errors) is still bad input, not a 500.
            throw new MediaRejectedException(CorruptImageMessage);
        }
    }

    /// <summary>
    /// ImageSharp decodes a cut JPEG or WebP without complaint (the missing part turns grey), so check the ends: a
    /// JPEG's end marker must follow its last scan, and a WebP must be as long as its RIFF header says.
    /// </summary>
    private static bool IsComplete(ReadOnlySpan<byte> file, FileType type) => type switch
    {
        FileType.Jpeg => file.LastIndexOf(JpegStartOfScan) is var scan and >= 0 && file[scan..].IndexOf(JpegEndOfImage) > 0,
        FileType.Webp => BinaryPrimitives.ReadUInt32LittleEndian(file[4..]) <= file.Length - 8L,
        _ => true, // PNG decoding already fails without its data and end chunks
    };

    private static void CheckDimensions(int width, int height)
    {
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxMegapixels * 1_000_000L)
        {
            throw new MediaRejectedException(TooLargeMessage);
        }

        if (width < MinSide || height < MinSide)
        {
            throw new MediaRejectedException(width <= 0 || height <= 0 ? CorruptImageMessage : TooSmallMessage);
        }
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IccProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
        }
    }

    private static bool HasTransparency(Image<Rgba32> image)
    {
        var transparent = false;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && !transparent; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    if (pixel.A != byte.MaxValue)
                    {
                        transparent = true;
                        break;
                    }
                }
            }
        });
        return transparent;
    }
}
