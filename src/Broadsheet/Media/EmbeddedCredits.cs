using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;

namespace Broadsheet.Media;

/// <summary>The caption and credit a photographer or agency wrote into the file (IPTC, XMP, EXIF).</summary>
public readonly record struct EmbeddedCredits(string? Caption, string? Credit)
{
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string Photoshop = "http://ns.adobe.com/photoshop/1.0/";

    /// <summary>Reads what it can; metadata is a courtesy, so a file with broken metadata simply has none.</summary>
    public static EmbeddedCredits Read(byte[] bytes)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception e) when (e is ImageProcessingException or MetadataException or IOException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return default;
        }

        var iptc = directories.OfType<IptcDirectory>().FirstOrDefault();
        var xmp = directories.OfType<XmpDirectory>().FirstOrDefault()?.XmpMeta;
        var exif = directories.OfType<ExifIfd0Directory>().FirstOrDefault();

        var caption = FirstText(
            () => iptc?.GetString(IptcDirectory.TagCaption),
            () => xmp?.GetLocalizedText(DublinCore, "description", null, "x-default")?.Value,
            () => exif?.GetString(ExifDirectoryBase.TagImageDescription));
        var credit = FirstText(
            () => CreditLine(iptc?.GetString(IptcDirectory.TagByLine), iptc?.GetString(IptcDirectory.TagCredit)),
            () => xmp?.GetPropertyString(Photoshop, "Credit"),
            () => xmp?.GetArrayItem(DublinCore, "creator", 1)?.Value,
            () => iptc?.GetString(IptcDirectory.TagCopyrightNotice),
            () => xmp?.GetLocalizedText(DublinCore, "rights", null, "x-default")?.Value,
            () => exif?.GetString(ExifDirectoryBase.TagArtist),
            () => exif?.GetString(ExifDirectoryBase.TagCopyright));
        return new EmbeddedCredits(caption, credit);
    }

    /// <summary>"Jane Doe/Agency" when both the photographer (By-line) and the provider (Credit) are named.</summary>
    private static string? CreditLine(string? byline, string? credit)
    {
        byline = Clean(byline);
        credit = Clean(credit);
        return (byline, credit) switch
        {
            (null, null) => null,
            ({ } b, null) => b,
            (null, { } c) => c,
            ({ } b, { } c) when b.Equals(c, StringComparison.OrdinalIgnoreCase) || b.Contains(c, StringComparison.OrdinalIgnoreCase) => b,
            ({ } b, { } c) => $"{b}/{c}",
        };
    }

    private static string? FirstText(params Func<string?>[] sources)
    {
        foreach (var source in sources)
        {
            string? text;
            try
            {
                text = Clean(source());
            }
            catch (Exception e) when (e is XmpCore.XmpException or ArgumentException or InvalidOperationException)
            {
                continue;
            }
            if (text is not null)
            {
                return text;
            }
        }
        return null;
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var cleaned = new string(text.Where(c => !char.IsControl(c) || c is '\n').ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
