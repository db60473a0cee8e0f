using System.Net;
using System.Text.RegularExpressions;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Articles.Contributors;
using Broadsheet.Articles.Sections;
using Broadsheet.Articles.Topics;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ingest.WordPress;

/// <summary>Where the import is: posts done of the total, and what became of the last one.</summary>
public sealed record WordPressImportProgress(int Done, int Total, string Title, string Outcome);

/// <summary>What an import did: posts imported (published and drafts), skipped as imported before, failed with reasons, and warnings.</summary>
public sealed class WordPressImportReport
{
    public int Total { get; set; }
    public int Published { get; set; }
    public int Drafts { get; set; }
    public int Skipped { get; set; }
    public List<string> Failed { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>The run stopped before the end (cancelled); running it again imports the rest.</summary>
    public bool Interrupted { get; set; }

    public int Imported => Published + Drafts;
}

/// <summary>Where pictures come from: a local copy of <c>wp-content/uploads</c>, and whether their URLs may be fetched.</summary>
public sealed record WordPressImportOptions(string? UploadsFolder = null, HttpClient? Download = null);

/// <summary>
/// Imports a WordPress export into the publication through the writers only: categories become sections (with their
/// parents), tags topics, authors contributors, posts articles (published ones published at their date, drafts
/// drafts) with their excerpt as the summary, their content through the HTML body format and their featured image as
/// the hero. Each post is written in one transaction with its <see cref="WordPressImportRecord"/>, so an interrupted
/// run leaves whole posts only and a second run skips what the first imported.
/// </summary>
public sealed partial class WordPressImporter(BroadsheetDb db, IServiceProvider services, ImageWriter images, TimeProvider clock)
{
    public static readonly ChangedBy By = new(null, "WordPress import", "Imported from WordPress");

    // Fields rather than captured parameters: the run below reaches them through its importer.
    private readonly BroadsheetDb db = db;
    private readonly IServiceProvider services = services;
    private readonly ImageWriter images = images;
    private readonly TimeProvider clock = clock;

