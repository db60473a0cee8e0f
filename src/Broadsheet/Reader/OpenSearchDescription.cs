using System.Xml.Linq;
using Broadsheet.Rendering;

namespace Broadsheet.Reader;

/// <summary>
/// <c>/opensearch.xml</c>: the OpenSearch description the layout links with <c>rel="search"</c>, so that browsers
/// offer the site's search from the address bar.
/// </summary>
public static class OpenSearchDescription
{
    private static readonly XNamespace Ns = "http://a9.com/-/spec/opensearch/1.1/";

    public static async Task<IResult> GetAsync(HttpContext http, SiteChrome chrome, CancellationToken ct)
    {
        await chrome.LoadAsync(ct);
        var name = chrome.Publication.Name;
        var search = chrome.Absolute(http.Request, "/search");
        var document = new XDocument(new XElement(Ns + "OpenSearchDescription",
            // ShortName is at most 16 characters.
            new XElement(Ns + "ShortName", name.Length > 16 ? name[..16] : name),
            new XElement(Ns + "Description", $"Search {name}"),
            new XElement(Ns + "InputEncoding", "UTF-8"),
            new XElement(Ns + "Image", new XAttribute("type", "image/svg+xml"), chrome.Absolute(http.Request, "/favicon.svg")),
            new XElement(Ns + "Url", new XAttribute("type", "text/html"), new XAttribute("method", "get"), new XAttribute("template", search + "?q={searchTerms}")),
            new XElement(Ns + "Url", new XAttribute("type", "application/opensearchdescription+xml"), new XAttribute("rel", "self"), new XAttribute("template", chrome.Absolute(http.Request, "/opensearch.xml")))));
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + document.ToString(SaveOptions.DisableFormatting), "application/opensearchdescription+xml; charset=utf-8");
    }
}
