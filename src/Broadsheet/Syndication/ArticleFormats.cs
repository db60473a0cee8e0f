using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Syndication;

/// <summary>The representations of one article the public API serves, chosen by <c>Accept</c>.</summary>
public enum ArticleFormat
{
    /// <summary>Broadsheet's own JSON: the default for any other <c>Accept</c>.</summary>
    Json,
    Ninjs2,
    Ninjs3,
    NewsItem,
}

/// <summary>Content negotiation for an article: which format an <c>Accept</c> header asks for, or why none can be served.</summary>
public static class ArticleFormats
{
    /// <summary>
    /// The acceptable type of highest quality that names a format (ninjs with <c>version=2</c> or <c>3</c>, the default
    /// 3 without one; a NewsML-G2 news item; JSON or any type); Broadsheet's JSON when none does, so clients that
    /// send no or a browser's <c>Accept</c> get what they always got. A ninjs version other than 2 or 3 is a problem.
    /// </summary>
    public static (ArticleFormat Format, string? Problem) Negotiate(StringValues accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var types))
        {
            return (ArticleFormat.Json, null);
        }
        foreach (var type in types.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
        {
            var name = type.MediaType.Value ?? "";
            if (name.Equals(NinjsWriter.MediaType, StringComparison.OrdinalIgnoreCase))
            {
                var version = type.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase))?.Value.Value?.Trim('"');
                return MajorOf(version) switch
                {
                    null or "3" => (ArticleFormat.Ninjs3, null),
                    "2" => (ArticleFormat.Ninjs2, null),
                    _ => (ArticleFormat.Json, $"ninjs version {version} is not served: ask for {NinjsWriter.MediaType}; version=3 or version=2."),
                };
            }
            if (name.Equals(NewsItemWriter.MediaType, StringComparison.OrdinalIgnoreCase))
            {
                return (ArticleFormat.NewsItem, null);
            }
            if (name is "*/*" or "application/*" || name.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return (ArticleFormat.Json, null);
            }
        }
        return (ArticleFormat.Json, null);
    }

    /// <summary>What the output cache keys an article on: the negotiated format, not the raw header, so browsers' many <c>Accept</c> strings share one entry.</summary>
    public static string CacheKey(HttpContext http)
    {
        var (format, problem) = Negotiate(http.Request.Headers.Accept);
        return problem is null ? format.ToString() : "unacceptable";
    }

    public static string ContentType(ArticleFormat format) => format switch
    {
        ArticleFormat.Ninjs2 => NinjsWriter.MediaType + "; version=2",
        ArticleFormat.Ninjs3 => NinjsWriter.MediaType + "; version=3",
        ArticleFormat.NewsItem => NewsItemWriter.MediaType + "; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    /// <summary>The article in <paramref name="format"/> (not <see cref="ArticleFormat.Json"/>, which the API serialises itself).</summary>
    public static byte[] Write(SyndicationSource source, ArticleFormat format) => format switch
    {
        ArticleFormat.Ninjs2 => NinjsWriter.Write(source, 2),
        ArticleFormat.Ninjs3 => NinjsWriter.Write(source, 3),
        ArticleFormat.NewsItem => NewsItemWriter.Write(source),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Broadsheet's JSON is written by the API."),
    };

    private static string? MajorOf(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return null;
        }
        var dot = version.IndexOf('.');
        return dot < 0 ? version.Trim() : version[..dot].Trim();
    }
}
