using System.Net;

namespace Broadsheet.Tests.Reader;

public class ReaderPagesTests(ReaderSite site)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Home_shows_the_lead_top_stories_and_section_rows_each_story_once(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var doc = await app.Client().GetDocumentAsync("/");
        Assert.Equal(ReaderData.PublicationName, doc.Title);
        Assert.Equal(ReaderData.PublicationName, doc.QuerySelector("h1").Text());
        // Nobody has chosen: the full story with a picture leads, large, ahead of newer ones without a picture.
        var top = doc.QuerySelector(".cards .lead")!;
        Assert.Equal("Border talks resume after a year of silence", top.QuerySelector("h3").Text());
        Assert.NotNull(top.QuerySelector("picture img"));
        Assert.Null(top.QuerySelector("img.thumb"));
        Assert.Empty(doc.QuerySelectorAll("li.with-thumb"));
        Assert.Equal(["A sample story about the port", "Ferry strike ends", "Port fees to rise"],
            doc.QuerySelectorAll(".top-stories h3").Take(3).Select(h => h.Text()));
        var headlines = doc.QuerySelectorAll("main h3").Select(h => h.Text()).ToList();
        Assert.Equal(headlines.Distinct(), headlines);
        // Sections whose stories are all above have no row of their own.
        var rows = doc.QuerySelectorAll("section.row h2 a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Archive", "/news/archive")], rows);
        Assert.DoesNotContain("Unpublished draft", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Embargoed", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Asia", "World", "Business", "Archive"], doc.QuerySelectorAll("header nav a").Select(a => a.Text()));
        Assert.NotNull(doc.QuerySelector("header"));
        Assert.NotNull(doc.QuerySelector("main#main"));
        Assert.Equal("#main", doc.QuerySelector("a.skip")!.GetAttribute("href"));
        Assert.Equal(["/standards", "/standards/ethics", "/standards/corrections", "/topics", "/authors"], doc.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Section_page_lists_its_and_its_subsections_articles_with_subsection_links(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var doc = await app.Client().GetDocumentAsync("/news/asia");
        Assert.Equal("Asia", doc.QuerySelector("h1").Text());
        Assert.Equal([("East Asia", "/news/asia/east-asia")], doc.QuerySelectorAll(".subsections a").Select(a => (a.Text(), a.GetAttribute("href"))));
        Assert.Equal(["Border talks resume after a year of silence"], doc.QuerySelectorAll(".cards h2").Select(h => h.Text()));
        // Its picture as a square thumbnail cropped around the focal point: sized so nothing moves as it loads, loaded lazily.
        var thumb = doc.QuerySelector(".cards > li.with-thumb > img.thumb")!;
        Assert.Equal("/media/hero/card-1x1-160.jpg", thumb.GetAttribute("src"));
        Assert.Equal("/media/hero/card-1x1-160.jpg 160w, /media/hero/card-1x1-640.jpg 640w", thumb.GetAttribute("srcset"));
        Assert.Equal(("80px", "80", "80"), (thumb.GetAttribute("sizes"), thumb.GetAttribute("width"), thumb.GetAttribute("height")));
        Assert.Equal(("Alt text of hero", "lazy"), (thumb.GetAttribute("alt"), thumb.GetAttribute("loading")));

        var sub = await app.Client().GetDocumentAsync("/news/asia/east-asia");
        Assert.Equal("East Asia", sub.QuerySelector("h1").Text());
        Assert.Equal("/news/asia", sub.QuerySelector(".crumbs a")!.GetAttribute("href"));
        Assert.Equal($"{ReaderData.BaseUrl}/news/asia/east-asia", sub.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Section_pages_paginate_with_rel_prev_and_next(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var client = app.Client();
        var first = await client.GetDocumentAsync("/news/archive");
        Assert.Equal(20, first.QuerySelectorAll(".cards > li").Length);
        Assert.Equal("Archive story number 23", first.QuerySelector(".cards h2").Text());
        Assert.Equal("/news/archive?page=2", first.QuerySelector("link[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("link[rel=prev]"));
        Assert.Equal("/news/archive?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var second = await client.GetDocumentAsync("/news/archive?page=2");
        Assert.Equal(ReaderData.ArchiveCount - 20, second.QuerySelectorAll(".cards > li").Length);
        Assert.Equal("/news/archive", second.QuerySelector("link[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector("link[rel=next]"));
        Assert.Equal($"{ReaderData.BaseUrl}/news/archive?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Archive (page 2) | The Harbour Ledger", second.Title);

        foreach (var beyond in new[] { "/news/archive?page=3", "/news/archive?page=0", "/news/archive?page=abc" })
        {
            using var response = await client.GetAsync(beyond, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{beyond}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Topic_page_lists_the_topics_articles(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var doc = await app.Client().GetDocumentAsync("/topics/border-talks");
        Assert.Equal("Border Talks", doc.QuerySelector("h1").Text());
        Assert.Equal("Negotiations over the northern border.", doc.QuerySelector(".profile").Text());
        Assert.Equal(["Border talks resume after a year of silence"], doc.QuerySelectorAll(".cards h2").Select(h => h.Text()));
        // Its picture as a square thumbnail cropped around the focal point: sized so nothing moves as it loads, loaded lazily.
        var thumb = doc.QuerySelector(".cards > li.with-thumb > img.thumb")!;
        Assert.Equal("/media/hero/card-1x1-160.jpg", thumb.GetAttribute("src"));
        Assert.Equal("/media/hero/card-1x1-160.jpg 160w, /media/hero/card-1x1-640.jpg 640w", thumb.GetAttribute("srcset"));
        Assert.Equal(("80px", "80", "80"), (thumb.GetAttribute("sizes"), thumb.GetAttribute("width"), thumb.GetAttribute("height")));
        Assert.Equal(("Alt text of hero", "lazy"), (thumb.GetAttribute("alt"), thumb.GetAttribute("loading")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Author_pages_show_a_staff_profile_and_an_agencys_articles(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var person = await app.Client().GetDocumentAsync("/authors/mara-lindqvist");
        Assert.Equal("Mara Lindqvist", person.QuerySelector("h1").Text());
        Assert.Equal("Diplomatic correspondent", person.QuerySelector(".profile").Text());
        Assert.Contains("Mara covers diplomacy from the coast.", person.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["A sample story about the port", "Border talks resume after a year of silence", "Port fees to rise"],
            person.QuerySelectorAll(".cards h2").Select(h => h.Text()));
        Assert.Equal("profile", person.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));

        var agency = await app.Client().GetDocumentAsync("/authors/coastal-wire");
        Assert.Equal("Coastal Wire", agency.QuerySelector("h1").Text());
        Assert.Equal(20, agency.QuerySelectorAll(".cards > li").Length);
        Assert.NotNull(agency.QuerySelector("link[rel=next]"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Standards_index_lists_the_pages_and_each_page_renders_its_blocks(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var index = await app.Client().GetDocumentAsync("/standards");
        Assert.Equal("Our standards", index.QuerySelector("h1").Text());
        Assert.Equal([("Ethics code", "/standards/ethics"), ("Corrections policy", "/standards/corrections")],
            index.QuerySelectorAll("main .cards h2 a").Select(a => (a.Text(), a.GetAttribute("href"))));

        var ethics = await app.Client().GetDocumentAsync("/standards/ethics");
        Assert.Equal("Ethics code", ethics.QuerySelector("h1").Text());
        Assert.Equal("Independence", ethics.QuerySelector(".body h2").Text());
        Assert.Equal("No one pays for coverage.", ethics.QuerySelector(".body p").Text());
        Assert.Empty(ethics.QuerySelectorAll(".ad"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "/no/such/page")]
    [InlineData(DatabaseProvider.Sqlite, "/news/nowhere")]
    [InlineData(DatabaseProvider.Sqlite, "/topics/nothing")]
    [InlineData(DatabaseProvider.Sqlite, "/authors/nobody")]
    [InlineData(DatabaseProvider.Sqlite, "/standards/nothing")]
    [InlineData(DatabaseProvider.Sqlite, "/news")]
    [InlineData(DatabaseProvider.PostgreSQL, "/no/such/page")]
    [InlineData(DatabaseProvider.PostgreSQL, "/news/nowhere")]
    [InlineData(DatabaseProvider.PostgreSQL, "/topics/nothing")]
    [InlineData(DatabaseProvider.PostgreSQL, "/authors/nobody")]
    [InlineData(DatabaseProvider.PostgreSQL, "/standards/nothing")]
    public async Task Unknown_urls_and_slugs_get_a_helpful_404_page(DatabaseProvider provider, string path)
    {
        var (app, _) = site[provider];
        using var response = await app.Client().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Page not found", doc.QuerySelector("h1").Text());
        var links = doc.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/", links);
        Assert.Contains("/news/world", links);
        Assert.Contains("/standards", links);
        Assert.Equal(ReaderData.PublicationName, doc.QuerySelector(".brand").Text());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_post_to_an_unknown_url_also_gets_the_404_page(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        using var response = await app.Client().PostAsync("/no/such/form", new StringContent("x"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Page not found", doc.QuerySelector("h1").Text());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task HEAD_answers_with_the_headers_of_GET_and_no_body(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        using var get = await client.GetAsync(data.LeadPath, TestContext.Current.CancellationToken);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, data.LeadPath), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
