using Broadsheet.Ads;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Reader;

/// <summary>
/// A small fictional newsroom written straight into the database: sections Asia &gt; East Asia, World and
/// Business, two topics, a staff writer and an agency, and published, draft and future articles.
/// </summary>
public sealed class ReaderData
{
    public const string PublicationName = "The Harbour Ledger";
    public const string BaseUrl = "https://ledger.example";

    private static readonly string[] Sentences =
    [
        "Negotiators from both delegations met again on Tuesday in a government guesthouse near the border.",
        "Officials described the session as frank and said the two sides had agreed on a timetable for technical talks.",
        "Analysts cautioned that similar promises had faded before, and that neither government had moved on the central questions.",
        "Residents of the fishing towns along the coast said they hoped the talks would reopen trade across the strait.",
        "A spokeswoman for the foreign ministry declined to say when the next round would begin.",
        "Shipping records show that cargo volumes through the port have fallen by a third since the talks stalled last spring.",
    ];

    public int LeadId { get; private set; }
    public int WorldId { get; private set; }
    public int SampleId { get; private set; }
    public int DraftId { get; private set; }
    public int FutureId { get; private set; }
    public int BusinessId { get; private set; }
    public int RectangleAdId { get; private set; }
    public int BannerAdId { get; private set; }
    public Guid HeroImageId { get; private set; }
    public Guid BodyImageId { get; private set; }
    public string LeadPath { get; private set; } = "";
    public string WorldPath { get; private set; } = "";
    public int LeadWords { get; private set; }

    /// <summary>Enough articles in section Archive for two pages of listing.</summary>
    public const int ArchiveCount = 23;

    /// <summary>Paragraphs cycling through the sentences until they hold <paramref name="words"/> words.</summary>
    public static List<Block> Paragraphs(int words)
    {
        var blocks = new List<Block>();
        var current = new List<string>();
        var count = 0;
        var sentence = 0;
        while (count < words)
        {
            var next = Sentences[sentence++ % Sentences.Length].Split(' ');
            var take = Math.Min(next.Length, words - count);
            current.AddRange(next.Take(take));
            count += take;
            if (current.Count >= 55 || count == words)
            {
                blocks.Add(new ParagraphBlock([new Inline(string.Join(' ', current))]));
                current.Clear();
            }
        }
        return blocks;
    }

    public static Image NewImage(string name, int width, int height, string? caption = null, string? credit = null) => new()
    {
        Id = Guid.NewGuid(),
        OriginalPath = $"{name}/original.jpg",
        ContentType = "image/jpeg",
        Width = width,
        Height = height,
        Alt = $"Alt text of {name}",
        Caption = caption,
        Credit = credit,
        CreatedAt = DateTimeOffset.UtcNow,
        Renditions =
        [
            new Rendition(width / 4, height / 4, "webp", $"{name}/{width / 4}.webp", 10_000),
            new Rendition(width / 2, height / 2, "webp", $"{name}/{width / 2}.webp", 30_000),
            new Rendition(width / 4, height / 4, "jpeg", $"{name}/{width / 4}.jpg", 15_000),
            new Rendition(width / 2, height / 2, "jpeg", $"{name}/{width / 2}.jpg", 45_000),
            new Rendition(640, 360, CardCrops.Wide, $"{name}/card-16x9-640.jpg", 40_000),
            new Rendition(CardCrops.ThumbnailWidth, CardCrops.ThumbnailWidth, CardCrops.Square, $"{name}/card-1x1-160.jpg", 8_000),
            new Rendition(640, 640, CardCrops.Square, $"{name}/card-1x1-640.jpg", 50_000),
        ],
    };

