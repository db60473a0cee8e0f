using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Discovery;

/// <summary>
/// A change still to be told to a WebSub hub or to IndexNow: the cache tags a committed write evicted, written once by
/// the instance that made the change, whatever its role. The row is the queue: a worker claims due rows by setting
/// <see cref="ClaimedUntil"/> in one conditional UPDATE, so several workers send each ping once, and a ping waiting for
/// its retry survives a restart.
/// </summary>
public sealed class PendingPing
{
    /// <summary>The longest tag list a row keeps; a change that evicts more is split over several rows.</summary>
    public const int MaxTagsLength = 4000;

    public long Id { get; set; }

    public PingKind Kind { get; set; }

    /// <summary>The evicted cache tags, separated by spaces (tags have none).</summary>
    public required string Tags { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed sends so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time (backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The lease of the worker that claimed it; a row whose lease ran out (its worker died) may be claimed again.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? ClaimedBy { get; set; }
}

public sealed class PendingPingConfiguration : IEntityTypeConfiguration<PendingPing>
{
    public void Configure(EntityTypeBuilder<PendingPing> e)
    {
        e.ToTable("PendingPings");
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.Tags).HasMaxLength(PendingPing.MaxTagsLength);
        e.Property(p => p.ClaimedBy).HasMaxLength(200);
        e.HasIndex(p => p.NextAttemptAt);
    }
}
