using System.Net;
using Broadsheet.Ads;
using Broadsheet.Data;
using Broadsheet.Tests.Infrastructure;
using Broadsheet.Tests.Reader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Broadsheet.Tests.Ads;

public class AdCountingTests
{
    private static async Task<(long Impressions, long Clicks)> StoredAsync(BroadsheetApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var row = await db.AdCreatives.AsNoTracking().SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        return (row.Impressions, row.Clicks);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Views_and_clicks_redirect_uncached_and_are_counted_in_batches(DatabaseProvider provider)
    {
        // No timed flush during the test (the longest interval allowed): the counts below are held in memory until
        // flushed by hand, and a tick landing between the views and the checks cannot move them early.
        await using var app = new ConfiguredApp(provider, new Dictionary<string, string> { ["Broadsheet:Ads:FlushIntervalSeconds"] = "3600" });
        var data = await ReaderData.SeedAsync(app, withAds: true);
        var client = app.Client();
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/ads/{data.RectangleAdId}/view");
            request.Headers.TryAddWithoutValidation("Accept", "image/avif,image/webp,*/*");
            using var view = await client.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.Redirect, view.StatusCode);
            Assert.Equal("/media/ad-rect/300.webp", view.Headers.Location!.OriginalString);
            Assert.True(view.Headers.CacheControl!.NoStore);
        }
        using (var jpeg = await client.GetAsync($"/ads/{data.RectangleAdId}/view", ct))
        {
            Assert.Equal("/media/ad-rect/300.jpg", jpeg.Headers.Location!.OriginalString);
        }
        for (var i = 0; i < 2; i++)
        {
            using var click = await client.GetAsync($"/ads/{data.RectangleAdId}/click", ct);
            Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
            Assert.Equal("https://cruises.example/offer", click.Headers.Location!.OriginalString);
            Assert.True(click.Headers.CacheControl!.NoStore);
        }
        using (var unknown = await client.GetAsync("/ads/424242/view", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var counters = app.Services.GetRequiredService<AdCounters>();
        Assert.Equal((4, 2), counters.Pending(data.RectangleAdId));
        Assert.Equal((0, 0), await StoredAsync(app, data.RectangleAdId)); // not one write per view

        await counters.FlushAsync(ct);
        Assert.Equal((4, 2), await StoredAsync(app, data.RectangleAdId));
        Assert.Equal((0, 0), counters.Pending(data.RectangleAdId));
        Assert.Equal((0, 0), await StoredAsync(app, data.BannerAdId));

        // What is still in memory when the app stops is written on the way down.
        using (await client.GetAsync($"/ads/{data.BannerAdId}/click", ct))
        {
        }
        var flush = app.Services.GetServices<IHostedService>().OfType<AdCountersFlush>().Single();
        await flush.StopAsync(ct);
        Assert.Equal((0, 1), await StoredAsync(app, data.BannerAdId));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Concurrent_views_are_all_counted_and_flushed_in_the_background(DatabaseProvider provider)
    {
        await using var app = new ConfiguredApp(provider, new Dictionary<string, string> { ["Broadsheet:Ads:FlushIntervalSeconds"] = "1" });
        var data = await ReaderData.SeedAsync(app, withAds: true);
        var client = app.Client();
        var ct = TestContext.Current.CancellationToken;
        const int Views = 200;
        await Parallel.ForAsync(0, Views, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (_, token) =>
        {
            using var view = await client.GetAsync($"/ads/{data.RectangleAdId}/view", token);
            Assert.Equal(HttpStatusCode.Redirect, view.StatusCode);
        });
        var stored = (0L, 0L);
        for (var attempt = 0; attempt < 100 && stored.Item1 < Views; attempt++)
        {
            await Task.Delay(100, ct);
            stored = await StoredAsync(app, data.RectangleAdId);
        }
        Assert.Equal((Views, 0L), stored);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Creatives_fit_by_shape_targeting_and_dates_and_pages_fall_back_to_house_promos(DatabaseProvider provider)
    {
        await using var app = new BroadsheetApp(provider);
        var data = await ReaderData.SeedAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var image = ReaderData.NewImage("targeted", 600, 500);
            db.Images.Add(image);
            db.AdCreatives.AddRange(
                new AdCreative { Name = "World only", Image = image, LinkUrl = "https://a.example/", Alt = "World ad", SectionPath = "world" },
                new AdCreative { Name = "Ended", Image = image, LinkUrl = "https://b.example/", Alt = "Ended ad", EndsAt = DateTimeOffset.UtcNow.AddDays(-1) },
                new AdCreative { Name = "Not yet", Image = image, LinkUrl = "https://c.example/", Alt = "Future ad", StartsAt = DateTimeOffset.UtcNow.AddDays(1) },
                new AdCreative { Name = "Shipping topic", Image = image, LinkUrl = "https://d.example/", Alt = "Shipping ad", TopicSlug = "shipping" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var client = app.Client();

        var lead = await client.GetDocumentAsync(data.LeadPath); // East Asia, topics border-talks and shipping
        var alts = lead.QuerySelectorAll(".ad img").Select(i => i.GetAttribute("alt")).ToList();
        Assert.Equal(["Shipping ad"], alts);
        // No banner creative exists: the top slot is the publication's own promo, never an empty box.
        var top = lead.QuerySelector("article > .ad-banner")!;
        Assert.Equal($"Why you can trust {ReaderData.PublicationName}", top.QuerySelector(".promo strong").Text());
        Assert.Equal("/standards", top.QuerySelector(".promo")!.GetAttribute("href"));

        var world = await client.GetDocumentAsync(data.WorldPath); // short: top slot only
        Assert.Empty(world.QuerySelectorAll(".body .ad"));
        Assert.NotNull(world.QuerySelector("article > .ad-banner .promo"));
    }
}
