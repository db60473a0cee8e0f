using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Broadsheet.Articles;

namespace Broadsheet.Demo;

/// <summary>The demo publication's manifest (<c>publication.json</c>): everything that is not an article or a standards page.</summary>
public sealed record DemoManifest(
    string Name,
    string Tagline,
    string Language,
    string TimeZone,
    string IllustrationCredit,
    IReadOnlyList<DemoSection> Sections,
    IReadOnlyList<DemoTopic> Topics,
    IReadOnlyList<DemoContributor> Contributors,
    IReadOnlyList<DemoAd> Ads);

/// <summary>Parents come before their children; the order is the navigation order.</summary>
public sealed record DemoSection(string Path, string Name);

public sealed record DemoTopic(string Slug, string Name, string Description);

/// <summary>Kind is <c>person</c> (staff, with a role and a bio) or <c>agency</c>.</summary>
public sealed record DemoContributor(
    string Slug, string Name, string Kind, string? Role = null, string? Bio = null, IReadOnlyList<string>? Expertise = null, string? Email = null,
    IReadOnlyList<string>? Links = null);

/// <summary>A house ad: its picture is drawn at twice the slot's <see cref="Width"/>; dates are days before seeding.</summary>
public sealed record DemoAd(string Name, string Image, int Width, string Alt, string Link, int StartsDaysAgo, string? Section = null, string? Topic = null, int? EndsDaysAgo = null);

/// <summary>An image file with the words that go with it.</summary>
public sealed record DemoPicture(string Path, string Alt, string? Caption, string Credit);

/// <summary>One article file: its front matter, and its body in Markdown with images as paths relative to the file.</summary>
public sealed record DemoArticle(
    string File,
    string Headline,
    string? Slug,
    string Type,
    string Language,
    string Section,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Byline,
    string? Dateline,
    double PublishedHoursAgo,
    IReadOnlyList<string> Summary,
    DemoPicture Hero,
    double? UpdatedHoursAgo,
    NoteKind? NoteKind,
    string? Note,
    string Body,
    IReadOnlyDictionary<string, DemoPicture> BodyImages);

public sealed record DemoStandardsPage(string File, string Slug, string Title, string Body);

public sealed record DemoSource(string Folder, DemoManifest Manifest, IReadOnlyList<DemoArticle> Articles, IReadOnlyList<DemoStandardsPage> Standards)
{
    /// <summary>The pictures of the articles, each file once: heroes and body images.</summary>
    public IEnumerable<DemoPicture> ArticlePictures => Articles.SelectMany(a => a.BodyImages.Values.Prepend(a.Hero)).DistinctBy(p => p.Path);

    /// <summary>An ad's picture: its name is the caption, as the newsroom's image library shows it.</summary>
    public DemoPicture PictureOf(DemoAd ad) => new(Path.GetFullPath(Path.Combine(Folder, ad.Image)), ad.Alt, ad.Name, Manifest.IllustrationCredit);
}

/// <summary>
/// Reads the demo publication from its folder: <c>publication.json</c>, <c>articles/*.md</c> and <c>standards/*.md</c>
/// (each in file-name order, after a front matter of <c>key: value</c> lines between two <c>---</c> lines), and the
/// image files they name. Everything is checked before seeding starts: a broken file fails with its name, line and what
/// is wrong (<see cref="InvalidDataException"/>), never half-way through the database.
/// </summary>
public static partial class DemoFiles
{
    /// <summary>Where the build copies the demo content (<c>src/Broadsheet/Demo/content</c>): beside the app's assembly.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Demo", "content");

    public const string ManifestFile = "publication.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly string[] ArticleKeys =
    [
        "headline", "slug", "type", "language", "section", "topics", "byline", "dateline", "published-hours-ago", "summary",
        "hero", "hero-alt", "hero-caption", "hero-credit", "updated-hours-ago", "update", "correction",
    ];

