using System.Diagnostics;
using Broadsheet.Articles;
using Broadsheet.Articles.BodyFormats;
using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Demo;

/// <summary>
/// Seeds the fictional demo publication, The Daily Meridian, from its files (<see cref="DemoFiles"/>) into an empty
/// database. Articles are written by <see cref="ArticleWriter"/> and published by <see cref="Publishing"/> as the
/// newsroom's are, so each has its revisions and audit entries, dated when the demo says it was written, published
/// and corrected; sections, topics, contributors, standards pages, ads and images go through their writers too. All or nothing: everything is written in one
/// transaction, and if any step fails no row is left and the image files written so far are removed.
/// </summary>
public sealed class DemoContent(BroadsheetDb db, ImageWriter images, IServiceProvider services, IOptions<BroadsheetOptions> options, TimeProvider clock, ILogger<DemoContent> logger)
{
    /// <summary>Rendition widths for demo images: enough for a real <c>srcset</c>, few enough to seed in seconds.</summary>
    public static readonly IReadOnlyList<int> IllustrationWidths = [480, 960, 1280];

    /// <summary>Who the demo's revisions and audit entries say made them.</summary>
    public static readonly ChangedBy By = new(null, "Demo content", "Created");

    /// <summary>Seeds when the database holds no articles and no publication; returns whether it did.</summary>
    public Task<bool> SeedAsync(CancellationToken ct = default) => SeedAsync(DemoFiles.DefaultFolder, ct);

