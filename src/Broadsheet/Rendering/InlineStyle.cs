using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Broadsheet.Rendering;

/// <summary>Which inline stylesheet a reader page carries.</summary>
public enum PageStyle
{
    /// <summary>Listings, home, search, indexes, standards, forms and errors: reader.css and pages.css.</summary>
    Pages,

    /// <summary>An article page (and its preview): reader.css, article.css and the player's listen.css.</summary>
    Article,
}

/// <summary>
/// The reader's stylesheets, inlined into each page so the first paint needs no second request: every page gets the
/// base (<see cref="FilePath"/>) and the sheets of its kind (<see cref="PageStyle"/>), so an article carries no listing
/// or search styles and a listing no player. Read and minified once at start-up. The CSP allows exactly the page's
/// stylesheet of each kind by its SHA-256 (<see cref="Policy"/>, one policy for every response: a 304 from the output
/// cache carries the default headers, and the browser keeps the stored page with them). Print rules are a linked stylesheet
/// (<see cref="PrintPath"/>, <c>media="print"</c>): they never block rendering and are fetched once for the whole site.
/// </summary>
public sealed partial class InlineStyle
{
    public const string FilePath = "css/reader.css";

    /// <summary>The print stylesheet, linked with <c>media="print"</c> from every reader page.</summary>
    public const string PrintPath = "/css/print.css";

    /// <summary>The sheets each kind appends to the base, in this order.</summary>
    public static readonly IReadOnlyDictionary<PageStyle, string[]> KindFilePaths = new Dictionary<PageStyle, string[]>
    {
        [PageStyle.Pages] = ["css/pages.css"],
        [PageStyle.Article] = ["css/article.css", "css/listen.css"],
    };

    private readonly Sheet[] sheets;

    private InlineStyle(Sheet[] sheets)
    {
        this.sheets = sheets;
        Policy = ContentSecurityPolicy(sheets.Select(s => s.Hash));
    }

    /// <summary>The Content-Security-Policy of every response: the inline stylesheets of every kind, no inline script.</summary>
    public StringValues Policy { get; }

    /// <summary>One kind's inline stylesheet and its CSP source expression.</summary>
    public sealed class Sheet
    {
        internal Sheet(string css)
        {
            Css = css;
            Hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        }

        /// <summary>Exactly the text between <c>&lt;style&gt;</c> and <c>&lt;/style&gt;</c>; the hash covers these characters.</summary>
        public string Css { get; }

        /// <summary>The CSP source expression, e.g. <c>sha256-AbC…=</c> (without quotes).</summary>
        public string Hash { get; }
    }

    public Sheet For(PageStyle kind) => sheets[(int)kind];

    /// <summary>The Content-Security-Policy allowing inline stylesheets with these hashes (<c>sha256-…</c>): no inline script, nothing from elsewhere.</summary>
    public static string ContentSecurityPolicy(IEnumerable<string> styleHashes) =>
        $"default-src 'self'; script-src 'self'; style-src 'self' {string.Join(' ', styleHashes.Select(h => $"'{h}'"))}; img-src 'self' data:; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static InlineStyle Load(IWebHostEnvironment environment)
    {
        string Read(string path)
        {
            var file = environment.WebRootFileProvider.GetFileInfo(path);
            if (!file.Exists)
            {
                throw new InvalidOperationException($"The stylesheet wwwroot/{path} is missing (web root: {environment.WebRootPath}).");
            }
            using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
            return reader.ReadToEnd();
        }
        var kinds = Enum.GetValues<PageStyle>();
        var sheets = new Sheet[kinds.Length];
        foreach (var kind in kinds)
        {
            var css = new StringBuilder();
            foreach (var path in KindFilePaths[kind].Prepend(FilePath))
            {
                css.Append(Read(path)).Append('\n');
            }
            sheets[(int)kind] = new Sheet(Minify(css.ToString()));
        }
        return new InlineStyle(sheets);
    }

    /// <summary>Drops comments and the whitespace CSS does not need. Spaces before ':' stay (they matter in selectors).</summary>
    internal static string Minify(string css)
    {
        css = Comments().Replace(css, "");
        css = Whitespace().Replace(css, " ");
        css = AroundPunctuation().Replace(css, "$1");
        css = AfterColon().Replace(css, ":");
        return css.Replace(";}", "}", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([{};,>])\s*")]
    private static partial Regex AroundPunctuation();

    [GeneratedRegex(@":\s+")]
    private static partial Regex AfterColon();
}