    public static DemoSource Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"The demo content folder {folder} does not exist.");
        }
        var manifest = ReadManifest(folder);
        var articles = MarkdownFiles(folder, "articles").Select(f => ReadArticle(folder, f, manifest)).ToList();
        var standards = MarkdownFiles(folder, "standards").Select(f => ReadStandardsPage(folder, f)).ToList();
        if (articles.GroupBy(a => a.Slug ?? Slugs.From(a.Headline)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"{twice.First().File}, {twice.Last().File}: both have the slug '{twice.Key}'.");
        }
        if (standards.GroupBy(s => s.Slug).FirstOrDefault(g => g.Count() > 1) is { } same)
        {
            throw new InvalidDataException($"{same.First().File}, {same.Last().File}: both have the slug '{same.Key}'.");
        }
        return new DemoSource(folder, manifest, articles, standards);
    }

    private static IEnumerable<string> MarkdownFiles(string folder, string subfolder)
    {
        var path = Path.Combine(folder, subfolder);
        return Directory.Exists(path) ? Directory.GetFiles(path, "*.md").Order(StringComparer.Ordinal) : [];
    }

    private static DemoManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{ManifestFile}: missing from {folder}.");
        }
        DemoManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<DemoManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? $":{line + 1}" : "";
            throw new InvalidDataException($"{ManifestFile}{at}: {e.Message}", e);
        }
        if (manifest is null)
        {
            throw new InvalidDataException($"{ManifestFile}: must be an object.");
        }
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in manifest.Sections)
        {
            var parent = section.Path.Contains('/') ? section.Path[..section.Path.LastIndexOf('/')] : null;
            Check(parent is null || paths.Contains(parent), ManifestFile, $"section '{section.Path}' comes before its parent '{parent}'.");
            Check(paths.Add(section.Path), ManifestFile, $"section '{section.Path}' is listed twice.");
        }
        foreach (var contributor in manifest.Contributors)
        {
            Check(ContentNames.TryParse<ContributorKind>(contributor.Kind, out _), ManifestFile,
                $"contributor '{contributor.Slug}' has kind '{contributor.Kind}'; use one of {ContentNames.List<ContributorKind>()}.");
        }
        foreach (var ad in manifest.Ads)
        {
            Check(File.Exists(Path.Combine(folder, ad.Image)), ManifestFile, $"ad '{ad.Name}' shows {ad.Image}, which does not exist.");
            Check(ad.Section is null || paths.Contains(ad.Section), ManifestFile, $"ad '{ad.Name}' targets section '{ad.Section}', which is not in sections.");
            Check(ad.Topic is null || manifest.Topics.Any(t => t.Slug == ad.Topic), ManifestFile, $"ad '{ad.Name}' targets topic '{ad.Topic}', which is not in topics.");
        }
        return manifest;
    }

    private static DemoArticle ReadArticle(string folder, string path, DemoManifest manifest)
    {
        var file = Path.GetRelativePath(folder, path);
        var (front, body) = FrontMatter.Split(file, File.ReadAllText(path), ArticleKeys);
        var section = front.Required("section");
        front.Check("section", manifest.Sections.Any(s => s.Path == section), $"no section '{section}' in {ManifestFile}.");
        var topics = front.List("topics");
        foreach (var topic in topics)
        {
            front.Check("topics", manifest.Topics.Any(t => t.Slug == topic), $"no topic '{topic}' in {ManifestFile}.");
        }
        var byline = front.List("byline");
        foreach (var slug in byline)
        {
            front.Check("byline", manifest.Contributors.Any(c => c.Slug == slug), $"no contributor '{slug}' in {ManifestFile}.");
        }
        var credit = front.Optional("hero-credit") ?? manifest.IllustrationCredit;
        var hero = new DemoPicture(front.File("hero", path), front.Required("hero-alt"), front.Optional("hero-caption"), credit);
        var (update, correction) = (front.Optional("update"), front.Optional("correction"));
        front.Check("correction", update is null || correction is null, "give an update or a correction, not both.");
        var updated = front.Number("updated-hours-ago");
        front.Check("updated-hours-ago", (update ?? correction) is null || updated is not null, "an update or a correction needs the time it was made.");

        var images = new Dictionary<string, DemoPicture>(StringComparer.Ordinal);
        foreach (Match image in MarkdownImage().Matches(body))
        {
            var source = image.Groups["src"].Value;
            if (source.StartsWith('/') || source.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }
            var imagePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, source));
            Check(File.Exists(imagePath), file, $"the body shows {source}, which does not exist.");
            Check(image.Groups["alt"].Value.Trim().Length > 0, file, $"the body shows {source} without alt text: write it between the brackets, ![alt]({source}).");
            images[source] = new DemoPicture(imagePath, image.Groups["alt"].Value.Trim(), image.Groups["title"] is { Success: true } title ? title.Value : null, manifest.IllustrationCredit);
        }

        return new DemoArticle(
            file,
            front.Required("headline"),
            front.Optional("slug"),
            front.Optional("type") ?? "news",
            front.Optional("language") ?? manifest.Language,
            section,
            topics,
            byline,
            front.Optional("dateline"),
            front.Number("published-hours-ago") ?? throw front.Error("published-hours-ago", "required."),
            front.All("summary"),
            hero,
            updated,
            update is not null ? NoteKind.Update : correction is not null ? NoteKind.Correction : null,
            update ?? correction,
            body,
            images);
    }

    private static DemoStandardsPage ReadStandardsPage(string folder, string path)
    {
        var file = Path.GetRelativePath(folder, path);
        var (front, body) = FrontMatter.Split(file, File.ReadAllText(path), ["title", "slug"]);
        var slug = front.Required("slug");
        front.Check("slug", Slugs.From(slug) == slug, $"'{slug}' is not a slug (try '{Slugs.From(slug)}').");
        return new DemoStandardsPage(file, slug, front.Required("title"), body);
    }

    private static void Check(bool condition, string file, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{file}: {message}");
        }
    }

    /// <summary><c>![alt](path "caption")</c>: the Markdown image syntax the demo bodies use.</summary>
    [GeneratedRegex("""!\[(?<alt>[^\]]*)\]\((?<src>[^)\s]+)(?:\s+"(?<title>[^"]*)")?\)""")]
    private static partial Regex MarkdownImage();

    /// <summary>The <c>key: value</c> lines at the top of a demo file; a key may repeat only where a list is expected.</summary>
    internal sealed class FrontMatter
    {
        private readonly string file;
        private readonly Dictionary<string, List<(string Value, int Line)>> fields = new(StringComparer.Ordinal);
        private readonly int end;

        private FrontMatter(string file, int end)
        {
            this.file = file;
            this.end = end;
        }

        public static (FrontMatter Front, string Body) Split(string file, string text, IReadOnlyCollection<string> keys)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            if (lines[0].Trim() != "---")
            {
                throw new InvalidDataException($"{file}:1: must start with a front matter: a line '---', 'key: value' lines, and '---' again.");
            }
            var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
            if (close < 0)
            {
                throw new InvalidDataException($"{file}: the front matter has no closing '---' line.");
            }
            var front = new FrontMatter(file, close + 1);
            for (var i = 1; i < close; i++)
            {
                var line = lines[i];
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var key = colon > 0 ? line[..colon].Trim() : "";
                if (colon <= 0 || line[(colon + 1)..].Trim().Length == 0)
                {
                    throw new InvalidDataException($"{file}:{i + 1}: expected 'key: value', found '{line.Trim()}'.");
                }
                if (!keys.Contains(key))
                {
                    throw new InvalidDataException($"{file}:{i + 1}: unknown key '{key}'; the keys are {string.Join(", ", keys)}.");
                }
                if (!front.fields.TryGetValue(key, out var values))
                {
                    front.fields[key] = values = [];
                }
                values.Add((line[(colon + 1)..].Trim(), i + 1));
            }
            return (front, string.Join('\n', lines[(close + 1)..]).Trim() + "\n");
        }

        public string? Optional(string key)
        {
            if (!fields.TryGetValue(key, out var values))
            {
                return null;
            }
            if (values.Count > 1)
            {
                throw new InvalidDataException($"{file}:{values[1].Line}: '{key}' is given twice.");
            }
            return values[0].Value;
        }

        public string Required(string key) => Optional(key) ?? throw Error(key, "required.");

        /// <summary>Every value of a key that may repeat (one summary point a line).</summary>
        public IReadOnlyList<string> All(string key) => fields.TryGetValue(key, out var values) ? [.. values.Select(v => v.Value)] : [];

        /// <summary>A comma-separated list in one value.</summary>
        public IReadOnlyList<string> List(string key) =>
            Optional(key)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

        public double? Number(string key)
        {
            var text = Optional(key);
            if (text is null)
            {
                return null;
            }
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw Error(key, $"'{text}' is not a number of hours (like 5 or 5.5).");
        }

        /// <summary>A file named relative to the demo file.</summary>
        public string File(string key, string demoFile)
        {
            var name = Required(key);
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(demoFile)!, name));
            return System.IO.File.Exists(path) ? path : throw Error(key, $"{name} does not exist.");
        }

        public void Check(string key, bool condition, string message)
        {
            if (!condition)
            {
                throw Error(key, message);
            }
        }

        public InvalidDataException Error(string key, string message) =>
            new($"{file}:{(fields.TryGetValue(key, out var values) ? values[0].Line : end)}: {key}: {message}");
    }
}
