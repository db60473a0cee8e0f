using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Broadsheet.Rendering;

/// <summary>
/// The site's only stylesheet, inlined into every page so the first paint needs no second request.
/// Read and minified once at start-up; its SHA-256 is the one inline style the CSP allows.
/// Features that need styles keep them in their own file, appended here (<see cref="FeatureFilePaths"/>).
/// </summary>
public sealed partial class InlineStyle
{
    public const string FilePath = "css/reader.css";

    /// <summary>Stylesheets of features that render inside reader pages (the listen player), appended in this order.</summary>
    public static readonly IReadOnlyList<string> FeatureFilePaths = ["css/listen.css", "css/trust.css"];

    private InlineStyle(string css)
    {
        Css = css;
        Hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
    }

    /// <summary>Exactly the text between <c>&lt;style&gt;</c> and <c>&lt;/style&gt;</c>; the hash covers these characters.</summary>
    public string Css { get; }

    /// <summary>The CSP source expression, e.g. <c>sha256-AbC…=</c> (without quotes).</summary>
    public string Hash { get; }

    public static InlineStyle Load(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(FilePath);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The reader stylesheet wwwroot/{FilePath} is missing (web root: {environment.WebRootPath}).");
        }
        var css = new StringBuilder();
        foreach (var path in FeatureFilePaths.Prepend(FilePath))
        {
            var part = environment.WebRootFileProvider.GetFileInfo(path);
            if (!part.Exists)
            {
                throw new InvalidOperationException($"The stylesheet wwwroot/{path} is missing (web root: {environment.WebRootPath}).");
            }
            using var reader = new StreamReader(part.CreateReadStream(), Encoding.UTF8);
            css.Append(reader.ReadToEnd()).Append('\n');
        }
        return new InlineStyle(Minify(css.ToString()));
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
