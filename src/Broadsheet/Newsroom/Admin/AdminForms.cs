using Broadsheet.Articles;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Broadsheet.Newsroom.Admin;

/// <summary>The slug of a new topic, contributor or standards page: typed, or made from the name.</summary>
public static class AdminSlugs
{
    /// <summary>The slug to use, or null with an error on the form's Slug (or Name) field.</summary>
    public static string? Check(ModelStateDictionary modelState, string prefix, string? name, string? typed)
    {
        if (!string.IsNullOrWhiteSpace(typed))
        {
            var slug = typed.Trim();
            if (Slugs.From(slug) != slug)
            {
                modelState.AddModelError($"{prefix}.Slug", $"Use lower-case letters, digits and hyphens, e.g. '{Slugs.From(slug)}'.");
                return null;
            }
            return slug;
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return null; // the name's own "required" error says what to do
        }
        var made = Slugs.From(name);
        if (made.Length == 0)
        {
            modelState.AddModelError($"{prefix}.Slug", "Give it an address: the name has no letters or digits to make one from.");
            return null;
        }
        return made;
    }
}

public static class AdminText
{
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
