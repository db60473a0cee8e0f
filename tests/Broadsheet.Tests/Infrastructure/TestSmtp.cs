using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Tests.Infrastructure;

/// <summary>
/// The SMTP server the test command starts (<c>./test.sh</c>: smtp4dev, a real SMTP server that keeps what it receives
/// and shows it through a web API): <c>BROADSHEET_TEST_SMTP</c> names its SMTP address (<c>127.0.0.1:2525</c>) and
/// <c>BROADSHEET_TEST_SMTP_WEB</c> its web API. Every test app sends its mail there; the mail tests fail without it.
/// </summary>
public static class TestSmtp
{
    public static string? Address => Environment.GetEnvironmentVariable("BROADSHEET_TEST_SMTP") is { Length: > 0 } a ? a : null;

    private static Uri Web =>
        Environment.GetEnvironmentVariable("BROADSHEET_TEST_SMTP_WEB") is { Length: > 0 } web
            ? new Uri(web.TrimEnd('/') + "/")
            : throw new InvalidOperationException(
                "BROADSHEET_TEST_SMTP_WEB is not set. Run the tests with ./test.sh, which starts smtp4dev, or point " +
                "BROADSHEET_TEST_SMTP and BROADSHEET_TEST_SMTP_WEB at one (127.0.0.1:2525 and http://127.0.0.1:5080).");

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public sealed record Message(string Id, string Subject, string[] To);

    private sealed record Header([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("value")] string Value);

    private sealed record Details([property: JsonPropertyName("headers")] Header[] Headers);

    /// <summary>The values of one header of a received message (<c>Reply-To</c>, say), as the server parsed them.</summary>
    public static async Task<string[]> HeaderAsync(Message message, string name, CancellationToken ct)
    {
        var details = await Http.GetFromJsonAsync<Details>(new Uri(Web, $"api/messages/{message.Id}"), ct);
        return [.. details!.Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];
    }

    private sealed record Page([property: JsonPropertyName("results")] Message[] Results);

    /// <summary>The messages received for <paramref name="to"/> so far, newest first.</summary>
    public static async Task<Message[]> ForAsync(string to, CancellationToken ct)
    {
        var page = await Http.GetFromJsonAsync<Page>(new Uri(Web, $"api/messages?searchTerms={Uri.EscapeDataString(to)}&pageSize=50"), ct);
        return [.. page!.Results.Where(m => m.To.Any(t => string.Equals(t, to, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Waits (polling the server, up to <paramref name="timeout"/>) until a message for <paramref name="to"/> arrives; its text.</summary>
    public static Task<(Message Message, string Text)> WaitForAsync(string to, CancellationToken ct, TimeSpan? timeout = null) =>
        WaitForAsync(to, _ => true, ct, timeout);

    /// <summary>The same for the first message for <paramref name="to"/> that <paramref name="match"/> picks (an address several tests share).</summary>
    public static async Task<(Message Message, string Text)> WaitForAsync(string to, Func<Message, bool> match, CancellationToken ct, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if ((await ForAsync(to, ct)).FirstOrDefault(match) is { } message)
            {
                return (message, await Http.GetStringAsync(new Uri(Web, $"api/messages/{message.Id}/plaintext"), ct));
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email for {to} reached the test SMTP server.");
            }
            await Task.Delay(100, ct);
        }
    }
}