    public async Task<WordPressImportReport> ImportAsync(string path, WordPressImportOptions options, Action<WordPressImportProgress>? progress = null, CancellationToken ct = default)
    {
        var index = WxrFile.Index(path, ct);
        var report = new WordPressImportReport { Total = index.Posts };
        var run = new Run(this, index, options, report);
        try
        {
            await run.CatalogueAsync(ct);
            var done = 0;
            foreach (var post in WxrFile.Posts(path, ct))
            {
                var outcome = await run.PostAsync(post, ct);
                db.ChangeTracker.Clear();
                progress?.Invoke(new WordPressImportProgress(++done, index.Posts, post.Title, outcome));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            report.Interrupted = true;
        }
        return report;
    }

    /// <summary>One run over one file: the maps from WordPress names to Broadsheet's, and the writers on the import's clock.</summary>
    private sealed class Run(WordPressImporter importer, WxrIndex index, WordPressImportOptions options, WordPressImportReport report)
    {
        /// <summary>Where posts without a category (or whose category could not be a section) go, as in WordPress.</summary>
        private const string Uncategorized = "uncategorized";

        private readonly Dictionary<string, string> sectionOf = new(StringComparer.Ordinal);
        private Dictionary<string, WxrAttachment>? attachmentsByFile;

        private BroadsheetDb db => importer.db;

        private ImportClock clock => field ??= new(importer.clock);

        private Dictionary<string, string> authorName => field ??= index.Authors.DistinctBy(a => a.Login).ToDictionary(a => a.Login, a => a.DisplayName, StringComparer.Ordinal);

        private Dictionary<string, string> tagName => field ??= index.Tags.DistinctBy(t => t.Slug).ToDictionary(t => t.Slug, t => t.Name, StringComparer.Ordinal);

        private ArticleWriter Writer => field ??= ActivatorUtilities.CreateInstance<ArticleWriter>(importer.services, clock);

        private Publishing Publishing => field ??= ActivatorUtilities.CreateInstance<Publishing>(importer.services, Writer, clock);

        /// <summary>Sections, topics and contributors first, each made once: a second run finds them and makes nothing.</summary>
        public async Task CatalogueAsync(CancellationToken ct)
        {
            var sections = ActivatorUtilities.CreateInstance<SectionWriter>(importer.services);
            var byNicename = index.Categories.DistinctBy(c => c.Nicename).ToDictionary(c => c.Nicename, StringComparer.Ordinal);
            foreach (var category in byNicename.Values)
            {
                var chain = new List<WxrCategory>();
                for (var c = category; c is not null && chain.Count < 16 && !chain.Contains(c); c = c.Parent is { } parent ? byNicename.GetValueOrDefault(parent) : null)
                {
                    chain.Insert(0, c);
                }
                // The reader's routes go four sections deep: a deeper category's posts go to its ancestor at that depth.
                var path = string.Join('/', chain.Take(ArticleUrls.MaxSectionDepth).Select(c => SlugOf(c.Nicename, c.Name)));
                sectionOf[category.Nicename] = path;
            }
            foreach (var (path, name) in sectionOf.Values.Distinct().Order(StringComparer.Ordinal)
                .Select(p => (p, byNicename.Values.First(c => sectionOf[c.Nicename] == p).Name)))
            {
                ct.ThrowIfCancellationRequested();
                if (!await db.Sections.AnyAsync(s => s.Path == path, ct))
                {
                    var saved = await sections.SaveAsync(path, new SectionInput { Name = Shorten(name, SectionWriter.MaxName) }, ct);
                    if (!saved.Succeeded)
                    {
                        report.Warnings.Add($"Category '{name}' is not a section ({Describe(saved)}); its posts go to 'uncategorized'.");
                        foreach (var key in sectionOf.Where(s => s.Value == path).Select(s => s.Key).ToList())
                        {
                            sectionOf.Remove(key);
                        }
                    }
                }
            }

            var topics = ActivatorUtilities.CreateInstance<TopicWriter>(importer.services);
            foreach (var tag in index.Tags.DistinctBy(t => t.Slug))
            {
                ct.ThrowIfCancellationRequested();
                var slug = SlugOf(tag.Slug, tag.Name);
                List<string> lower = [tag.Name.ToLowerInvariant()];
                if (!await db.Topics.AnyAsync(t => t.Slug == slug || lower.Contains(t.Name.ToLower()), ct))
                {
                    var saved = await topics.CreateAsync(new TopicInput { Name = Shorten(tag.Name, TopicWriter.MaxName), Slug = slug }, ct);
                    if (!saved.Succeeded)
                    {
                        report.Warnings.Add($"Tag '{tag.Name}' is not a topic: {Describe(saved)}");
                    }
                }
            }

            var contributors = ActivatorUtilities.CreateInstance<ContributorWriter>(importer.services);
            foreach (var author in index.Authors.DistinctBy(a => a.DisplayName))
            {
                ct.ThrowIfCancellationRequested();
                List<string> lower = [author.DisplayName.ToLowerInvariant()];
                if (!await db.Contributors.AnyAsync(c => lower.Contains(c.Name.ToLower()), ct))
                {
                    var saved = await contributors.CreateAsync(new ContributorInput { Name = Shorten(author.DisplayName, ContributorWriter.MaxName), Kind = "person" }, ct);
                    if (!saved.Succeeded)
                    {
                        report.Warnings.Add($"Author '{author.DisplayName}' is not a contributor: {Describe(saved)}");
                    }
                }
            }
            db.ChangeTracker.Clear();
        }

        /// <summary>Imports one post, or says why not; the outcome is a word for the progress line.</summary>
        public async Task<string> PostAsync(WxrPost post, CancellationToken ct)
        {
            var label = $"post {post.Id} '{Shorten(post.Title, 60)}'";
            if (post.Status is "trash" or "auto-draft")
            {
                report.Skipped++;
                return "skipped (in the trash)";
            }
            if (await db.Set<WordPressImportRecord>().AnyAsync(r => r.Site == index.Site && r.Kind == WordPressImportRecord.Post && r.WordPressId == post.Id, ct))
            {
                report.Skipped++;
                return "skipped (imported before)";
            }
            var headline = WebUtility.HtmlDecode(post.Title).Trim();
            if (headline.Length == 0)
            {
                report.Failed.Add($"{label}: it has no title, and an article needs a headline.");
                return "failed";
            }
            var published = post.Status == "publish";

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var hero = post.ThumbnailId is { } thumbnail ? await PictureAsync(thumbnail, headline, $"{label}: its featured image", ct) : null;
            var html = await BodyImagesAsync(WordPressContent.ToHtml(post.Content), headline, label, ct);
            var input = new ArticleInput
            {
                Headline = Shorten(headline, ArticleWriter.MaxHeadline),
                Summary = WordPressContent.Summary(post.Excerpt),
                Section = SectionOf(post),
                Topics = [.. post.Tags.Select(t => tagName.GetValueOrDefault(t, t)).Distinct(StringComparer.OrdinalIgnoreCase).Take(ArticleWriter.MaxTopics)],
                Byline = post.Creator is { } login ? [new BylineInput { Name = authorName.GetValueOrDefault(login, login), Kind = "person" }] : [],
                HeroImage = hero is null ? null : new HeroImageInput { Id = hero },
                Body = new BodyInput(Html: html),
                Slug = post.Name is { } name && Articles.Slugs.From(name) == name ? name : null,
            };
            if (input.Section == Uncategorized && !await db.Sections.AnyAsync(s => s.Path == Uncategorized, ct))
            {
                await ActivatorUtilities.CreateInstance<SectionWriter>(importer.services).SaveAsync(Uncategorized, new SectionInput { Name = "Uncategorized" }, ct);
            }
            clock.Now = post.Date;
            var created = await Writer.CreateAsync(input, By, ct);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                report.Failed.Add($"{label}: {Describe(created)}");
                return "failed";
            }
            var article = created.Value!;
            if (published)
            {
                var publish = await Publishing.PublishAsync(article.Id, null, By, ct);
                if (!publish.Succeeded)
                {
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    report.Failed.Add($"{label}: {Describe(publish)}");
                    return "failed";
                }
            }
            db.Add(new WordPressImportRecord { Site = index.Site, Kind = WordPressImportRecord.Post, WordPressId = post.Id, ArticleId = article.Id, ImportedAt = importer.clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (published)
            {
                report.Published++;
                return "published";
            }
            report.Drafts++;
            return "draft";
        }

        private string SectionOf(WxrPost post)
        {
            foreach (var category in post.Categories)
            {
                if (sectionOf.TryGetValue(category, out var path))
                {
                    return path;
                }
            }
            return Uncategorized;
        }

        /// <summary>Gives each <c>img</c> whose file is one of the export's attachments the library image made from it, so the body keeps it.</summary>
        private async Task<string> BodyImagesAsync(string html, string headline, string label, CancellationToken ct)
        {
            var tags = ImageTag().Matches(html);
            if (tags.Count == 0)
            {
                return html;
            }
            attachmentsByFile ??= index.Attachments.Values
                .Select(a => (Key: FileKey(a.File ?? a.Url), Attachment: a))
                .Where(a => a.Key is not null)
                .DistinctBy(a => a.Key)
                .ToDictionary(a => a.Key!, a => a.Attachment, StringComparer.OrdinalIgnoreCase);
            var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match tag in tags)
            {
                var src = WebUtility.HtmlDecode(tag.Groups["src"].Value);
                if (replacements.ContainsKey(src))
                {
                    continue;
                }
                if (FileKey(src) is not { } key || !attachmentsByFile.TryGetValue(key, out var attachment))
                {
                    report.Warnings.Add($"{label}: the image {src} is not one of the export's attachments, so the body leaves it out.");
                    continue;
                }
                if (await PictureAsync(attachment.Id, headline, $"{label}: the image {src}", ct) is { } id)
                {
                    replacements[src] = $"/media/{id:D}";
                }
            }
            return ImageTag().Replace(html, m => replacements.TryGetValue(WebUtility.HtmlDecode(m.Groups["src"].Value), out var media)
                ? m.Value.Replace(m.Groups["src"].Value, media, StringComparison.Ordinal)
                : m.Value);
        }

        /// <summary>The library image made from attachment <paramref name="attachmentId"/>, imported now if no run did before; null (and a warning) when its file cannot be had.</summary>
        private async Task<Guid?> PictureAsync(long attachmentId, string headline, string what, CancellationToken ct)
        {
            var known = await db.Set<WordPressImportRecord>().AsNoTracking()
                .Where(r => r.Site == index.Site && r.Kind == WordPressImportRecord.Attachment && r.WordPressId == attachmentId)
                .Select(r => r.ImageId).FirstOrDefaultAsync(ct);
            if (known is { } id && await db.Images.AnyAsync(i => i.Id == id, ct))
            {
                return id;
            }
            if (!index.Attachments.TryGetValue(attachmentId, out var attachment))
            {
                report.Warnings.Add($"{what} (attachment {attachmentId}) is not in the export; imported without it.");
                return null;
            }
            var (stream, problem) = await OpenAsync(attachment, ct);
            if (stream is null)
            {
                report.Warnings.Add($"{what}: {problem}; imported without it.");
                return null;
            }
            await using (stream)
            {
                var upload = new ImageUpload
                {
                    Content = stream,
                    FileName = Path.GetFileName(attachment.File ?? attachment.Url ?? "image"),
                    Alt = Shorten(attachment.Alt ?? attachment.Title ?? headline, ImageLibrary.MaxAltLength),
                    Caption = attachment.Caption,
                };
                var prepared = await importer.images.PrepareAsync(upload, null, ct);
                if (!prepared.Succeeded)
                {
                    report.Warnings.Add($"{what}: {Describe(prepared)}; imported without it.");
                    return null;
                }
                var image = prepared.Value!;
                try
                {
                    db.Images.Add(image);
                    db.Add(new WordPressImportRecord { Site = index.Site, Kind = WordPressImportRecord.Attachment, WordPressId = attachmentId, ImageId = image.Id, ImportedAt = importer.clock.GetUtcNow() });
                    await db.SaveChangesAsync(ct);
                }
                catch
                {
                    importer.images.Discard(image);
                    throw;
                }
                return image.Id;
            }
        }

        /// <summary>The attachment's file from the uploads folder (by its uploads path, or its URL's path under <c>uploads/</c>), else from its URL when downloads are allowed.</summary>
        private async Task<(Stream? Stream, string? Problem)> OpenAsync(WxrAttachment attachment, CancellationToken ct)
        {
            if (options.UploadsFolder is { } uploads)
            {
                var root = Path.GetFullPath(uploads) + Path.DirectorySeparatorChar;
                foreach (var relative in new[] { attachment.File, UploadsPath(attachment.Url) }.OfType<string>())
                {
                    var full = Path.GetFullPath(Path.Combine(root, relative.TrimStart('/')));
                    if (full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full))
                    {
                        return (File.OpenRead(full), null);
                    }
                }
            }
            if (options.Download is { } http && attachment.Url is { } url && Links.IsWebUrl(url))
            {
                try
                {
                    var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
                    if (!response.IsSuccessStatusCode)
                    {
                        response.Dispose();
                        return (null, $"{url} answered {(int)response.StatusCode}");
                    }
                    return (await response.Content.ReadAsStreamAsync(ct), null);
                }
                catch (HttpRequestException e)
                {
                    return (null, $"{url} could not be fetched ({e.Message})");
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    return (null, $"{url} did not answer in time");
                }
            }
            var file = attachment.File ?? UploadsPath(attachment.Url);
            return (null, options.UploadsFolder is null
                ? $"its file {attachment.Url ?? file ?? "(none named)"} needs --uploads DIR (a copy of wp-content/uploads) or downloads"
                : $"its file {file ?? "(none named)"} is not in the uploads folder {options.UploadsFolder}");
        }

        /// <summary>The path under <c>wp-content/uploads/</c> a URL names, e.g. <c>2024/05/quay.jpg</c>.</summary>
        private static string? UploadsPath(string? url)
        {
            if (url is null)
            {
                return null;
            }
            var at = url.IndexOf("/uploads/", StringComparison.OrdinalIgnoreCase);
            return at < 0 ? null : Uri.UnescapeDataString(url[(at + "/uploads/".Length)..].Split('?', '#')[0]);
        }

        /// <summary>What names one file across its sizes: the uploads path without WordPress's <c>-300x200</c> size suffix.</summary>
        private static string? FileKey(string? pathOrUrl) =>
            (UploadsPath(pathOrUrl) ?? pathOrUrl) is { } path ? SizeSuffix().Replace(path, "") : null;

        /// <summary>A WordPress slug as a Broadsheet slug: as it is when valid, else made from its decoded form or the name.</summary>
        private static string SlugOf(string slug, string name)
        {
            if (Articles.Slugs.From(slug) == slug)
            {
                return slug;
            }
            var decoded = Articles.Slugs.From(Uri.UnescapeDataString(slug));
            return decoded.Length > 0 ? decoded : Articles.Slugs.From(name);
        }

        private static string Shorten(string text, int max) => WordPressContent.Shorten(text, max);

        private static string Describe<T>(WriteResult<T> result)
            where T : class => result.Status == WriteStatus.Invalid
            ? string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : result.Message ?? result.Status.ToString();
    }

    [GeneratedRegex(@"<img\b[^>]*?\bsrc\s*=\s*[""'](?<src>[^""']+)[""'][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"-\d+x\d+(?=\.\w+$)")]
    private static partial Regex SizeSuffix();

    /// <summary>The time the import says it is: each post is written and published at its own date.</summary>
    private sealed class ImportClock(TimeProvider real) : TimeProvider
    {
        public DateTimeOffset? Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now ?? real.GetUtcNow();
    }
}
