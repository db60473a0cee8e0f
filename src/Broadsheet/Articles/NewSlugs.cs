using Broadsheet.Data;

namespace Broadsheet.Articles;

/// <summary>The address of a new topic, contributor or standards page: typed, or made from its name.</summary>
internal static class NewSlugs
{
    /// <summary>
    /// The slug to use, or null with an error on <c>slug</c>; also null, without an error, when there is no name
    /// to make one from (the name's own "required" error says what to do).
    /// </summary>
    public static string? Check(string? typed, string? name, string nameNoun, ValidationErrors errors)
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
        if (InputText.Trimmed(name) is not { } given)
        {
            return null;
        }
        var made = Slugs.From(given);
        if (made.Length == 0)
        {
            errors.Add("slug", $"Give it an address: the {nameNoun} has no letters or digits to make one from.");
            return null;
        }
        return made;
    }

    public static string NotASlug(string text) => Slugs.From(text) is { Length: > 0 } example
        ? $"Use lower-case letters, digits and hyphens (at most {Slugs.MaxLength} characters), e.g. '{example}'."
        : $"Use lower-case letters, digits and hyphens (at most {Slugs.MaxLength} characters).";
}
