using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.BrowserTests;

/// <summary>An article the listen tests publish through the admin API, and the wait for its audio.</summary>
public static class SpokenArticle
{
    /// <summary>
    /// Publishes an English agency story in a section (created if new) and waits until the default voice's status
    /// answer passes <paramref name="done"/> (by default: ready, which the MP3 makes). Returns the page's path and
    /// that answer.
    /// </summary>
    public static async Task<(string Path, JsonElement Answer)> PublishAsync(
        BroadsheetApp app, string section, string headline, string summary, string markdown, Func<JsonElement, bool>? done = null)
    {
        var ct = CancellationToken.None;
        using var admin = app.AdminClient();
        var sectionName = char.ToUpperInvariant(section[0]) + section[1..];
        (await admin.PutAsJsonAsync($"/api/admin/sections/{section}", new { name = sectionName }, ct)).EnsureSuccessStatusCode();
        var created = await admin.PostAsJsonAsync("/api/admin/articles", new
        {
            headline,
            summary = new[] { summary },
            section,
            byline = new[] { new { name = sectionName + " Desk", kind = "agency" } },
            body = new { markdown },
            language = "en",
        }, ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt32();
        var published = await admin.PostAsync($"/api/admin/articles/{id}/publish", null, ct);
        published.EnsureSuccessStatusCode();
        var path = (await published.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("url").GetString()!;

        done ??= _ => true;
        using var client = app.Client();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/listen/{id}/default", ct);
            if (status.GetProperty("status").GetString() == "ready" && done(status))
            {
                return (path, status);
            }
            Assert.True(DateTime.UtcNow < deadline, $"audio of article {id} not done: {status}");
            await Task.Delay(250, ct);
        }
    }
}
