using Broadsheet.Articles;

namespace Broadsheet.Tests.Infrastructure;

/// <summary>Hears every eviction, as the Redis broadcast and the audio queue do.</summary>
public sealed class EvictionLog : IContentChangeBroadcast
{
    private readonly Lock gate = new();
    private readonly List<string> tags = [];

    public IReadOnlyList<string> Tags
    {
        get
        {
            lock (gate)
            {
                return [.. tags];
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            tags.Clear();
        }
    }

    public Task PublishAsync(IReadOnlyCollection<string> evicted, CancellationToken ct)
    {
        lock (gate)
        {
            tags.AddRange(evicted);
        }
        return Task.CompletedTask;
    }
}
