using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Ingest.Doors;

/// <summary>
/// One polled feed, shared by every instance: the lease that keeps polls from overlapping (claimed with one conditional
/// UPDATE, like the audio queue's jobs), the validators for the next conditional GET, and what people see on the status page.
/// </summary>
public sealed class WireFeedState
{
    /// <summary>The source's name (<c>Broadsheet:Ingest:Sources:N:Name</c>).</summary>
    public required string Source { get; set; }

    /// <summary>The URL the validators belong to; when the configured URL changes they are dropped.</summary>
    public required string Url { get; set; }

    public string? ClaimedBy { get; set; }

    /// <summary>The lease of the instance polling now; one whose lease ran out (it died mid-poll) is taken over.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset NextPollAt { get; set; }

    public string? ETag { get; set; }

    /// <summary>The feed's <c>Last-Modified</c> as it sent it, sent back as <c>If-Modified-Since</c>.</summary>
    public string? LastModified { get; set; }

    public DateTimeOffset? LastPollAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>What the last poll got, in words: "304 not modified", "200: 12 items (2 created, 10 duplicate)".</summary>
    public string? LastResult { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>Failed polls in a row; the wait before the next one doubles with each.</summary>
    public int Failures { get; set; }
}

public sealed class WireFeedStateConfiguration : IEntityTypeConfiguration<WireFeedState>
{
    public void Configure(EntityTypeBuilder<WireFeedState> e)
    {
        e.ToTable("WireFeedStates");
        e.HasKey(f => f.Source);
        e.Property(f => f.Source).HasMaxLength(100);
        e.Property(f => f.Url).HasMaxLength(2000);
        e.Property(f => f.ClaimedBy).HasMaxLength(200);
        e.Property(f => f.ETag).HasMaxLength(500);
        e.Property(f => f.LastModified).HasMaxLength(100);
        e.Property(f => f.LastResult).HasMaxLength(500);
        e.Property(f => f.LastError).HasMaxLength(2000);
    }
}
