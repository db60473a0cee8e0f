using System.Diagnostics;
using Broadsheet.Operations;
using Microsoft.AspNetCore.Http;

namespace Broadsheet.Tests.Operations;

/// <summary>The per-request timing log: a line per request with each statement Npgsql ran inside it, statements named once.</summary>
public sealed class RequestTimingTests
{
    [Fact]
    public async Task Each_request_gets_a_line_with_its_own_statements_and_each_statement_is_written_once()
    {
        var path = Path.Combine(Path.GetTempPath(), $"timing-{Guid.NewGuid():N}.log");
        // The source Npgsql's commands report to: activities started inside a request are that request's statements.
        using var npgsql = new ActivitySource("Npgsql");
        try
        {
            using (var timing = new RequestTiming(path))
            {
                async Task RequestAsync(string url, params string[] statements)
                {
                    var http = new DefaultHttpContext();
                    http.Request.Path = url;
                    await timing.InvokeAsync(http, () =>
                    {
                        foreach (var sql in statements)
                        {
                            using var activity = npgsql.StartActivity("query");
                            Assert.NotNull(activity);
                            activity.SetTag("db.query.text", sql);
                        }
                        http.Response.StatusCode = 404;
                        return Task.CompletedTask;
                    });
                }
                await RequestAsync("/one", "SELECT 1", "SELECT 2");
                await RequestAsync("/two", "SELECT 2");
                // Outside a request nothing is recorded.
                using (var outside = npgsql.StartActivity("query"))
                {
                    outside?.SetTag("db.query.text", "SELECT 3");
                }
            }

            var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(["#1 = SELECT 1", "#2 = SELECT 2"], lines.Where(l => l.StartsWith('#')));
            Assert.Equal(4, lines.Length);
            var requests = lines.Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
            Assert.Equal(["/one", "/two"], requests.Select(r => r[1]));
            Assert.All(requests, r => Assert.Equal("404", r[2]));
            Assert.Matches(@"^ #1:[-\d.]+/[\d.]+ #2:[-\d.]+/[\d.]+$", requests[0][^1]);
            Assert.Matches(@"^ #2:[-\d.]+/[\d.]+$", requests[1][^1]);
            Assert.StartsWith("total=", requests[0][3], StringComparison.Ordinal);
            Assert.Contains(requests[0], f => f.StartsWith("collections=", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
