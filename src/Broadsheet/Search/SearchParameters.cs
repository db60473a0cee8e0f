using System.Globalization;
using Broadsheet.Articles;

namespace Broadsheet.Search;

/// <summary>
/// A search as the query string gives it (<c>q</c>, <c>section</c>, <c>topic</c>, <c>author</c>, <c>type</c>,
/// <c>from</c>, <c>to</c>, <c>sort</c>), read the same way by the reader's page and the API. Values that cannot be
/// read are named in <see cref="Errors"/> (the API answers 422 with them) and left out of the filters.
/// </summary>
public sealed record SearchParameters(SearchQuery Query, SearchFilters Filters, SearchOrder Order, IReadOnlyDictionary<string, string> Errors)
{
    public static SearchParameters Read(string? q, string? section, string? topic, string? author, string? type, string? from, string? to, string? sort)
    {
        var errors = new Dictionary<string, string>();
        ArticleType? articleType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            articleType = Enum.GetValues<ArticleType>().Cast<ArticleType?>().FirstOrDefault(t => string.Equals(ContentNames.Of(t!.Value), type.Trim(), StringComparison.OrdinalIgnoreCase));
            if (articleType is null)
            {
                errors["type"] = $"Must be one of {string.Join(", ", Enum.GetValues<ArticleType>().Select(ContentNames.Of))}.";
            }
        }
        var fromDate = Date(from, "from", errors);
        var toDate = Date(to, "to", errors);
        if (fromDate > toDate)
        {
            errors["to"] = "Must not be before from.";
        }
        var order = SearchOrder.Relevance;
        if (!string.IsNullOrWhiteSpace(sort))
        {
            switch (sort.Trim().ToLowerInvariant())
            {
                case "relevance":
                    break;
                case "newest":
                    order = SearchOrder.Newest;
                    break;
                default:
                    errors["sort"] = "Must be relevance or newest.";
                    break;
            }
        }
        var filters = new SearchFilters(Slug(section)?.Trim('/'), Slug(topic), Slug(author), articleType, fromDate, toDate);
        return new SearchParameters(SearchQuery.Parse(q), filters, order, errors);
    }

    private static string? Slug(string? value) => string.IsNullOrWhiteSpace(value) ? null : SearchText.Clean(value.Trim());

    private static DateOnly? Date(string? value, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[field] = "Must be a date as yyyy-mm-dd.";
        return null;
    }
}
