using Broadsheet.Data;

namespace Broadsheet.Articles;

/// <summary>The address of a new topic, contributor or standards page: typed, or made from its name.</summary>
internal static class NewSlugs
{
    /// <summary>
    /// The slug to use, or null with an error on <c>slug</c>; also null, without an error, when there is no name
    /// to make one from (the name's own "required" error says what to do).
    /// </summary>
    public static string? Check(string? typed, string? name, ValidationErrors errors)
    {
        if (InputText.Trimmed(typed) is { } slug)
        {
            if (Slugs.From(slug) != slug)
            {
                errors.Add("slug", NotASlug(slug));
                return null;
            }
            return slug;
        }
        return InputText.Trimmed(name) is { } given ? Slugs.From(given) : null;
    }

    public static string NotASlug(string text) =>
        $"Use lower-case letters, digits and hyphens (at most {Slugs.MaxLength} characters), e.g. '{Slugs.From(text)}'.";
}