    public static async Task<ReaderData> SeedAsync(BroadsheetApp app, bool withAds = false)
    {
        var data = new ReaderData();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = DateTimeOffset.UtcNow;

        db.Publications.Add(new Publication { Name = PublicationName, BaseUrl = BaseUrl, Tagline = "News from the coast" });
        var asia = new Section { Path = "asia", Name = "Asia", Position = 0 };
        var eastAsia = new Section { Path = "asia/east-asia", Name = "East Asia", Parent = asia };
        var world = new Section { Path = "world", Name = "World", Position = 1 };
        var business = new Section { Path = "business", Name = "Business", Position = 2 };
        var archive = new Section { Path = "archive", Name = "Archive", Position = 3 };
        db.Sections.AddRange(asia, eastAsia, world, business, archive);
        var talks = new Topic { Slug = "border-talks", Name = "Border Talks", Description = "Negotiations over the northern border." };
        var shipping = new Topic { Slug = "shipping", Name = "Shipping" };
        db.Topics.AddRange(talks, shipping);
        var writer = new Contributor { Slug = "mara-lindqvist", Name = "Mara Lindqvist", Kind = ContributorKind.Person, Role = "Diplomatic correspondent", Bio = "Mara covers diplomacy from the coast." };
        var agency = new Contributor { Slug = "coastal-wire", Name = "Coastal Wire", Kind = ContributorKind.Agency };
        db.Contributors.AddRange(writer, agency);
        var hero = NewImage("hero", 1600, 900, caption: "Library caption", credit: "Library credit");
        var bodyImage = NewImage("harbour", 1200, 800, caption: "The harbour at dawn.", credit: "Ledger staff");
        db.Images.AddRange(hero, bodyImage);
        await db.SaveChangesAsync();
        data.HeroImageId = hero.Id;
        data.BodyImageId = bodyImage.Id;

        var body = Paragraphs(600);
        // Marks and links in the second paragraph, including one that must lose its link.
        body.Insert(1, new ParagraphBlock(
        [
            new Inline("Read the "),
            new Inline("full statement", Href: "https://gov.example/statement"),
            new Inline(", the "),
            new Inline("earlier report", Href: "/news/world"),
            new Inline(" or "),
            new Inline("this trap", Href: "javascript:alert(1)"),
            new Inline(". It was "),
            new Inline("firmly", Bold: true),
            new Inline(" worded and "),
            new Inline("carefully", Italic: true),
            new Inline(" timed. Write to "),
            new Inline("the desk", Href: "mailto:desk@ledger.example"),
            new Inline("."),
        ]));
        body.Insert(5, new HeadingBlock("What comes next"));
        body.Insert(7, new ImageBlock(bodyImage.Id));
        body.Insert(9, new QuoteBlock([new Inline("We are further along than we were a year ago")], "A negotiator", Pull: true));
        body.Insert(11, new ListBlock([[new Inline("A timetable for technical talks")], [new Inline("A hotline between the ports")]]));
        body.Insert(13, new EmbedBlock("https://video.example/watch/123", "Footage of the guesthouse", "ExampleVideo"));
        body.Insert(14, new DividerBlock());
        data.LeadWords = PlainText.Segments(body).Sum(s => ReadingTime.CountWords(s.Text));

        var lead = new Article
        {
            Slug = "border-talks-resume",
            Headline = "Border talks resume after a year of silence",
            Summary = ["Delegations met near the border for the first time in a year", "Both sides agreed a timetable for technical talks"],
            Body = body,
            HeroImageId = hero.Id,
            HeroCaption = "Delegates arrive at the guesthouse.",
            HeroCredit = "Ledger photographer",
            Section = eastAsia,
            Type = ArticleType.News,
            Language = "en",
            Dateline = "PORT ELLIS",
            Status = ArticleStatus.Published,
            CreatedAt = now.AddHours(-5),
            ModifiedAt = now.AddHours(-1),
            FirstPublishedAt = now.AddHours(-4),
            LastUpdatedAt = now.AddHours(-1),
            Topics = [new ArticleTopic { Topic = talks, Position = 0 }, new ArticleTopic { Topic = shipping, Position = 1 }],
            Byline = [new BylineEntry { Contributor = writer, Position = 0 }, new BylineEntry { Contributor = agency, Position = 1 }],
            Notes = [new ArticleNote { Kind = NoteKind.Correction, Text = "An earlier version misstated the venue.", At = now.AddHours(-1) }],
        };
        var worldStory = Published("Ferry strike ends", world, now.AddHours(-3), shipping, agency);
        var sample = Published("A sample story about the port", business, now.AddHours(-2), shipping, writer);
        sample.IsSample = true;
        var businessStory = Published("Port fees to rise", business, now.AddHours(-6), shipping, writer);
        var draft = Published("Unpublished draft headline", world, now.AddHours(-2), talks, writer);
        draft.Status = ArticleStatus.Draft;
        var future = Published("Embargoed story headline", world, now.AddDays(1), talks, writer);
        db.Articles.AddRange(lead, worldStory, sample, businessStory, draft, future);
        for (var i = 0; i < ArchiveCount; i++)
        {
            db.Articles.Add(Published($"Archive story number {i + 1}", archive, now.AddDays(-10).AddHours(i), shipping, agency));
        }

        db.StandardsPages.AddRange(
            new StandardsPage { Slug = "corrections", Title = "Corrections policy", Position = 1, ModifiedAt = now, Body = [new ParagraphBlock([new Inline("We correct errors promptly and say so.")])] },
            new StandardsPage { Slug = "ethics", Title = "Ethics code", Position = 0, ModifiedAt = now, Body = [new HeadingBlock("Independence"), new ParagraphBlock([new Inline("No one pays for coverage.")])] });
        await db.SaveChangesAsync();

        if (withAds)
        {
            var rectangleImage = NewImage("ad-rect", 600, 500);
            var bannerImage = NewImage("ad-banner", 1456, 180);
            db.Images.AddRange(rectangleImage, bannerImage);
            var rectangle = new AdCreative { Name = "Harbour cruises", Image = rectangleImage, LinkUrl = "https://cruises.example/offer", Alt = "Harbour cruises: book now" };
            var banner = new AdCreative { Name = "Ferry banner", Image = bannerImage, LinkUrl = "https://ferries.example/", Alt = "Ferries every hour" };
            db.AdCreatives.AddRange(rectangle, banner);
            await db.SaveChangesAsync();
            data.RectangleAdId = rectangle.Id;
            data.BannerAdId = banner.Id;
        }

        data.LeadId = lead.Id;
        data.WorldId = worldStory.Id;
        data.SampleId = sample.Id;
        data.DraftId = draft.Id;
        data.FutureId = future.Id;
        data.BusinessId = businessStory.Id;
        data.LeadPath = lead.PublicPath;
        data.WorldPath = worldStory.PublicPath;
        return data;

        Article Published(string headline, Section section, DateTimeOffset at, Topic topic, Contributor by) => new()
        {
            Slug = Slugs.From(headline),
            Headline = headline,
            Summary = [$"Summary of {headline.ToLowerInvariant()}"],
            Body = Paragraphs(150),
            Section = section,
            Status = ArticleStatus.Published,
            CreatedAt = at,
            ModifiedAt = at,
            FirstPublishedAt = at,
            Topics = [new ArticleTopic { Topic = topic, Position = 0 }],
            Byline = [new BylineEntry { Contributor = by, Position = 0 }],
        };
    }
}
