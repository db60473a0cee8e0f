using System.Net;
using System.Text.Json.Nodes;
using Broadsheet.Search;
using Broadsheet.Tests.Api;
using TestApi = Broadsheet.Tests.Api.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

public sealed class SearchApps(SharedApps shared) : SharedProviderApps(shared);

/// <summary>
/// Search on both databases, through the API and the reader's page. Each test writes its own articles in a section of
/// its own and filters by it, or searches for a word no other article has, so tests sharing the app never see each other's.
/// </summary>
[Collection(SharedAppsCollection.Name)]
public sealed class SearchTests(SearchApps apps) : IClassFixture<SearchApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A word of letters only that no other article contains.</summary>
    private static string Nonce() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));

    private static List<int> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!["article"]!["id"]!.GetValue<int>()).ToList();

    private static async Task<int> PublishAsync(HttpClient admin, string section, string headline, string body, Action<JsonObject>? change = null)
    {
        var article = TestApi.ArticleJson(section, headline);
        article["body"] = new JsonObject { ["markdown"] = body };
        change?.Invoke(article);
        var id = await admin.CreateArticleAsync(article);
        await admin.PublishAsync(id);
        return id;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_headline_match_ranks_above_a_body_match_and_matches_are_marked_in_escaped_html(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = TestApi.Unique("ranking");
        await admin.PutSectionAsync(section, "Ranking");
        var word = Nonce();
        var inBody = await PublishAsync(admin, section, "Markets steady after a quiet week", $"Traders said 3 < 4 & {word} more was expected.\n\nNothing else moved.");
        var inHeadline = await PublishAsync(admin, section, $"The {word} question returns", "Ministers met on Monday.");

        var page = await app.Client().GetJsonAsync($"/api/v1/search?q={word}");
        Assert.Equal([inHeadline, inBody], Ids(page));
        var first = page["items"]![0]!;
        var second = page["items"]![1]!;
        Assert.True(first["score"]!.GetValue<double>() > second["score"]!.GetValue<double>());
        Assert.Equal($"The <mark>{word}</mark> question returns", first["highlightedHeadline"]!.GetValue<string>());
        var snippet = second["snippet"]!.GetValue<string>();
        Assert.Contains($"3 &lt; 4 &amp; <mark>{word}</mark> more", snippet);

        // Newest first puts the later one first whatever the rank.
        Assert.Equal([inHeadline, inBody], Ids(await app.Client().GetJsonAsync($"/api/v1/search?q={word}&sort=newest")));
        // Phrases, exclusion and OR.
        Assert.Equal([inHeadline], Ids(await app.Client().GetJsonAsync($"/api/v1/search?q=%22{word}+question%22")));
        Assert.Equal([inBody], Ids(await app.Client().GetJsonAsync($"/api/v1/search?q={word}+-question")));
        var other = Nonce();
        Assert.Equal([inHeadline, inBody], Ids(await app.Client().GetJsonAsync($"/api/v1/search?q={other}+OR+{word}")));
        Assert.Empty(Ids(await app.Client().GetJsonAsync($"/api/v1/search?q={other}+{word}")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Filters_narrow_by_section_with_subsections_topic_author_type_and_dates(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var top = TestApi.Unique("filters");
        await admin.PutSectionAsync(top, "Filters");
        await admin.PutSectionAsync($"{top}/sub", "Sub");
        var elsewhere = TestApi.Unique("elsewhere");
        await admin.PutSectionAsync(elsewhere, "Elsewhere");
        var word = Nonce();
        var topic = TestApi.Unique("Topic");
        var author = TestApi.Unique("Reporter");
        var inTop = await PublishAsync(admin, top, $"Story {word} one", "Text.");
        var inSub = await PublishAsync(admin, $"{top}/sub", $"Story {word} two", "Text.", a =>
        {
            a["topics"] = new JsonArray(topic);
            a["byline"] = new JsonArray(new JsonObject { ["name"] = author, ["kind"] = "person" });
            a["type"] = "analysis";
        });
        var inOther = await PublishAsync(admin, elsewhere, $"Story {word} three", "Text.");
        var reader = app.Client();
        Task<JsonNode> Search(string filters) => reader.GetJsonAsync($"/api/v1/search?q={word}&{filters}");

        Assert.Equal([inOther, inSub, inTop], Ids(await Search("sort=newest")));
        Assert.Equal([inSub, inTop], Ids(await Search($"section={top}&sort=newest")));
        Assert.Equal([inSub], Ids(await Search($"section={top}/sub")));
        var topicSlug = (await reader.GetJsonAsync($"/api/v1/articles/{inSub}"))["topics"]![0]!["slug"]!.GetValue<string>();
        var authorSlug = (await reader.GetJsonAsync($"/api/v1/articles/{inSub}"))["byline"]![0]!["slug"]!.GetValue<string>();
        Assert.Equal([inSub], Ids(await Search($"topic={topicSlug}")));
        Assert.Equal([inSub], Ids(await Search($"author={authorSlug}")));
        Assert.Equal([inSub], Ids(await Search("type=analysis")));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, Ids(await Search($"from={yesterday}&to={tomorrow}")).Count);
        Assert.Empty(Ids(await Search($"from={tomorrow}")));
        Assert.Empty(Ids(await Search($"to={yesterday}")));

        // Pagination: one result a page, linked onwards.
        var first = await Search("sort=newest&pageSize=2");
        Assert.Equal([inOther, inSub], Ids(first));
        Assert.Equal([inTop], Ids(await reader.GetJsonAsync(first["next"]!.GetValue<string>())));

        // The article listing's q is the same search.
        var listed = await reader.GetJsonAsync($"/api/v1/articles?q={word}&section={top}");
        Assert.Equal([inSub, inTop], listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ToList());
        Assert.Equal(2, listed["total"]!.GetValue<int>());

        await TestApi.AssertProblemAsync(await reader.GetAsync($"/api/v1/search?q={word}&type=gossip&from=yesterday&sort=best", Ct), TestApi.BadInput, "type", "from", "sort");
        await TestApi.AssertProblemAsync(await reader.GetAsync("/api/v1/search?q=-only", Ct), TestApi.BadInput, "q");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task English_words_are_found_by_their_stem_and_a_Chinese_word_inside_a_sentence(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = TestApi.Unique("language");
        await admin.PutSectionAsync(section, "Language");
        var english = await PublishAsync(admin, section, "Envoys meet again", "The negotiations resumed in Geneva on Tuesday.");
        var chinese = await PublishAsync(admin, section, "双方代表再次会面", "双方代表今天在日内瓦恢复谈判并发表声明。", a => a["language"] = "zh");

        var stemmed = await app.Client().GetJsonAsync($"/api/v1/search?q=negotiate&section={section}");
        Assert.Equal([english], Ids(stemmed));
        Assert.Contains("<mark>negotiations</mark>", stemmed["items"]![0]!["snippet"]!.GetValue<string>());

        var found = await app.Client().GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("谈判")}&section={section}");
        Assert.Equal([chinese], Ids(found));
        Assert.Contains("恢复<mark>谈判</mark>并", found["items"]![0]!["snippet"]!.GetValue<string>());
        // A longer word is its grams as a phrase: in order, next to each other.
        Assert.Equal([chinese], Ids(await app.Client().GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("日内瓦")}&section={section}")));
        Assert.Empty(Ids(await app.Client().GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("内日瓦")}&section={section}")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Publishing_updating_unpublishing_and_deleting_change_results_at_once(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var reader = app.Client();
        var section = TestApi.Unique("current");
        await admin.PutSectionAsync(section, "Current");
        var word = Nonce();
        var draft = TestApi.ArticleJson(section, $"Draft about {word}");
        var id = await admin.CreateArticleAsync(draft);
        Assert.Empty(Ids(await reader.GetJsonAsync($"/api/v1/search?q={word}")));

        // The index changes in the publishing save itself: the first search after the answer finds it (and the
        // cached empty answer above was evicted with the publication).
        await admin.PublishAsync(id);
        Assert.Equal([id], Ids(await reader.GetJsonAsync($"/api/v1/search?q={word}")));

        var current = await admin.GetAsync($"/api/admin/articles/{id}", Ct);
        var etag = current.Headers.ETag!.Tag;
        var updated = TestApi.ArticleJson(section, "A new headline entirely");
        var replacement = Nonce();
        updated["body"] = new JsonObject { ["markdown"] = $"Now about {replacement}." };
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/articles/{id}") { Content = TestApi.Json(updated.ToJsonString()) })
        {
            put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
            Assert.True((await admin.SendAsync(put, Ct)).IsSuccessStatusCode);
        }
        Assert.Empty(Ids(await reader.GetJsonAsync($"/api/v1/search?q={word}")));
        Assert.Equal([id], Ids(await reader.GetJsonAsync($"/api/v1/search?q={replacement}")));

        await admin.PostAsync($"/api/admin/articles/{id}/unpublish", null, Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(Ids(await reader.GetJsonAsync($"/api/v1/search?q={replacement}")));

        await admin.PublishAsync(id);
        Assert.Equal([id], Ids(await reader.GetJsonAsync($"/api/v1/search?q={replacement}")));
        Assert.True((await admin.DeleteAsync($"/api/admin/articles/{id}", Ct)).IsSuccessStatusCode);
        Assert.Empty(Ids(await reader.GetJsonAsync($"/api/v1/search?q={replacement}")));
        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<ArticleSearch>();
        Assert.Equal(0, await search.CountAsync(SearchQuery.Parse(replacement), new SearchFilters(), Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_start_up_catch_up_indexes_a_published_article_that_lost_its_document_and_leaves_a_complete_index_alone(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = TestApi.Unique("catchup");
        await admin.PutSectionAsync(section, "Catch-up");
        var word = Nonce();
        var id = await PublishAsync(admin, section, $"The {word} returns", "Ministers met on Monday.");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
        var search = scope.ServiceProvider.GetRequiredService<ArticleSearch>();
        var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var documents = db.Set<SearchDocument>();

        // Complete: nothing to add, the document stays as it is.
        await index.CatchUpAsync(db, Ct);
        Assert.Equal(1, await search.CountAsync(SearchQuery.Parse(word), new SearchFilters(), Ct));

        // A published article without its document (a bulk load, a database from before search) is indexed again.
        await documents.Where(d => d.ArticleId == id).ExecuteDeleteAsync(Ct);
        Assert.Equal(0, await search.CountAsync(SearchQuery.Parse(word), new SearchFilters(), Ct));
        await index.CatchUpAsync(db, Ct);
        Assert.Equal(1, await search.CountAsync(SearchQuery.Parse(word), new SearchFilters(), Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Junk_queries_never_fail(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        string[] junk =
        [
            "\"", "\"\"", "\"unclosed phrase", "-", "--", "- -", "OR", "OR OR", "a OR", "OR a", "-\"\"", "*", "a*", "^a", "NEAR(a b)", "a:b", "{a b}",
            "'; DROP TABLE \"Articles\"; --", "' OR 1=1 --", "\\", "%", "_", "(", ")", "()", "!!a", "a & b | c", "<->", "a:*", "&&", "NOT", "AND",
            "\0", "\ud800", "\udc00x", "日", "ー", "ﾟ", "🙂", "é", "\u0301", new string('x', 5000), string.Join(' ', Enumerable.Repeat("word", 600)),
            string.Concat(Enumerable.Repeat("\"a\" -b OR ", 200)),
        ];
        var random = new Random(Unit.Fuzz.Seed);
        var queries = junk.Concat(Enumerable.Range(0, Unit.Fuzz.Iterations / 3).Select(_ => Unit.Fuzz.RandomText(random, 60))).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<ArticleSearch>();
        foreach (var q in queries)
        {
            var query = SearchQuery.Parse(q);
            var results = await search.SearchAsync(query, new SearchFilters(), SearchOrder.Relevance, 1, 5, Ct);
            Assert.NotNull(results);
        }
        // And through both doors, a few of the worst.
        var reader = app.Client();
        foreach (var q in junk.Take(12).Append(new string('"', 2000)).Append("\ud83d"))
        {
            var encoded = Uri.EscapeDataString(q.Replace("\ud800", "", StringComparison.Ordinal).Replace("\ud83d", "", StringComparison.Ordinal));
            var api = await reader.GetAsync($"/api/v1/search?q={encoded}", Ct);
            Assert.True(api.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{q}: {(int)api.StatusCode}");
        }
        foreach (var q in junk.Skip(12).Take(10))
        {
            var page = await reader.GetAsync($"/search?q={Uri.EscapeDataString(q.Replace("\ud800", "", StringComparison.Ordinal))}", Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Matches_published_days_to_years_apart_come_newest_first_across_pages_and_all_are_ranked(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = TestApi.Unique("ages");
        await admin.PutSectionAsync(section, "Ages");
        var word = Nonce();
        // Published oldest first; PostgreSQL's search reads the matches a window of publication time at a time (days,
        // then further back), so the documents are dated from now back past ten years.
        string[] ages = ["5000", "1000", "100", "10", "1", "0"];
        List<int> ids = [];
        foreach (var age in ages)
        {
            ids.Add(await PublishAsync(admin, section, age == "100" ? $"The {word} of a hundred days" : $"Story {age}", $"Text with {word} in it."));
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
            for (var i = 0; i < ages.Length; i++)
            {
                var at = DateTimeOffset.UtcNow.AddDays(-int.Parse(ages[i], System.Globalization.CultureInfo.InvariantCulture)).AddMinutes(-i);
                await db.Set<SearchDocument>().Where(d => d.ArticleId == ids[i]).ExecuteUpdateAsync(u => u.SetProperty(d => d.PublishedAt, at), Ct);
            }
        }
        ids.Reverse();
        var reader = app.Client();

        // Two a page, following the links: every match once, newest first, through every window.
        Assert.Equal(ids, await AllPagesAsync(reader, $"/api/v1/search?q={word}&sort=newest&pageSize=2"));
        Assert.Equal(ids, Ids(await reader.GetJsonAsync($"/api/v1/search?q={word}&sort=newest&section={section}")));
        // By relevance all six are candidates; the headline match comes first, then newest first among equals.
        var ranked = Ids(await reader.GetJsonAsync($"/api/v1/search?q={word}"));
        Assert.Equal([ids[3], .. ids.Where(id => id != ids[3])], ranked);
        // Two a page: every candidate is ranked before the first page is cut, not just the newest two, so the
        // hundred-day-old headline match leads page one and the pages neither repeat nor skip a match.
        Assert.Equal(ranked, await AllPagesAsync(reader, $"/api/v1/search?q={word}&pageSize=2"));
    }

    /// <summary>The ids of every page of a listing, following its <c>next</c> links from <paramref name="first"/>.</summary>
    private static async Task<List<int>> AllPagesAsync(HttpClient reader, string first)
    {
        List<int> ids = [];
        for (string? next = first; next is not null;)
        {
            var page = await reader.GetJsonAsync(next);
            ids.AddRange(Ids(page));
            next = page["next"]?.GetValue<string>();
        }
        return ids;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_search_page_shows_results_the_form_and_what_to_do_when_nothing_matches(DatabaseProvider provider)
    {
        var app = await apps.On(provider);
        var admin = app.AdminClient();
        var section = TestApi.Unique("page");
        await admin.PutSectionAsync(section, "Page Section");
        var word = Nonce();
        var id = await PublishAsync(admin, section, $"Council backs {word} plan", $"The {word} plan passed.");
        var reader = app.Client();

        var html = await reader.GetStringAsync($"/search?q={word}", Ct);
        Assert.Contains($"Council backs <mark>{word}</mark> plan", html);
        Assert.Contains($"/article/{id}/", html);
        Assert.Contains("Page Section", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html);

        // The page-weight budget of reader pages: HTML under 10 KB gzipped, here with a page of 20 results.
        for (var i = 0; i < 20; i++)
        {
            await PublishAsync(admin, section, $"More on the {word} plan, part {i}", string.Join(' ', Enumerable.Repeat($"Councillors debated the {word} plan at length.", 40)));
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/search?q={word}"))
        {
            request.Headers.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("gzip"));
            using var weighed = await reader.SendAsync(request, Ct);
            Assert.Equal(["gzip"], weighed.Content.Headers.ContentEncoding);
            var bytes = (await weighed.Content.ReadAsByteArrayAsync(Ct)).Length;
            Assert.True(bytes <= 10 * 1024, $"The search page is {bytes} bytes gzipped; the budget is 10 KB");
        }

        var empty = await reader.GetStringAsync("/search", Ct);
        Assert.Contains("<input id=\"q\" type=\"search\" name=\"q\" value=\"\"", empty);
        Assert.DoesNotContain("No articles match", empty);

        var none = await reader.GetAsync($"/search?q={Nonce()}&section={section}", Ct);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        var noneHtml = await none.Content.ReadAsStringAsync(Ct);
        Assert.Contains("No articles match", noneHtml);
        Assert.Contains("Search all articles for", noneHtml);

        // Every page has the search box and the OpenSearch link; the 404 page offers search too.
        var missing = await reader.GetAsync("/no-such-page", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var missingHtml = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"missing-q\"", missingHtml);
        Assert.Contains("id=\"site-q\"", missingHtml);
        Assert.Contains("rel=\"search\" type=\"application/opensearchdescription+xml\"", missingHtml);

        var description = System.Xml.Linq.XDocument.Parse(await reader.GetStringAsync("/opensearch.xml", Ct));
        System.Xml.Linq.XNamespace ns = "http://a9.com/-/spec/opensearch/1.1/";
        Assert.EndsWith("/search?q={searchTerms}", description.Root!.Elements(ns + "Url").First().Attribute("template")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/search?q={word}&page=0", Ct)).StatusCode);
    }
}
