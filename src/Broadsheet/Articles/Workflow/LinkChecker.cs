using System.Collections.Concurrent;
using System.Net;

namespace Broadsheet.Articles.Workflow;

/// <summary>
/// Asks whether body links answer, for the publishing checklist: a HEAD (a GET when HEAD is refused) with a short
/// timeout, all links at once. A link answers when the server gives any status but "not found", "gone" or a server
/// error (a paywall's 401 or 403 still answers). Answers are remembered for a few minutes so the live checklist
/// does not ask again on every keystroke.
/// </summary>
public sealed class LinkChecker(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "link-checker";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>How long one link may take to answer (shorter in tests).</summary>
    public TimeSpan Wait { get; init; } = Timeout;

    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (bool Answers, DateTimeOffset At)> answers = new(StringComparer.Ordinal);

    /// <summary>The links among <paramref name="links"/> that do not answer, in the order given.</summary>
    public async Task<IReadOnlyList<string>> DeadAsync(IReadOnlyList<string> links, CancellationToken ct)
    {
        var results = await Task.WhenAll(links.Select(async link => (link, answers: await AnswersAsync(link, ct))));
        return [.. results.Where(r => !r.answers).Select(r => r.link)];
    }

    private async Task<bool> AnswersAsync(string link, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (answers.TryGetValue(link, out var known) && now - known.At < Remembered)
        {
            return known.Answers;
        }
        var client = clients.CreateClient(ClientName);
        bool answered;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(Wait);
            try
            {
                using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, link), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = head.StatusCode;
                if (status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
                {
                    using var get = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, link), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                    status = get.StatusCode;
                }
                answered = status is not (HttpStatusCode.NotFound or HttpStatusCode.Gone) && (int)status < 500;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                answered = false;
            }
        }
        answers[link] = (answered, now);
        return answered;
    }
}
