using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Discovery;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

/// <summary>A staff member's profile and articles, or an agency's articles.</summary>
public sealed class AuthorPageModel(SiteChrome chrome, PublishedArticles published, BroadsheetDb db) : ReaderPageModel(chrome)
{
    // The default encoder escapes <, > and &, so nothing in the data can close the script element.
    private static readonly JsonSerializerOptions LdJson = new() { Encoder = JavaScriptEncoder.Default };

    public Contributor Contributor { get; private set; } = null!;

    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || await db.Contributors.AsNoTracking().Include(c => c.Photo).FirstOrDefaultAsync(c => c.Slug == slug, ct) is not { } contributor
            || await Listing.PageAsync(published, ListingScope.Contributor(contributor.Id), ArticleUrls.AuthorPath(contributor.Slug), page, ct) is not var (articles, pager))
        {
            return NotFound();
        }
        Contributor = contributor;
        Articles = articles;
        Pager = pager;
        await Chrome.LoadAsync(ct);
        var description = contributor.Kind == ContributorKind.Person
            ? contributor.Role is { Length: > 0 } role ? $"{contributor.Name}, {role} at {Chrome.Publication.Name}." : $"Articles by {contributor.Name}."
            : $"Articles from {contributor.Name} published by {Chrome.Publication.Name}.";
        Listing.Describe(Meta, contributor.Name, description, pager);
        Meta.OpenGraphType = contributor.Kind == ContributorKind.Person ? "profile" : "website";
        Meta.Alternates = FeedUrls.Links($"{Chrome.Publication.Name}: {contributor.Name}", f => FeedUrls.Author(contributor.Slug, f));
        if (contributor.Photo is { } photo)
        {
            Meta.ImageUrl = PictureView.LargestJpegPath(photo);
            Meta.ImageAlt = contributor.Name;
        }
        Meta.JsonLd = StructuredData(contributor).ToJsonString(LdJson);
        // The photo is the author's: changing it evicts this tag (ImagePages), as does any change to the contributor.
        TagCache([CacheTags.Author(contributor.Slug), CacheTags.Standards]);
        return Page();
    }

    /// <summary>A profile link's text: the site's host, without "www.".</summary>
    public static string LinkText(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host) : url;

    /// <summary>
    /// A staff member's page is a <c>ProfilePage</c> about a <c>Person</c> with the role, photo, profiles and subjects the
    /// Trust Project asks to show for author expertise; an agency's, its <c>Organization</c>.
    /// </summary>
    private JsonObject StructuredData(Contributor contributor)
    {
        var url = Chrome.Absolute(Request, ArticleUrls.AuthorPath(contributor.Slug));
        if (contributor.Kind == ContributorKind.Agency)
        {
            var organization = new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Organization",
                ["name"] = contributor.Name,
                ["url"] = url,
            };
            if (contributor.Links.Count > 0)
            {
                organization["sameAs"] = Strings(contributor.Links);
            }
            return organization;
        }
        var person = new JsonObject
        {
            ["@type"] = "Person",
            ["name"] = contributor.Name,
            ["url"] = url,
            ["worksFor"] = new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = Chrome.Publication.Name, ["url"] = Chrome.Absolute(Request, "/") },
        };
        if (contributor.Role is { } role)
        {
            person["jobTitle"] = role;
        }
        if (contributor.Bio is { } bio)
        {
            person["description"] = ShortBio.Of(bio);
        }
        if (Meta.ImageUrl is { } image)
        {
            person["image"] = Chrome.Absolute(Request, image);
        }
        if (contributor.Email is { } email)
        {
            person["email"] = email;
        }
        if (contributor.Links.Count > 0)
        {
            person["sameAs"] = Strings(contributor.Links);
        }
        if (contributor.Expertise.Count > 0)
        {
            person["knowsAbout"] = Strings(contributor.Expertise);
        }
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ProfilePage",
            ["url"] = url,
            ["mainEntity"] = person,
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
