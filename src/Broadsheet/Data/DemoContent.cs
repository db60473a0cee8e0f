using System.Diagnostics;
using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data.Demo;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Data;

/// <summary>
/// Seeds the fictional demo publication, The Daily Meridian, into an empty database: sections, topics, contributors,
/// sample articles with generated illustrations, standards pages and house ads. All or nothing: if any step fails,
/// no row is left and the image files written so far are removed.
/// </summary>
public sealed class DemoContent(BroadsheetDb db, ImageLibrary images, IOptions<BroadsheetOptions> options, TimeProvider clock, ILogger<DemoContent> logger)
{
    /// <summary>Rendition widths for demo images: enough for a real <c>srcset</c>, few enough to seed in seconds.</summary>
    public static readonly IReadOnlyList<int> IllustrationWidths = [480, 960, 1280];

    public const int IllustrationWidth = 1600;
    public const int IllustrationHeight = 900;

    /// <summary>Seeds when the database holds no articles and no publication; returns whether it did.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Articles.AnyAsync(ct) || await db.Publications.AnyAsync(ct))
        {
            logger.LogInformation("Demo content not seeded: the database already has content.");
            return false;
        }
        var started = Stopwatch.GetTimestamp();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var prepared = new List<Image>();
        try
        {
            var now = clock.GetUtcNow();
            now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            var pictures = await PrepareImagesAsync(prepared, ct);
            var articles = await SaveAsync(pictures, now, ct);
            // Process CPU time says what seeding costs regardless of what else the machine is doing.
            logger.LogInformation("Seeded the demo publication: {Articles} articles, {Images} images in {Seconds:0.00} s ({Cpu:0.00} s of CPU)",
                articles, prepared.Count, Stopwatch.GetElapsedTime(started).TotalSeconds, (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
            return true;
        }
        catch (Exception e)
        {
            db.ChangeTracker.Clear();
            foreach (var image in prepared)
            {
                images.DeleteFiles(image.Id);
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

    private sealed record Picture(string Key, Func<byte[]> Render, string Alt, string Caption, IReadOnlyList<int> Widths);

    private async Task<Dictionary<string, Image>> PrepareImagesAsync(List<Image> prepared, CancellationToken ct)
    {
        var pictures = new List<Picture>();
        foreach (var (spec, index) in DemoArticles.All.Select((s, i) => (s, i)))
        {
            pictures.Add(Illustration($"hero-{index}", spec.Hero));
        }
        foreach (var (key, illustration) in DemoArticles.BodyImages)
        {
            pictures.Add(Illustration(key, illustration));
        }
        foreach (var ad in DemoAds.All)
        {
            pictures.Add(new Picture(ad.Name, () => DemoAds.RenderJpeg(ad), ad.Alt, ad.Name, [ad.Width, ad.Width * 2]));
        }

        var results = new Image?[pictures.Count];
        // Two at a time: image work is CPU-bound and the machine is shared; more would only queue.
        await Parallel.ForEachAsync(Enumerable.Range(0, pictures.Count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (i, token) =>
        {
            var picture = pictures[i];
            using var stream = new MemoryStream(picture.Render());
            var image = await images.PrepareAsync(stream, $"demo-{i}.jpg", picture.Alt, picture.Caption, DemoPublication.IllustrationCredit,
                // Sample pictures are disposable; skipping the per-file flush saves about a second of seeding.
                new ImportSettings(Widths: picture.Widths, FlushToDisk: false), token);
            results[i] = image;
            lock (prepared)
            {
                prepared.Add(image);
            }
        });
        return pictures.Select((p, i) => (p.Key, Image: results[i]!)).ToDictionary(p => p.Key, p => p.Image);

        static Picture Illustration(string key, DemoIllustration illustration) =>
            new(key, () => DemoIllustrations.RenderJpeg(illustration.Style, illustration.Seed, IllustrationWidth, IllustrationHeight),
                illustration.Alt, illustration.Caption, IllustrationWidths);
    }

    private async Task<int> SaveAsync(Dictionary<string, Image> pictures, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Publications.Add(new Publication
        {
            Name = DemoPublication.Name,
            BaseUrl = options.Value.PublicUrl.TrimEnd('/'),
            Language = "en",
            TimeZone = DemoPublication.TimeZone,
            Tagline = DemoPublication.Tagline,
        });
        db.Images.AddRange(pictures.Values);

        var sections = new Dictionary<string, Section>();
        foreach (var (path, name) in DemoPublication.Sections)
        {
            var parentPath = path.Contains('/') ? path[..path.LastIndexOf('/')] : null;
            var parent = parentPath is null ? null : sections[parentPath];
            var section = new Section
            {
                Path = path,
                Name = name,
                Parent = parent,
                Position = sections.Values.Count(s => s.Parent == parent),
            };
            sections[path] = section;
        }
        db.Sections.AddRange(sections.Values);

        var topics = DemoPublication.Topics.ToDictionary(t => t.Slug, t => new Topic { Slug = t.Slug, Name = t.Name, Description = t.Description });
        db.Topics.AddRange(topics.Values);
        var contributors = DemoPublication.NewContributors().ToDictionary(c => c.Slug);
        db.Contributors.AddRange(contributors.Values);

        var specs = DemoArticles.All;
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var published = now.AddHours(-spec.HoursAgo);
            DateTimeOffset? updated = spec.UpdatedHoursAgo is { } hours ? now.AddHours(-hours) : null;
            var hero = pictures[$"hero-{i}"];
            db.Articles.Add(new Article
            {
                Slug = Slugs.From(spec.Headline),
                Headline = spec.Headline,
                Summary = [.. spec.Summary],
                Body = DemoMarkup.Parse(spec.Body, key => pictures[key].Id),
                HeroImage = hero,
                HeroAlt = spec.Hero.Alt,
                HeroCaption = spec.Hero.Caption,
                HeroCredit = DemoPublication.IllustrationCredit,
                Section = sections[spec.Section],
                Topics = [.. spec.Topics.Select((slug, position) => new ArticleTopic { Topic = topics[slug], Position = position })],
                Byline = [.. spec.Byline.Select((slug, position) => new BylineEntry { Contributor = contributors[slug], Position = position })],
                Notes = spec.Note is { } note ? [new ArticleNote { Kind = spec.NoteKind ?? NoteKind.Update, Text = note, At = updated ?? published }] : [],
                Type = spec.Type,
                Language = spec.Language,
                Dateline = spec.Dateline,
                Status = ArticleStatus.Published,
                CreatedAt = published.AddHours(-2),
                ModifiedAt = updated ?? published,
                FirstPublishedAt = published,
                LastUpdatedAt = updated,
                IsSample = true,
                Version = 1,
            });
        }

        foreach (var (page, position) in DemoStandards.Pages.Select((p, i) => (p, i)))
        {
            db.StandardsPages.Add(new StandardsPage
            {
                Slug = page.Slug,
                Title = page.Title,
                Body = DemoMarkup.Parse(page.Body, key => throw new InvalidOperationException($"Standards pages have no images ({key}).")),
                Position = position,
                ModifiedAt = now.AddDays(-30),
            });
        }

        foreach (var ad in DemoAds.All)
        {
            db.AdCreatives.Add(new AdCreative
            {
                Name = ad.Name,
                Image = pictures[ad.Name],
                LinkUrl = ad.LinkUrl,
                Alt = ad.Alt,
                SectionPath = ad.SectionPath,
                TopicSlug = ad.TopicSlug,
                StartsAt = ad.Expired ? now.AddDays(-14) : now.AddDays(-7),
                EndsAt = ad.Expired ? now.AddDays(-3) : null,
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return specs.Count;
    }
}