    public async Task<bool> SeedAsync(string folder, CancellationToken ct = default)
    {
        if (await db.Articles.AnyAsync(ct) || await db.Publications.AnyAsync(ct))
        {
            logger.LogInformation("Demo content not seeded: the database already has content.");
            return false;
        }
        var started = Stopwatch.GetTimestamp();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        // A broken file fails here, before anything is written.
        var source = DemoFiles.Read(folder);
        var prepared = new List<Image>();
        try
        {
            var now = clock.GetUtcNow();
            now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            var pictures = await PrepareImagesAsync(source, prepared, ct);
            await SaveAsync(source, pictures, now, ct);
            // Process CPU time says what seeding costs regardless of what else the machine is doing.
            logger.LogInformation("Seeded the demo publication: {Articles} articles, {Images} images in {Seconds:0.00} s ({Cpu:0.00} s of CPU)",
                source.Articles.Count, prepared.Count, Stopwatch.GetElapsedTime(started).TotalSeconds, (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
            return true;
        }
        catch (Exception e)
        {
            db.ChangeTracker.Clear();
            foreach (var image in prepared)
            {
                images.Discard(image);
            }
            // Two instances starting together on one database: the loser's insert breaks a unique index.
            if (e is DbUpdateException && await db.Articles.AnyAsync(CancellationToken.None))
            {
                logger.LogInformation("Demo content was seeded by another instance.");
                return false;
            }
            throw;
        }
    }

    /// <summary>Makes every picture's files, two at a time; keyed by file path.</summary>
    private async Task<Dictionary<string, Image>> PrepareImagesAsync(DemoSource source, List<Image> prepared, CancellationToken ct)
    {
        var pictures = source.ArticlePictures.Select(p => (Picture: p, Widths: IllustrationWidths))
            .Concat(source.Manifest.Ads.Select(ad => (Picture: source.PictureOf(ad), Widths: (IReadOnlyList<int>)[ad.Width, ad.Width * 2])))
            .DistinctBy(p => p.Picture.Path)
            .ToList();
        var results = new Image?[pictures.Count];
        // Two at a time: image work is CPU-bound and the machine is shared; more would only queue.
        await Parallel.ForEachAsync(Enumerable.Range(0, pictures.Count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (i, token) =>
        {
            var (picture, widths) = pictures[i];
            await using var stream = File.OpenRead(picture.Path);
            var upload = new ImageUpload { Content = stream, FileName = Path.GetFileName(picture.Path), Alt = picture.Alt, Caption = picture.Caption, Credit = picture.Credit };
            // Sample pictures are disposable; skipping the per-file flush saves about a second of seeding.
            var result = await images.PrepareAsync(upload, new ImportSettings(Widths: widths, FlushToDisk: false), token);
            var image = result.Value ?? throw new InvalidDataException($"{picture.Path}: {DemoContent.Describe(result.Errors)}");
            results[i] = image;
            lock (prepared)
            {
                prepared.Add(image);
            }
        });
        return pictures.Select((p, i) => (p.Picture.Path, Image: results[i]!)).ToDictionary(p => p.Path, p => p.Image);
    }

    /// <summary>Everything in one transaction; the writers' own saves join it.</summary>
    private async Task SaveAsync(DemoSource source, Dictionary<string, Image> pictures, DateTimeOffset now, CancellationToken ct)
    {
        var manifest = source.Manifest;
        // Standards pages say they were last changed a month ago.
        var catalogue = new DemoCatalogue(db, services, new DemoClock(now.AddDays(-30)));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await catalogue.AddPublicationAsync(manifest, options.Value.PublicUrl, ct);
        foreach (var image in pictures.Values)
        {
            await catalogue.AddImageAsync(image, ct);
        }
        foreach (var section in manifest.Sections)
        {
            await catalogue.AddSectionAsync(section, ct);
        }
        foreach (var topic in manifest.Topics)
        {
            await catalogue.AddTopicAsync(topic, ct);
        }
        foreach (var contributor in manifest.Contributors)
        {
            await catalogue.AddContributorAsync(contributor, ct);
        }
        for (var i = 0; i < source.Standards.Count; i++)
        {
            await catalogue.AddStandardsPageAsync(source.Standards[i], i, ct);
        }
        foreach (var ad in manifest.Ads)
        {
            await catalogue.AddAdAsync(ad, pictures[source.PictureOf(ad).Path].Id, now, ct);
        }

        // The writers run on this scope's context (so they share the transaction) with a clock the demo sets to the
        // times its articles were written, published and corrected.
        var demoClock = new DemoClock(now);
        var writer = ActivatorUtilities.CreateInstance<ArticleWriter>(services, demoClock);
        var publishing = ActivatorUtilities.CreateInstance<Publishing>(services, writer, demoClock);
        foreach (var article in source.Articles)
        {
            var published = now.AddHours(-article.PublishedHoursAgo);
            demoClock.Now = published.AddHours(-2);
            var created = await writer.CreateAsync(InputOf(article, manifest, pictures), By, ct);
            var id = Check(article, created).Id;
            demoClock.Now = published;
            Check(article, await publishing.PublishAsync(id, null, By, ct));
            if (article.Note is { } note)
            {
                demoClock.Now = now.AddHours(-article.UpdatedHoursAgo!.Value);
                Check(article, await publishing.AddNoteAsync(id, new NoteInput { Kind = ContentNames.Of(article.NoteKind!.Value), Text = note }, null, By, ct));
            }
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>The article as the admin API would send it; topics and byline by the names the manifest gives their slugs.</summary>
    private static ArticleInput InputOf(DemoArticle article, DemoManifest manifest, Dictionary<string, Image> pictures)
    {
        var body = article.BodyImages.Aggregate(article.Body, (text, image) => text.Replace($"]({image.Key}", $"](/media/{pictures[image.Value.Path].Id}", StringComparison.Ordinal));
        return new ArticleInput
        {
            Headline = article.Headline,
            Slug = article.Slug,
            Summary = article.Summary,
            Section = article.Section,
            Topics = [.. article.Topics.Select(slug => manifest.Topics.Single(t => t.Slug == slug).Name)],
            Byline = [.. article.Byline.Select(slug => manifest.Contributors.Single(c => c.Slug == slug)).Select(c => new BylineInput { Name = c.Name, Kind = c.Kind })],
            HeroImage = new HeroImageInput { Id = pictures[article.Hero.Path].Id, Alt = article.Hero.Alt, Caption = article.Hero.Caption, Credit = article.Hero.Credit },
            Body = new BodyInput(Markdown: body),
            Language = article.Language,
            Type = article.Type,
            Dateline = article.Dateline,
            IsSample = true,
        };
    }

    /// <summary>A demo file the writers refuse is a broken file: say which, and why.</summary>
    private static T Check<T>(DemoArticle article, WriteResult<T> result)
        where T : class => result.Succeeded
        ? result.Value!
        : throw new InvalidDataException($"{article.File}: {(result.Status == WriteStatus.Invalid ? Describe(result.Errors) : result.Message)}");

    internal static string Describe(ValidationErrors errors) => Describe(errors.ToDictionary());

    internal static string Describe(IDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    /// <summary>The time the demo says it is while it writes each article.</summary>
    private sealed class DemoClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
