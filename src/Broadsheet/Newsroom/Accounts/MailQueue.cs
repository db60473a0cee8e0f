using System.Threading.Channels;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>
/// A hosted service that sends the newsroom's mail in the background, one queued item at a time, so that a slow mail
/// server never holds a request. The queue is bounded and drops what does not fit: a flood of requests costs memory no
/// more than this. A failed send is logged and the next item goes on.
/// </summary>
public abstract class MailQueue<T>(ILogger logger) : BackgroundService
{
    private readonly Channel<T> queue = Channel.CreateBounded<T>(new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Whether this mail is sent at all (the settings it needs are there); nothing is queued otherwise.</summary>
    public abstract bool IsEnabled { get; }

    /// <summary>Queues one item; false when this mail is off or the queue is full.</summary>
    protected bool Enqueue(T item) => IsEnabled && queue.Writer.TryWrite(item);

    /// <summary>Sends the mail for one item.</summary>
    protected abstract Task SendAsync(T item, CancellationToken ct);

    /// <summary>What the log says when an item's mail could not be sent.</summary>
    protected abstract string FailureMessage { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled)
        {
            return;
        }
        await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(item, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Failure}", FailureMessage);
            }
        }
    }
}
