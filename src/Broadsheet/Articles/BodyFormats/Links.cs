using System.Text.RegularExpressions;

namespace Broadsheet.Articles.BodyFormats;

/// <summary>Which link targets a body may carry, and how body markup refers to images in the library.</summary>
public static partial class Links
{
    /// <summary>
    /// The href if readers may safely follow it: absolute http(s), mailto, or a path on this site.
    /// Anything else (<c>javascript:</c>, <c>data:</c>, protocol-relative <c>//host</c>) gives null.
    /// </summary>
    public static string? SafeHref(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }
        var value = href.Trim();
        if (value.Any(char.IsControl))
        {
            return null;
        }
        if (value.StartsWith('/'))
        {
            // "//host" and "/\host" are read by browsers as another host.
            return (value.Length > 1 && value[1] is '/' or '\\') || value.Any(char.IsWhiteSpace) ? null : value;
        }
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return value.Length > "mailto:".Length && !value.Any(char.IsWhiteSpace) ? value : null;
        }
        return IsWebUrl(value) ? value : null;
    }

    /// <summary>An absolute http or https URL with a host.</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.Host.Length > 0
        && !url!.Trim().Any(char.IsWhiteSpace);

    /// <summary>
    /// The library image a body's markup points at: <c>/media/{id}</c> or any rendition under it
    /// (<c>/media/{id}/800.webp</c>). Other image URLs are not ours and are dropped from bodies, so reader
    /// pages never load third-party images.
    /// </summary>
    public static bool TryParseMediaReference(string? url, out Guid imageId)
    {
        imageId = Guid.Empty;
        if (url is null)
        {
            return false;
        }
        var match = MediaPath().Match(url.Trim());
        return match.Success && Guid.TryParse(match.Groups[1].Value, out imageId);
    }

    [GeneratedRegex("^/media/([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})(?:[/?#].*)?$")]
    private static partial Regex MediaPath();
}
